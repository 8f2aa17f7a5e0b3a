/** Configuration from the environment, shared by the server and every command. */
import { resolve } from 'node:path'
import { UsageError } from './io.ts'

export interface Config {
  /** PostgreSQL connection string; PGlite is used when absent. */
  readonly databaseUrl: string | undefined
  /** PGlite's data folder. */
  readonly dataDir: string
  readonly port: number
  readonly host: string
  readonly uploadLimitBytes: number
}

export function readConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(cwd, env.LHS_DATA_DIR || '.lhs/data'),
    port: parsePort(env.PORT ?? '3000', 'PORT'),
    host: env.HOST || '127.0.0.1',
    uploadLimitBytes: parsePositive(env.LHS_UPLOAD_LIMIT_MB ?? '50', 'LHS_UPLOAD_LIMIT_MB') * 1024 * 1024,
  }
}

export function parsePort(text: string, name: string): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${name}: "${text}" is not a port number (expected a whole number from 0 to 65535).`)
  return port
}

function parsePositive(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name}: "${text}" is not a positive number.`)
  return value
}

/** Where the data lives, for messages. */
export function describeStorage(config: Config): string {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl)
    return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`
  }
  return `embedded PGlite in ${config.dataDir}`
}
