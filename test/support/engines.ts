/**
 * Storage tests run on every engine: PGlite always, PostgreSQL when LHS_TEST_DATABASE_URL is set.
 * Each test file gets its own throwaway database on the server, dropped afterwards.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Engine, type Store } from '../../src/storage/database.ts'
import { migrateToLatest } from '../../src/storage/migrate.ts'

export interface EngineUnderTest {
  readonly engine: Engine
  /** Opens a fresh, migrated database for this engine. */
  open(): Promise<Store>
  /** Drops what open() created. */
  cleanUp(): Promise<void>
}

export function enginesUnderTest(): EngineUnderTest[] {
  const engines: EngineUnderTest[] = [pgliteEngine()]
  const url = process.env.LHS_TEST_DATABASE_URL
  if (url) engines.push(postgresEngine(url))
  return engines
}

function pgliteEngine(): EngineUnderTest {
  return {
    engine: 'pglite',
    async open() {
      const store = await openDatabase({ dataDir: 'memory://' })
      await migrateToLatest(store.db)
      return store
    },
    async cleanUp() {},
  }
}

function postgresEngine(adminUrl: string): EngineUnderTest {
  const created: string[] = []
  const admin = () => new pg.Client({ connectionString: adminUrl })
  return {
    engine: 'postgres',
    async open() {
      const name = `lhs_t_${process.pid}_${randomBytes(4).toString('hex')}`
      const client = admin()
      await client.connect()
      await client.query(`CREATE DATABASE ${name}`)
      await client.end()
      created.push(name)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      const store = await openDatabase({ databaseUrl: url.toString() })
      await migrateToLatest(store.db)
      return store
    },
    async cleanUp() {
      const client = admin()
      await client.connect()
      for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
