/**
 * Databases for CLI tests, reached the way a user reaches them: through the environment.
 * PGlite always (a fresh data folder, LHS_DATA_DIR); PostgreSQL when LHS_TEST_DATABASE_URL is set
 * (a throwaway, empty database, DATABASE_URL). Unlike test/support/engines.ts nothing is migrated:
 * that is the job of `lhs migrate` under test.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openDatabase, type Engine, type Store } from '../../src/storage/database.ts'

export interface CliDatabase {
  /** The environment that points the command at this database. */
  readonly env: Readonly<Record<string, string>>
  /** Open it directly, to check what a command wrote (close it before the next command on PGlite). */
  open(): Promise<Store>
  cleanUp(): Promise<void>
}

export interface CliEngine {
  readonly engine: Engine
  create(): Promise<CliDatabase>
}

export function cliEnginesUnderTest(): CliEngine[] {
  const engines: CliEngine[] = [{ engine: 'pglite', create: async () => pgliteDatabase() }]
  const url = process.env.LHS_TEST_DATABASE_URL
  if (url) engines.push({ engine: 'postgres', create: () => postgresDatabase(url) })
  return engines
}

function pgliteDatabase(): CliDatabase {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'lhs-cli-db-')), 'data')
  return {
    env: { LHS_DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    async cleanUp() {
      rmSync(join(dataDir, '..'), { recursive: true, force: true })
    },
  }
}

async function postgresDatabase(adminUrl: string): Promise<CliDatabase> {
  const name = `lhs_cli_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const databaseUrl = url.toString()
  return {
    env: { DATABASE_URL: databaseUrl },
    open: () => openDatabase({ databaseUrl }),
    cleanUp: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
