/**
 * pg-boss's database port (`executeSql(text, values)`), over the store's owner connection or over
 * a pool of its own, with two additions pg-boss needs from us: a failed `BEGIN; …; COMMIT;` batch
 * is rolled back on the connection it ran on, and stop can wait for every statement to finish.
 */
import { CompiledQuery, type Kysely } from 'kysely'
import type pg from 'pg'

/** The shape pg-boss calls (`PgBoss.Db`). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
}

export interface TrackedExecutor extends SqlExecutor {
  /**
   * While true, pg-boss's job fetch (the one statement with `FOR UPDATE SKIP LOCKED`) answers "no
   * jobs" without asking the database, so stop can drain its internal cron worker.
   */
  refuseFetches: boolean
  /** Resolves once no statement is running (including those started while waiting). */
  idle(): Promise<void>
}

/** pg-boss's batches that hold a transaction (`plans.locked`: migrations, maintenance) start so. */
const EXPLICIT_TRANSACTION = /^\s*BEGIN\s*;/i
/** Present only in pg-boss's `fetchNextJob` statement. */
const FETCH_MARKER = 'FOR UPDATE SKIP LOCKED'

/**
 * Runs pg-boss's SQL on a Kysely connection (the store's owner connection, on PGlite the only one).
 * A batch such as `BEGIN; …; SELECT 1/0; COMMIT;` that fails leaves its connection inside an
 * aborted transaction, and Kysely returns connections to the pool without discarding them, so
 * every later query on it (on PGlite: every query of the process) would fail until a ROLLBACK.
 */
export function kyselyExecutor<DB>(db: Kysely<DB>): TrackedExecutor {
  return tracked((text, values) =>
    db.connection().execute(async (connection) => {
      try {
        return await connection.executeQuery(CompiledQuery.raw(text, values))
      } catch (error) {
        if (EXPLICIT_TRANSACTION.test(text)) await connection.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => {})
        throw error
      }
    }),
  )
}

/** Runs pg-boss's SQL on a `pg.Pool`; `pool.query` already discards a client whose query failed. */
export function poolExecutor(pool: pg.Pool): TrackedExecutor {
  return tracked(async (text, values) => {
    const result = await pool.query(text, values)
    return { rows: Array.isArray(result) ? [] : result.rows }
  })
}

function tracked(run: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>): TrackedExecutor {
  const running = new Set<Promise<unknown>>()
  const executor: TrackedExecutor = {
    refuseFetches: false,
    async executeSql(text, values = []) {
      if (executor.refuseFetches && text.includes(FETCH_MARKER)) return { rows: [] }
      const statement = run(text, values)
      running.add(statement)
      try {
        return await statement
      } finally {
        running.delete(statement)
      }
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running])
    },
  }
  return executor
}
