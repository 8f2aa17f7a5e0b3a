/** Configuration from the environment, shared by the server and every command. */
import { resolve } from 'node:path'
import type { OidcSettings } from '../app/auth/oidc.ts'
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../app/auth/settings.ts'
import { readOidcConfig } from './oidc-config.ts'
import { UsageError } from './io.ts'

export interface Config {
  /** PostgreSQL connection string; PGlite is used when absent. */
  readonly databaseUrl: string | undefined
  /** A streaming replica of DATABASE_URL that pages and the API read from (GET and HEAD); only with DATABASE_URL. */
  readonly databaseReadUrl: string | undefined
  /** PGlite's data folder. */
  readonly dataDir: string
  readonly port: number
  readonly host: string
  readonly uploadLimitBytes: number
  readonly auth: AuthSettings
  readonly trustProxy: boolean
  /** Single sign-on, when LHS_OIDC_* are set. */
  readonly oidc: OidcSettings | undefined
  /** Alert emails go through this SMTP server (smtp:// or smtps://) when set. */
  readonly smtpUrl: string | undefined
  /** Where people open LHS (https://lhs.example.org): alert emails and webhooks link to it; default http://HOST:PORT. */
  readonly publicUrl: string | undefined
}

export function readConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: parseReadUrl(env),
    dataDir: resolve(cwd, env.LHS_DATA_DIR || '.lhs/data'),
    port: parsePort(env.PORT ?? '3000', 'PORT'),
    host: env.HOST || '127.0.0.1',
    uploadLimitBytes: parsePositive(env.LHS_UPLOAD_LIMIT_MB ?? '50', 'LHS_UPLOAD_LIMIT_MB') * 1024 * 1024,
    auth: {
      ...DEFAULT_AUTH_SETTINGS,
      sessionIdleMinutes: parsePositive(env.LHS_SESSION_IDLE_MINUTES ?? String(DEFAULT_AUTH_SETTINGS.sessionIdleMinutes), 'LHS_SESSION_IDLE_MINUTES'),
    },
    trustProxy: parseFlag(env.LHS_TRUST_PROXY, 'LHS_TRUST_PROXY'),
    oidc: readOidcConfig(env),
    smtpUrl: parseUrl(env.LHS_SMTP_URL, 'LHS_SMTP_URL', ['smtp:', 'smtps:']),
    publicUrl: parseUrl(env.LHS_PUBLIC_URL, 'LHS_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, ''),
  }
}

export function parsePort(text: string, name: string): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${name}: "${text}" is not a port number (expected a whole number from 0 to 65535).`)
  return port
}

function parseReadUrl(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const readUrl = parseUrl(env.DATABASE_READ_URL, 'DATABASE_READ_URL', ['postgres:', 'postgresql:'])
  if (readUrl === undefined) return undefined
  if (!env.DATABASE_URL) {
    throw new UsageError('DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs a PostgreSQL primary to write to (the embedded PGlite database has no replicas). Set DATABASE_URL too, or unset DATABASE_READ_URL.')
  }
  return readUrl
}

function parsePositive(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name}: "${text}" is not a positive number.`)
  return value
}

function parseUrl(text: string | undefined, name: string, protocols: readonly string[]): string | undefined {
  if (text === undefined || text === '') return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`${name}: "${text}" is not a URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')}).`)
  }
  if (!protocols.includes(url.protocol)) throw new UsageError(`${name}: "${text}" starts with ${url.protocol} (expected ${protocols.map((p) => `${p}//…`).join(' or ')}).`)
  return text
}

function parseFlag(text: string | undefined, name: string): boolean {
  if (text === undefined || text === '' || text === '0' || text === 'false') return false
  if (text === '1' || text === 'true') return true
  throw new UsageError(`${name}: "${text}" is not 1, true, 0 or false.`)
}

/** Where the data lives, for messages. */
export function describeStorage(config: Config): string {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl)
    const reads = config.databaseReadUrl ? new URL(config.databaseReadUrl) : undefined
    return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}${reads ? ` (reads from the replica at ${reads.hostname}:${reads.port || '5432'}${reads.pathname})` : ''}`
  }
  return `embedded PGlite in ${config.dataDir}`
}
