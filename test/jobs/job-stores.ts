/**
 * Databases for job-queue tests, on every engine (PGlite always, PostgreSQL when
 * LHS_TEST_DATABASE_URL is set), that can be closed and opened again: PGlite in a temporary data
 * folder, PostgreSQL as a throwaway database, dropped by cleanUp. pg-boss keeps to its own schema,
 * so the app's migrations are not needed.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase, type Engine, type Store } from '../../src/storage/database.ts'

export interface JobStoreEngine {
  readonly engine: Engine
  /** Opens the database, created on first use; opening again after closing simulates a restart. */
  open(): Promise<Store>
  /** A connection string to the same database (PostgreSQL), for a second process's own pool. */
  url(): string | undefined
  cleanUp(): Promise<void>
}

/** The engines under test: PGlite always, PostgreSQL when LHS_TEST_DATABASE_URL is set. */
export const engineNames = (): Engine[] => (process.env.LHS_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'])

/**
 * A fresh database on `engine`. PGlite is in memory (each open is a new, empty database) unless
 * `persistent`, which puts it in a temporary folder so that it survives close and open (slower: initdb on disk).
 */
export function jobStoreEngine(engine: Engine, { persistent = false } = {}): JobStoreEngine {
  const adminUrl = process.env.LHS_TEST_DATABASE_URL
  if (engine === 'pglite') return persistent ? pgliteOnDisk() : pgliteInMemory()
  if (!adminUrl) throw new Error('LHS_TEST_DATABASE_URL is not set')
  return postgresEngine(adminUrl)
}

function pgliteInMemory(): JobStoreEngine {
  return { engine: 'pglite', open: () => openDatabase({ dataDir: 'memory://' }), url: () => undefined, cleanUp: async () => {} }
}

function pgliteOnDisk(): JobStoreEngine {
  const dataDir = mkdtempSync(join(tmpdir(), 'lhs-jobs-'))
  return {
    engine: 'pglite',
    open: () => openDatabase({ dataDir }),
    url: () => undefined,
    async cleanUp() {
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function postgresEngine(adminUrl: string): JobStoreEngine {
  const name = `lhs_t_jobs_${process.pid}_${randomBytes(4).toString('hex')}`
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  let created = false
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  return {
    engine: 'postgres',
    async open() {
      if (!created) await admin(`CREATE DATABASE ${name}`)
      created = true
      return openDatabase({ databaseUrl: url.toString() })
    },
    url: () => url.toString(),
    async cleanUp() {
      if (created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      created = false
    },
  }
}
