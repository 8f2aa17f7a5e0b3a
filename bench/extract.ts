/**
 * Record-level extracts (issue 9): a seeded synthetic patient-level extract of appointments (60
 * months, 50 practices, IMD quintile 1–5, five ethnic groups, attended Y/N, days waited) as Parquet
 * and CSV, aggregated by `aggregateExtract` into three measures (appointments booked, the share
 * missed, the mean wait of those seen) by month, practice and group, beside the very same
 * statements run directly in a fresh DuckDB (the baseline: no checks, no locking down, no mapping
 * to observations). Each figure is the faster of two runs. Target: at least half the raw rate.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DuckDBInstance } from '@duckdb/node-api'
import { parseExtractDefinition, quoteString, type ExtractMeasure } from '../src/core/extract/index.ts'
import type { MeasureKind } from '../src/core/model.ts'
import { createRandom } from '../src/demo/random.ts'
import { aggregateExtract, type ExtractAggregation } from '../src/ingest/extract/aggregate-extract.ts'

export interface ExtractBenchRow {
  engine: string
  operation: string
  rows: number
  seconds: number
  note: string
  target?: string
}

const SITES = Array.from({ length: 50 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`)
const ETHNIC_GROUPS = ['Asian', 'Black', 'Mixed', 'White', 'Other']
const MONTHS = 60
const SEED = 20250901
const RUNS = 2

export async function benchExtract(options: { rows: number; dir: string }): Promise<ExtractBenchRow[]> {
  const { rows, dir } = options
  const csv = join(dir, 'appointments.csv')
  const parquet = join(dir, 'appointments.parquet')
  const started = performance.now()
  await writeAppointments(csv, rows)
  await toParquet(csv, parquet)
  const generated = (performance.now() - started) / 1000
  const out: ExtractBenchRow[] = [{ engine: 'duckdb', operation: 'synthetic extract generated (CSV, then Parquet)', rows, seconds: generated, note: `seeded (${SEED}): ${MONTHS} months × ${SITES.length} practices × 5 IMD quintiles × 5 ethnic groups` }]
  for (const [format, path] of [['Parquet', parquet], ['CSV', csv]] as const) out.push(...(await compare(format, path, rows)))
  return out
}

function measure(code: string, kind: MeasureKind, value: object): ExtractMeasure {
  const raw = { date: 'appointment_date', site: 'practice', groups: { imd_quintile: 'imd_quintile', ethnicity: 'ethnic_group' }, ...value }
  const parsed = parseExtractDefinition(raw, { code, kind })
  if (!parsed.ok) throw new Error(`bench definition ${code}: ${JSON.stringify(parsed.problems)}`)
  return { code, kind, period: 'month', rateMultiplier: null, definition: parsed.definition }
}

const MEASURES = [
  measure('appointments', 'count', { count: true }),
  measure('missed', 'proportion', { numerator: "attended = 'N'" }),
  measure('wait', 'mean', { mean: 'wait_days', where: "attended = 'Y'" }),
]

async function compare(format: string, path: string, rows: number): Promise<ExtractBenchRow[]> {
  let ours: ExtractAggregation | undefined
  let oursSeconds = Infinity
  let rawSeconds = Infinity
  for (let run = 0; run < RUNS; run++) {
    const result = await aggregateExtract(path, MEASURES, { sites: new Set(SITES), fileName: `appointments.${format.toLowerCase()}` })
    if (result.issues.length > 0) throw new Error(`bench extract has issues: ${result.issues[0]?.message}`)
    ours = result
    oursSeconds = Math.min(oursSeconds, result.seconds)
    rawSeconds = Math.min(rawSeconds, await runRaw(result.sql))
  }
  if (ours === undefined) throw new Error('no run')
  const ratio = rawSeconds / oursSeconds
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`
  return [
    {
      engine: 'duckdb',
      operation: `lhs extract aggregation (${format}, ${MEASURES.length} measures)`,
      rows,
      seconds: oursSeconds,
      note: `${pct(ratio)} of raw DuckDB's rate; ${ours.rows.length.toLocaleString('en-GB')} observations; every row checked`,
      target: `≥ 50% of raw DuckDB: ${ratio >= 0.5 ? `met (${pct(ratio)})` : `MISSED by ${pct(0.5 - ratio)} (${pct(ratio)})`}`,
    },
    { engine: 'duckdb', operation: `raw DuckDB, the same ${ours.sql.length} statements (${format}, baseline)`, rows, seconds: rawSeconds, note: 'a fresh in-memory DuckDB, default settings' },
  ]
}

/** The statements as they are, on a fresh DuckDB; seconds for all of them. */
async function runRaw(statements: readonly string[]): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const started = performance.now()
    for (const statement of statements) await connection.runAndReadAll(statement)
    return (performance.now() - started) / 1000
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

/** `rows` appointments as CSV, written in chunks. */
async function writeAppointments(path: string, rows: number): Promise<void> {
  const random = createRandom(SEED)
  const stream = createWriteStream(path)
  const firstDay = Date.UTC(2020, 0, 1) / 86_400_000
  const days = Math.round((Date.UTC(2020, MONTHS, 1) / 86_400_000) - firstDay)
  const dates = Array.from({ length: days }, (_, d) => new Date((firstDay + d) * 86_400_000).toISOString().slice(0, 10))
  stream.write('appointment_date,practice,imd_quintile,ethnic_group,attended,wait_days\n')
  const CHUNK = 50_000
  for (let start = 0; start < rows; start += CHUNK) {
    const lines: string[] = []
    for (let i = start; i < Math.min(rows, start + CHUNK); i++) {
      const imd = 1 + Math.floor(random.next() * 5)
      const missed = random.next() < 0.06 + 0.02 * (5 - imd)
      const wait = (random.next() * 30 + (imd === 1 ? 5 : 0)).toFixed(1)
      lines.push(`${dates[Math.floor(random.next() * days)]},${SITES[Math.floor(random.next() * SITES.length)]},${imd},${ETHNIC_GROUPS[Math.floor(random.next() * 5)]},${missed ? 'N' : 'Y'},${wait}`)
    }
    if (!stream.write(lines.join('\n') + '\n')) await once(stream, 'drain')
  }
  stream.end()
  await once(stream, 'finish')
}

/** The CSV as Parquet with typed columns, as an analyst's extract usually is. */
async function toParquet(csv: string, parquet: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    await connection.run(`COPY (SELECT CAST(appointment_date AS DATE) AS appointment_date, practice, CAST(imd_quintile AS TINYINT) AS imd_quintile, ethnic_group, attended,
      CAST(wait_days AS DOUBLE) AS wait_days FROM read_csv(${quoteString(csv)}, all_varchar = true)) TO ${quoteString(parquet)} (FORMAT parquet)`)
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}
