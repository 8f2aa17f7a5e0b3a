/**
 * Throwaway PostgreSQL clusters for tests: a primary made with initdb in a temporary folder and a
 * hot standby streaming from it (pg_basebackup -R), each on a free TCP port of 127.0.0.1 with its
 * Unix socket in its own folder. The machine's own cluster and its configuration are never touched.
 * PostgreSQL refuses to run as root, so as root every binary runs through `runuser -u postgres`.
 */
import { execFile } from 'node:child_process'
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import pg from 'pg'

/** Where Debian puts PostgreSQL 15's server binaries. */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin'

const run = promisify(execFile)
const asRoot = process.getuid?.() === 0

/** Why clusters cannot be made here, or undefined when they can. */
export function clusterUnavailableReason(): string | undefined {
  for (const binary of ['initdb', 'pg_ctl', 'pg_basebackup']) if (!existsSync(join(POSTGRES_BIN, binary))) return `${join(POSTGRES_BIN, binary)} is missing`
  if (asRoot && !existsSync('/usr/sbin/runuser')) return 'running as root and /usr/sbin/runuser is missing (PostgreSQL refuses to run as root)'
  return undefined
}

export interface PgCluster {
  readonly name: string
  readonly port: number
  readonly dataDir: string
  /** A connection string as the superuser `postgres` to `database`. */
  url(database?: string): string
  /** Stops the server now (immediate shutdown); a stopped cluster stays stopped. */
  stop(): Promise<void>
}

/** A folder for a test's clusters, owned by the user PostgreSQL runs as; remove it with `removeClusters`. */
export function clusterRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'lhs-pg-'))
  if (asRoot) chownSync(root, ...postgresIds())
  return root
}

/** A new primary in `root`/`name`: initdb, streaming replication allowed, trust authentication, started. */
export async function startPrimary(root: string, name = 'primary'): Promise<PgCluster> {
  const dataDir = join(root, name)
  await pgBin('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  appendFileSync(join(dataDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n')
  const port = await freePort()
  configure(dataDir, root, name, port, ['wal_level = replica', 'max_wal_senders = 4', 'max_replication_slots = 4'])
  return start(name, dataDir, port)
}

/** A hot standby of `primary` in `root`/`name`, streaming through a replication slot, started. */
export async function startStandby(primary: PgCluster, root: string, name = 'standby'): Promise<PgCluster> {
  const dataDir = join(root, name)
  await pgBin('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-C', '-S', `${name}_slot`, '--checkpoint=fast', '--no-sync'])
  const port = await freePort()
  configure(dataDir, root, name, port, ['hot_standby = on'])
  return start(name, dataDir, port)
}

/** Waits until `standby` has replayed everything `primary` had written when called; the wait in ms. */
export async function waitForReplay(primary: PgCluster, standby: PgCluster, database = 'postgres', timeoutMs = 20_000): Promise<number> {
  const started = performance.now()
  const lsn = await queryOne<{ lsn: string }>(primary.url(database), 'SELECT pg_current_wal_lsn()::text AS lsn')
  const client = new pg.Client({ connectionString: standby.url(database) })
  await client.connect()
  try {
    for (;;) {
      const { rows } = await client.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn.lsn])
      if (rows[0]?.done) return performance.now() - started
      if (performance.now() - started > timeoutMs) throw new Error(`the standby on port ${standby.port} had not replayed ${lsn.lsn} after ${timeoutMs} ms`)
      await sleep(5)
    }
  } finally {
    await client.end()
  }
}

/** Stops every cluster given (stopped ones are skipped) and deletes `root`, whatever fails on the way. */
export async function removeClusters(root: string, clusters: readonly (PgCluster | undefined)[]): Promise<void> {
  try {
    for (const cluster of clusters) await cluster?.stop()
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** One row of a query on a short-lived connection. */
export async function queryOne<Row>(url: string, text: string, values: unknown[] = []): Promise<Row> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(text, values)
    return rows[0] as Row
  } finally {
    await client.end()
  }
}

/** A TCP port of 127.0.0.1 that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function configure(dataDir: string, root: string, name: string, port: number, extra: readonly string[]): void {
  const socketDir = join(root, `${name}-socket`)
  mkdirSync(socketDir, { recursive: true })
  if (asRoot) chownSync(socketDir, ...postgresIds())
  // Later lines win, so these override what pg_basebackup copied from the primary.
  const lines = [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${socketDir}'`, 'fsync = off', 'full_page_writes = off', 'shared_buffers = 32MB', 'max_connections = 60', ...extra]
  appendFileSync(join(dataDir, 'postgresql.conf'), `\n# lhs test cluster ${name}\n${lines.join('\n')}\n`)
}

async function start(name: string, dataDir: string, port: number): Promise<PgCluster> {
  await pgBin('pg_ctl', ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-t', '60', 'start'])
  let running = true
  return {
    name,
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      if (!running) return
      running = false
      await pgBin('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
    },
  }
}

async function pgBin(binary: string, args: readonly string[]): Promise<void> {
  const path = join(POSTGRES_BIN, binary)
  const [command, argv] = asRoot ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]]
  try {
    await run(command, argv, { timeout: 60_000, killSignal: "SIGKILL" })
  } catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string }
    throw new Error(`${binary} ${args.join(' ')} failed as ${asRoot ? 'postgres' : userInfo().username}: ${stderr.trim() || stdout.trim() || String(error)}`)
  }
}

function postgresIds(): [number, number] {
  const ids = /^postgres:[^:]*:(\d+):(\d+):/m.exec(readFileSync('/etc/passwd', 'utf8'))
  if (!ids) throw new Error('running as root but there is no user "postgres" in /etc/passwd to run PostgreSQL as')
  return [Number(ids[1]), Number(ids[2])]
}
