/** Opens the database: embedded PGlite (data in a folder) or a PostgreSQL server, both through `pg`. */
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { lockDataDir } from './data-dir-lock.ts'
import type { Database } from './schema.ts'

export type Engine = 'pglite' | 'postgres'

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent, PGlite is used. */
  readonly databaseUrl?: string | undefined
  /** PGlite's data folder, or `memory://` for a throwaway in-memory database. */
  readonly dataDir?: string | undefined
}

export interface Store {
  readonly db: Kysely<Database>
  readonly engine: Engine
  /** The embedded engine, when used (for its fast COPY path). */
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
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, types, max: 10 })
    // An idle connection closed by the server (restart, terminated backend) is dropped by the pool
    // and replaced on the next query; without a listener its error would crash the process.
    pool.on('error', () => {})
    return makeStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres', undefined)
  }
  const dataDir = options.dataDir ?? 'memory://'
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  const lock = inMemory ? undefined : lockDataDir(dataDir)
  try {
    const pglite = await PGlite.create(dataDir)
    const pool = new pg.Pool({ ...createPgConfig(pglite), types })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return makeStore(db, 'pglite', pglite, () => lock?.release())
  } catch (error) {
    lock?.release()
    throw error
  }
}

function makeStore(db: Kysely<Database>, engine: Engine, pglite: PGlite | undefined, release: () => void = () => {}): Store {
  return {
    db,
    engine,
    pglite,
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
        await db.destroy()
        if (pglite && !pglite.closed) await pglite.close()
      } finally {
        release()
      }
    },
  }
}
