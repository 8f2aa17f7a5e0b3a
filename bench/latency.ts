/**
 * API and page latency under concurrent clients (issue 9, point 3): the real server started as a
 * child process on an already populated PostgreSQL database, a viewer of the organisation signed in
 * through the sign-in form (pages) and given an API token (`/api/` paths), then autocannon with 50
 * connections against `/health` (the baseline: routing plus one `SELECT 1`) and each target in
 * turn. Every answer must be 200: a target that answers anything else (a redirect to the sign-in
 * page, a 404, a 500) fails the bench, because latency of error pages means nothing; so does a run
 * in which no answer came back at all.
 */
import autocannon, { type Result } from 'autocannon'
import { randomBytes } from 'node:crypto'
import { CLI_ACTOR } from '../src/app/auth/audit.ts'
import { addMember } from '../src/app/auth/people.ts'
import { createToken } from '../src/app/auth/tokens.ts'
import { openDatabase } from '../src/storage/database.ts'
import { startServer, type ServerProcess } from './server-process.ts'

export interface LatencyTarget {
  readonly name: string
  /** A path under the server, starting with `/`; paths under `/api/` are sent with a bearer token, others with the session cookie. */
  readonly path: string
}

export interface LatencyRow {
  engine: string
  operation: string
  /** Requests completed. */
  rows: number
  seconds: number
  note: string
  p50Ms: number
  p99Ms: number
  requestsPerSecond: number
  /** Answers other than 200, connection errors and timeouts. */
  errors: number
  /** The operation this row is compared with (the `/health` row). */
  baseline?: string
}

export interface LatencyOptions {
  /** An already migrated and populated PostgreSQL database. */
  readonly databaseUrl: string
  /** The organisation whose pages are timed; the bench user becomes a viewer of it. */
  readonly organisation: string
  readonly targets: readonly LatencyTarget[]
  readonly connections?: number
  /** Seconds each target (and the baseline) is timed. */
  readonly seconds?: number
  /**
   * Requests per second across all connections (autocannon's `overallRate`, latencies corrected for
   * coordinated omission). Unset: each connection sends its next request as soon as its last is
   * answered (no think time), so the server runs flat out and latency is mostly queueing.
   */
  readonly ratePerSecond?: number
  /** Extra environment for the server (e.g. DATABASE_READ_URL). */
  readonly env?: Record<string, string>
  /** Extra arguments for `lhs serve` (e.g. `['--workers', '2']`). */
  readonly serveArgs?: readonly string[]
  /** The p99 each target should stay under (issue 9's target); the note says whether it did. */
  readonly p99TargetMs?: number
  readonly log?: (line: string) => void
}

const BENCH_EMAIL = 'latency-bench@bench.example'
const HEALTH = '/health'

export async function benchLatency(options: LatencyOptions): Promise<{ rows: LatencyRow[]; serverPeakRssMb: number }> {
  const { databaseUrl, organisation, targets, connections = 50, seconds = 10, ratePerSecond, env = {}, serveArgs = [], p99TargetMs = 100, log = () => {} } = options
  if (!Number.isInteger(connections) || connections < 1) throw new Error(`invalid connections: ${connections} (expected a whole number from 1)`)
  if (!(seconds > 0)) throw new Error(`invalid seconds: ${seconds} (expected a positive number)`)
  if (ratePerSecond !== undefined && !(ratePerSecond > 0)) throw new Error(`invalid ratePerSecond: ${ratePerSecond} (expected a positive number, or unset for no limit)`)
  for (const target of targets) {
    if (!target.path.startsWith('/') || target.path.startsWith('//')) throw new Error(`invalid target path for "${target.name}": ${JSON.stringify(target.path)} (expected a path on the server starting with a single /)`)
  }
  const credentials = await benchCredentials(databaseUrl, organisation)
  const engine = ['postgres', ...(env.DATABASE_READ_URL ? ['reads on replica'] : []), ...(serveArgs.length > 0 ? [`serve ${serveArgs.join(' ')}`] : [])].join(', ')
  const clients = `${connections} connection${connections === 1 ? '' : 's'}`
  const load = ratePerSecond === undefined ? `${clients}, no think time` : `${clients}, ${ratePerSecond} requests/s offered`
  log(`Starting the server on ${describeUrl(databaseUrl)}…`)
  const server = await startServer({ databaseUrl, env, serveArgs })
  try {
    const cookie = await signIn(server, credentials)
    const run = (name: string, path: string) => {
      const headers = path.startsWith('/api/') ? { authorization: `Bearer ${credentials.token}` } : { cookie }
      log(`  ${name} (${path}): ${load} for ${seconds} s…`)
      return runTarget(server, { name, path, headers, connections, seconds, ratePerSecond })
    }
    const baseline = latencyRow(engine, `GET ${HEALTH} (baseline)`, await run(HEALTH, HEALTH), `routing and one SELECT 1; ${load}`)
    const rows = [baseline]
    for (const target of targets) {
      const row = latencyRow(engine, `GET ${target.name}`, await run(target.name, target.path), '')
      rows.push({ ...row, baseline: baseline.operation, note: joinNotes(compareNote(row, baseline, p99TargetMs), row.note) })
    }
    for (const row of rows) log(`  ${row.operation}: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.requestsPerSecond} requests/s, ${row.errors} errors`)
    const failed = rows.filter((r) => r.errors > 0 || r.rows === 0)
    if (failed.length > 0) {
      throw new Error(`some answers were not 200, or none came in time, so these latencies are not of the pages asked for:\n${failed.map((r) => `  ${r.operation}: ${r.errors} of ${r.rows} (${r.note})`).join('\n')}\nThe server wrote:\n${server.output()}`)
    }
    return { rows, serverPeakRssMb: Math.round(server.peakRssMb()) }
  } finally {
    await server.stop()
  }
}

interface Run {
  readonly result: Result
  /** Peak resident memory of the server during the warm-up and the timed run, in MB. */
  readonly rssMb: number
  readonly processes: number
}

/** One request checked, a short warm-up (JIT, query plans, pools) also checked, then the timed run. */
async function runTarget(server: ServerProcess, options: { name: string; path: string; headers: Record<string, string>; connections: number; seconds: number; ratePerSecond: number | undefined }): Promise<Run> {
  const { name, path, headers, connections, seconds, ratePerSecond } = options
  const url = server.url + path
  await preflight(server, name, path, headers)
  server.takeWindowPeakRssMb()
  const warmUp = await autocannon({ url, connections, amount: connections * 2, headers })
  const warmUpProblems = problemsOf(warmUp)
  if (warmUpProblems) throw new Error(`${name} (${path}) answered other than 200 while warming up: ${warmUpProblems}\nThe server wrote:\n${server.output()}`)
  const result = await autocannon({ url, connections, duration: seconds, headers, ...(ratePerSecond === undefined ? {} : { overallRate: ratePerSecond }) })
  // Queued behind the run's last database work, so the next run starts on a quiet server.
  await fetch(`${server.url}${HEALTH}`)
  return { result, rssMb: Math.round(server.takeWindowPeakRssMb()), processes: server.processCount() }
}

interface Credentials {
  readonly email: string
  readonly password: string
  readonly token: string
}

/** A viewer of the organisation with a fresh random password and API token, made with the app's own functions. */
async function benchCredentials(databaseUrl: string, organisation: string): Promise<Credentials> {
  const store = await openDatabase({ databaseUrl })
  try {
    const deps = { store, clock: () => new Date() }
    const password = randomBytes(24).toString('base64url')
    await addMember(deps, CLI_ACTOR, { email: BENCH_EMAIL, organisation, role: 'viewer', password, displayName: 'Latency bench' })
    const { token } = await createToken(deps, CLI_ACTOR, BENCH_EMAIL, 'latency bench')
    return { email: BENCH_EMAIL, password, token }
  } finally {
    await store.close()
  }
}

/** Posts the sign-in form as a browser would; the answer's `lhs_session` cookie is the session. */
async function signIn(server: ServerProcess, credentials: Credentials): Promise<string> {
  const body = new URLSearchParams({ email: credentials.email, password: credentials.password, next: '/' })
  const response = await fetch(`${server.url}/sign-in`, { method: 'POST', body, redirect: 'manual' })
  const session = response.headers.getSetCookie().map((c) => /^lhs_session=([^;]+)/.exec(c)?.[1]).find((v) => v !== undefined)
  if (response.status !== 303 || session === undefined) {
    throw new Error(`signing in as ${credentials.email} answered ${response.status} without a session cookie (expected 303 with lhs_session): ${(await response.text()).slice(0, 300)}`)
  }
  return `lhs_session=${session}`
}

/** One request before the load: a redirect, an error or a page that is not the one asked for stops the bench at once. */
async function preflight(server: ServerProcess, name: string, path: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(server.url + path, { headers, redirect: 'manual' })
  const text = await response.text()
  if (response.status === 200) return
  const location = response.headers.get('location') ?? ''
  if (response.status >= 300 && response.status < 400 && location.startsWith('/sign-in')) {
    throw new Error(`${name} (${path}) redirected to the sign-in page (${response.status} → ${location}): the bench's session was not accepted`)
  }
  throw new Error(`${name} (${path}) answered ${response.status}${location ? ` → ${location}` : ''} (expected 200): ${text.slice(0, 300)}\nThe server wrote:\n${server.output()}`)
}

/** A row from autocannon's result; answers other than 200 are counted as errors and named in the note. */
function latencyRow(engine: string, operation: string, run: Run, note: string): LatencyRow {
  const { result } = run
  const ok = result.statusCodeStats['200']?.count ?? 0
  const completed = Object.values(result.statusCodeStats).reduce((sum, s) => sum + s.count, 0)
  const problems = problemsOf(result)
  const memory = `server memory up to ${run.rssMb} MB${run.processes > 1 ? ` (${run.processes} processes)` : ''}`
  return {
    engine,
    operation,
    rows: completed,
    seconds: result.duration,
    note: joinNotes(note, memory, problems && `NOT 200: ${problems}`, completed === 0 ? `NO ANSWER within the ${result.duration} s run` : ''),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: Math.round(ok / result.duration),
    errors: completed - ok + result.errors,
  }
}

/** Status codes other than 200 with their counts, and connection errors; '' when every answer was 200. */
function problemsOf(result: Result): string {
  const others = Object.entries(result.statusCodeStats).filter(([code]) => code !== '200').map(([code, s]) => `${s.count} × ${code}`)
  if (result.errors > 0) others.push(`${result.errors} connection errors (${result.timeouts} timeouts)`)
  return others.join(', ')
}

/** "p50 2.0×, p99 3.1× /health's; 41% of its requests/s; p99 target 100 ms met". */
function compareNote(row: LatencyRow, baseline: LatencyRow, p99TargetMs: number): string {
  const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(1)}×` : 'n/a')
  const share = baseline.requestsPerSecond > 0 ? `${Math.round((row.requestsPerSecond / baseline.requestsPerSecond) * 100)}% of its requests/s` : ''
  if (row.rows === 0) return 'not measured: no answer came back'
  const target = row.p99Ms <= p99TargetMs ? `p99 target ${p99TargetMs} ms met` : `p99 target ${p99TargetMs} ms MISSED by ${row.p99Ms - p99TargetMs} ms (${ratio(row.p99Ms, p99TargetMs)} the target)`
  return joinNotes(`p50 ${ratio(row.p50Ms, baseline.p50Ms)}, p99 ${ratio(row.p99Ms, baseline.p99Ms)} ${HEALTH}'s`, share, target)
}

function joinNotes(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('; ')
}

function describeUrl(url: string): string {
  const parsed = new URL(url)
  return `PostgreSQL at ${parsed.host}${parsed.pathname}`
}
