/** Opens the database: embedded PGlite (data in a folder) or a PostgreSQL server, both through `pg`. */
import { mkdirSync } from 'node:fs'
import type { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, sql, type PostgresPool } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import { openReadReplica, type ReadReplica } from './read-replica.ts'
import type { Database } from './schema.ts'

export type Engine = 'pglite' | 'postgres'

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, PGlite is used. */
  readonly databaseUrl?: string | undefined
  /** PGlite's data folder, or `memory://` for a throwaway in-memory database. */
  readonly dataDir?: string | undefined
  /** A read replica of `databaseUrl` (PostgreSQL streaming replication) for `scopedRead`; refused without `databaseUrl`. */
  readonly readUrl?: string | undefined
  /** Where a read replica's warnings go (unreachable, answering again); default stderr. */
  readonly warn?: ((message: string) => void) | undefined
}

/** The organisation (and, for a membership narrowed to sites, the sites) a request may see. */
export interface DataScope {
  readonly organisationId: number
  /** Site ids the membership is narrowed to; null for every site of the organisation. */
  readonly siteIds: readonly number[] | null
}

export interface Store {
  /** The owner's connection: migrations, sign-in, the audit chain, the CLI. Sees every organisation. */
  readonly db: Kysely<Database>
  /**
   * A connection that runs as the role `lhs_app`, for which row-level security admits only the
   * scope's rows (migration 0002-trust). Request handlers use this, so a query that forgets its
   * organisation filter still cannot read or write another organisation's rows.
   */
  scoped(scope: DataScope): Kysely<Database>
  /**
   * Like `scoped` (same role and row-level security) but on the read replica when one is
   * configured, falling back to the primary while it is unreachable; `scoped` otherwise. For reads
   * only: a replica refuses writes. Which requests use it: src/server/access/read-routing.ts.
   */
  scopedRead(scope: DataScope): Kysely<Database>
  /**
   * Where writes go when `db` reads from the replica: the same scope on the primary. Set per request
   * by the access middleware for reads on the replica (a GET that writes an audit entry uses it);
   * absent when `db` is the primary. Write with `writeDb ?? db`.
   */
  readonly writeDb?: Kysely<Database> | undefined
  /** Replay positions for read-your-writes, when a read replica is configured. */
  readonly replica: Pick<ReadReplica, 'hasReplayed' | 'primaryPosition'> | undefined
  readonly engine: Engine
  /** The embedded engine, when used (for its fast COPY path). Queries sent to it directly bypass the scoping of `db` and `scoped`. */
  readonly pglite: PGlite | undefined
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>
  close(): Promise<void>
}

const DATE_OID = 1082
const INT8_OID = 20

/** Read `date` as an ISO string (no time-zone shifts) and 64-bit counts as numbers. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value
    if (oid === INT8_OID) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

export async function openDatabase(options: DatabaseOptions): Promise<Store> {
  if (options.readUrl && !options.databaseUrl) throw new Error('a read replica (readUrl) needs a PostgreSQL primary (databaseUrl); PGlite has no replicas')
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, types, max: 10 })
    // An idle connection closed by the server (restart, terminated backend) is dropped by the pool
    // and replaced on the next query; without a listener its error would crash the process.
    pool.on('error', () => {})
    const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`))
    const replica = options.readUrl ? openReadReplica({ url: options.readUrl, primary: pool, types, warn }) : undefined
    return makeStore(pool, 'postgres', undefined, undefined, replica)
  }
  const dataDir = options.dataDir ?? 'memory://'
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  const lock = inMemory ? undefined : lockDataDir(dataDir)
  try {
    // Loaded only for the embedded engine: a server on PostgreSQL does not carry PGlite's ~40 MB.
    const [{ PGlite }, { createPgConfig }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/node-postgres')])
    const pglite = await PGlite.create(dataDir)
    const pool = new pg.Pool({ ...createPgConfig(pglite), types })
    return makeStore(pool, 'pglite', pglite, () => lock?.release())
  } catch (error) {
    lock?.release()
    throw error
  }
}

/** Every connection is reset to the owner when the owner's Kysely takes it from the pool. */
const RESET = `RESET ROLE; SELECT set_config('lhs.organisation_id', '', false), set_config('lhs.site_ids', '', false)`

function scopeSql(scope: DataScope): string {
  const ids = [scope.organisationId, ...(scope.siteIds ?? [])]
  if (!ids.every((id) => Number.isSafeInteger(id))) throw new Error(`a data scope holds ids that are not integers: ${ids.join(', ')}`)
  const sites = scope.siteIds === null ? '' : scope.siteIds.length === 0 ? '0' : scope.siteIds.join(',')
  return `SET ROLE lhs_app; SELECT set_config('lhs.organisation_id', '${scope.organisationId}', false), set_config('lhs.site_ids', '${sites}', false)`
}

type ConnectionSource = Pick<pg.Pool, 'connect'>

function makeStore(pool: pg.Pool, engine: Engine, pglite: PGlite | undefined, release: () => void = () => {}, replica?: ReadReplica): Store {
  // The role and settings each pooled connection holds now, so a connection is switched only when
  // the next user of it needs another scope (one round trip saved per query in the common case).
  const applied = new WeakMap<pg.PoolClient, string>()
  const poolFor = (setup: string, source: ConnectionSource = pool): PostgresPool => ({
    async connect() {
      const client = await source.connect()
      if (applied.get(client) !== setup) {
        try {
          await client.query(setup)
        } catch (error) {
          client.release(error instanceof Error ? error : true)
          throw error
        }
        applied.set(client, setup)
      }
      return client
    },
    end: () => pool.end(),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolFor(RESET) }) })
  return {
    db,
    engine,
    pglite,
    scoped: (scope) => new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolFor(scopeSql(scope)) }) }),
    scopedRead: (scope) => new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolFor(scopeSql(scope), replica ?? pool) }) }),
    replica: replica && { hasReplayed: (lsn) => replica.hasReplayed(lsn), primaryPosition: () => replica.primaryPosition() },
    async ping() {
      try {
        await sql`SELECT 1`.execute(db)
        return true
      } catch {
        return false
      }
    },
    async close() {
      try {
        await replica?.end()
        await db.destroy()
        if (pglite && !pglite.closed) await pglite.close()
      } finally {
        release()
      }
    },
  }
}
