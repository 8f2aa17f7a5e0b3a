/**
 * The latency bench alone: `tsx bench/latency-main.ts postgres://… [--organisation riverside]
 * [--target NAME=PATH …] [--connections 50] [--seconds 10] [--rate R] [--workers N]`, where R is
 * the requests per second offered across all connections (without it, each connection asks again
 * as soon as it is answered) and N is passed to `lhs serve --workers`. The database must already be migrated and populated (`lhs migrate`, `lhs demo`);
 * without --target the demo programme's overview and its blood-pressure control page are timed.
 * Prints the rows as a markdown table; exits 1 when any answer was not 200.
 */
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { benchLatency, type LatencyRow, type LatencyTarget } from './latency.ts'

const DEMO_TARGETS: readonly LatencyTarget[] = [
  { name: 'programme overview (summary matrix)', path: '/organisations/riverside/programmes/htn' },
  { name: 'measure page', path: '/organisations/riverside/programmes/htn/measures/bp-control' },
]

function targetOf(text: string): LatencyTarget {
  const at = text.indexOf('=')
  if (at <= 0 || !text.slice(at + 1).startsWith('/')) throw new Error(`--target ${JSON.stringify(text)} is not NAME=PATH (expected e.g. "overview=/organisations/riverside/programmes/htn")`)
  return { name: text.slice(0, at), path: text.slice(at + 1) }
}

function count(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: ${JSON.stringify(text)} is not a positive number`)
  return value
}

function printTable(rows: readonly LatencyRow[]): void {
  const header = ['engine', 'operation', 'requests', 'seconds', 'p50 ms', 'p99 ms', 'requests/s', 'errors', 'note']
  const lines = rows.map((r) => [r.engine, r.operation, r.rows.toLocaleString('en-GB'), r.seconds.toFixed(1), String(r.p50Ms), String(r.p99Ms), r.requestsPerSecond.toLocaleString('en-GB'), String(r.errors), r.note])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const format = (cells: string[]) => '| ' + cells.map((c, i) => (i >= 2 && i <= 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |'
  console.log(format(header))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  for (const line of lines) console.log(format(line))
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    organisation: { type: 'string', default: 'riverside' },
    target: { type: 'string', multiple: true },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    rate: { type: 'string' },
    workers: { type: 'string' },
  },
})
const databaseUrl = positionals[0] ?? process.env.DATABASE_URL
if (!databaseUrl || positionals.length > 1) {
  console.error('usage: tsx bench/latency-main.ts postgres://USER@HOST:PORT/DATABASE [--organisation CODE] [--target NAME=PATH …] [--connections N] [--seconds S] [--rate R] [--workers N]')
  process.exit(2)
}
const loadAtStart = loadavg()
try {
  const { rows, serverPeakRssMb } = await benchLatency({
    databaseUrl,
    organisation: values.organisation,
    targets: values.target ? values.target.map(targetOf) : DEMO_TARGETS,
    connections: count(values.connections, '--connections'),
    seconds: count(values.seconds, '--seconds'),
    ...(values.rate === undefined ? {} : { ratePerSecond: count(values.rate, '--rate') }),
    ...(values.workers === undefined ? {} : { serveArgs: ['--workers', values.workers] }),
    ...(process.env.DATABASE_READ_URL ? { env: { DATABASE_READ_URL: process.env.DATABASE_READ_URL } } : {}),
    log: (line) => console.log(line),
  })
  console.log('')
  printTable(rows)
  console.log(`\nServer peak memory: ${serverPeakRssMb} MB`)
  // The server, the database and autocannon share this machine's cores: a high load average means other work skewed the figures.
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ')
  console.log(`Node ${process.version}, ${cpus().length} cores; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
