/**
 * One DuckDB database in memory for one extract, locked down before the file is read: it may open
 * only that file (allowed_paths, then no other file system access), never spills to a temporary
 * file (temp_directory ''), never loads or installs an extension, and runs only single prepared
 * statements, so the only SQL that can run is the one statement the compiler wrote.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api'
import { quoteString } from '../../core/extract/index.ts'

export interface DuckDbSession {
  /** Run one statement and return its rows (BIGINTs as numbers); `onProgress` gets 0–1 while it runs. */
  rows(sql: string, onProgress?: (fraction: number) => void): Promise<Record<string, unknown>[]>
  /** The same as columns of values (as DuckDB gives them: BIGINTs as bigint), cheaper for many rows. */
  columns(sql: string, onProgress?: (fraction: number) => void): Promise<Record<string, unknown[]>>
  close(): void
}

/** How often DuckDB's progress is read while a query runs. */
const PROGRESS_POLL_MS = 100

/** A session that may read only `path` (absolute). */
export async function openDuckDbSession(path: string): Promise<DuckDbSession> {
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: '', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })
  const connection = await instance.connect()
  try {
    for (const statement of [
      'SET enable_progress_bar = true',
      'SET enable_progress_bar_print = false',
      `SET allowed_paths = [${quoteString(path)}]`,
      'SET enable_external_access = false',
      'SET lock_configuration = true',
    ]) await connection.run(statement)
  } catch (error) {
    connection.closeSync()
    instance.closeSync()
    throw error
  }
  return {
    async rows(sql, onProgress) {
      const reader = await run(connection, sql, onProgress)
      return reader.getRowObjectsJS().map((row) => {
        const out: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? Number(value) : value
        return out
      })
    },
    columns: async (sql, onProgress) => (await run(connection, sql, onProgress)).getColumnsObjectJS(),
    close() {
      connection.closeSync()
      instance.closeSync()
    },
  }
}

async function run(connection: DuckDBConnection, sql: string, onProgress?: (fraction: number) => void): Promise<DuckDBResultReader> {
  // prepare() refuses more than one statement: a second statement could never ride along.
  const prepared = await connection.prepare(sql)
  const timer = onProgress === undefined ? undefined : setInterval(() => {
    const { percentage } = connection.progress
    if (percentage >= 0) onProgress(Math.min(1, percentage / 100))
  }, PROGRESS_POLL_MS)
  try {
    return await prepared.runAndReadAll()
  } finally {
    if (timer !== undefined) clearInterval(timer)
    prepared.destroySync()
  }
}
