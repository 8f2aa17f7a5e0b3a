/**
 * Connections to a read replica (DATABASE_READ_URL): a pool on the replica that hands out a
 * primary connection instead while the replica cannot be reached, and the replay-position checks
 * behind read-your-writes. Which requests read here is decided in src/server/access/read-routing.ts.
 */
import pg from 'pg'

export interface ReadReplicaOptions {
  readonly url: string
  /** The primary's pool: the fallback while the replica is unreachable. */
  readonly primary: pg.Pool
  /** The `types` the primary's pool parses with, so both answer alike. */
  readonly types: pg.CustomTypesConfig
  /** Where the "replica unreachable" warning goes (at most once a minute) and the "answers again" note. */
  readonly warn: (message: string) => void
  /** Milliseconds since the epoch; tests pass their own. */
  readonly now?: () => number
  /** After a failed connection, how long reads go to the primary before the replica is tried again; default 5 s. */
  readonly retryAfterMs?: number
  /** How long a connection attempt to the replica may take; default 3 s. */
  readonly connectTimeoutMs?: number
}

export interface ReadReplica {
  /** A replica connection, or a primary one while the replica is unreachable. */
  connect(): Promise<pg.PoolClient>
  /**
   * True when the server reads go to has replayed the primary's write-ahead log up to `lsn`
   * (a position like `0/3000148` from `primaryPosition`). A server not in recovery (the primary,
   * while the replica is unreachable) has every write, so it answers true.
   */
  hasReplayed(lsn: string): Promise<boolean>
  /** The primary's current write-ahead-log position, read after a write. */
  primaryPosition(): Promise<string>
  end(): Promise<void>
}

/** A write-ahead-log position as PostgreSQL prints it (`pg_lsn`). */
const LSN_PATTERN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i

const WARN_EVERY_MS = 60_000

export function openReadReplica(options: ReadReplicaOptions): ReadReplica {
  const { primary, warn, now = Date.now, retryAfterMs = 5_000, connectTimeoutMs = 3_000 } = options
  const replica = new pg.Pool({ connectionString: options.url, types: options.types, max: 10, connectionTimeoutMillis: connectTimeoutMs, application_name: 'lhs-read' })
  // An idle replica connection closed by the server is dropped by the pool (see database.ts).
  replica.on('error', () => {})
  const where = describe(options.url)
  let downUntil = 0
  let lastWarnedAt = -Infinity
  let down = false

  const connect = async (): Promise<pg.PoolClient> => {
    if (now() < downUntil) return primary.connect()
    try {
      const client = await replica.connect()
      if (down) warn(`Read replica ${where} answers again: reads go to it.`)
      down = false
      return client
    } catch (error) {
      down = true
      downUntil = now() + retryAfterMs
      if (now() - lastWarnedAt >= WARN_EVERY_MS) {
        lastWarnedAt = now()
        warn(`Read replica ${where} is unreachable (${error instanceof Error ? error.message : String(error)}): reading from the primary meanwhile (this warning repeats at most once a minute).`)
      }
      return primary.connect()
    }
  }

  const queryOne = async <Row>(client: pg.PoolClient, text: string, values: unknown[] = []): Promise<Row> => {
    try {
      const result = await client.query(text, values)
      client.release()
      return result.rows[0] as Row
    } catch (error) {
      client.release(error instanceof Error ? error : true)
      throw error
    }
  }

  return {
    connect,
    async hasReplayed(lsn) {
      if (!LSN_PATTERN.test(lsn)) throw new Error(`not a write-ahead-log position: "${lsn}" (expected hexadecimal like 0/3000148)`)
      const row = await queryOne<{ replayed: boolean | null }>(await connect(), 'SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() >= $1::pg_lsn ELSE true END AS replayed', [lsn])
      return row.replayed === true
    },
    async primaryPosition() {
      const row = await queryOne<{ lsn: string }>(await primary.connect(), 'SELECT pg_current_wal_lsn()::text AS lsn')
      return row.lsn
    },
    end: () => replica.end(),
  }
}

/** host:port/database of a connection string, without the password, for messages. */
function describe(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
  } catch {
    return 'at DATABASE_READ_URL'
  }
}
