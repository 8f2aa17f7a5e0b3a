/**
 * `npm run bench`: observations imported per second for a generated 1,000,000-row file on PGlite
 * and PostgreSQL, beside a plain COPY of the same rows into the same table (the ceiling); points
 * analysed per second for each chart type over a synthetic health system of 100,000 series of 60
 * points (`charts.ts`: the batch XmR and a bare mean-and-moving-range floor over every series, the
 * object-based charts on a sample); and one series read through the API (token, role, row-level
 * security) beside the bare use case. Prints a markdown table and writes it to bench/results.json.
 *
 * LHS_BENCH_ONLY=scale runs the scale part alone (`scale.ts`, issue 9): a synthetic health system on
 * PostgreSQL (100 measures × 20 practices by default; `npm run bench -- --full` for 500 measures × 50
 * practices × 10 groups × 60 months, about 15 million observations), with a month imported vs raw
 * COPY, the full and incremental analysis recompute, the programme overview and a measure page
 * under 50 concurrent clients vs /health, record-level extracts in DuckDB vs raw DuckDB
 * (`extract.ts`), and peak memory, each row with its target met or missed by how much.
 * LHS_BENCH_ONLY=imports runs the 1,000,000-row import part alone.
 * LHS_BENCH_ONLY=text runs the de-identification part alone (recall and precision per type on the
 * labelled set in test/redaction, and texts redacted per second).
 * LHS_BENCH_ONLY=findings recomputes the demo programme's signals and findings, at 1× and at 10× its
 * measures, beside reading its observations once (`findings.ts`).
 * LHS_BENCH_ONLY=briefings times the demo's board and community briefings as a web page, PDF and Word,
 * beside the programme overview and the bare PDF and Word floors (`briefings.ts`).
 * LHS_BENCH_ONLY=charts runs the chart part alone (no databases; a few minutes with every chart over
 * all 100,000 series, well under a minute with LHS_BENCH_SAMPLE=10000).
 * LHS_BENCH_ROWS scales the file (default 1000000); PostgreSQL is measured when it answers at
 * LHS_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) in a throwaway database.
 * LHS_BENCH_SERIES (default 100000, at least 100000 for the published figures) and LHS_BENCH_SAMPLE
 * (how many of them the object-based charts analyse; default all, a smaller sample is extrapolated) size the chart part.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { sql } from 'kysely'
import { importObservations } from '../src/app/gather/import-observations.ts'
import { parseObservationsCsv } from '../src/ingest/index.ts'
import { openDatabase, type Store } from '../src/storage/database.ts'
import { migrateToLatest } from '../src/storage/migrate.ts'
import { listMeasures, upsertMeasures } from '../src/storage/measures.ts'
import { ensureOrganisation } from '../src/storage/organisations.ts'
import { upsertProgramme } from '../src/storage/programmes.ts'
import { listSites, upsertSites } from '../src/storage/sites.ts'
import { benchCharts } from './charts.ts'
import { benchFindings } from './findings.ts'
import { benchBriefings } from './briefings.ts'
import { benchText, formatQuality, type QualityRow } from './text.ts'
import { benchRequests } from './requests.ts'
import { benchScale, FULL_SHAPE, SMALL_SHAPE } from './scale.ts'
import { benchExtract } from './extract.ts'
import { benchRows, measureCode, observationCsv, siteCode, type BenchShape } from './generate.ts'

interface Row {
  engine: string
  operation: string
  /** Series analysed (chart rows only). */
  series?: number
  /** Rows imported, requests made or points analysed. */
  rows: number
  seconds: number
  /** CPU seconds of the bench process over the same span (chart rows only). */
  cpuSeconds?: number
  note: string
  /** The target this figure has, met or missed by how much (scale rows). */
  target?: string
}

const PARTS = ['imports', 'charts', 'text', 'findings', 'briefings', 'scale'] as const
type Part = (typeof PARTS)[number]
const only = process.env.LHS_BENCH_ONLY
if (only !== undefined && only !== '' && !(PARTS as readonly string[]).includes(only)) {
  console.error(`invalid LHS_BENCH_ONLY: ${JSON.stringify(only)} (expected one of ${PARTS.join(', ')}, or unset for everything)`)
  process.exit(2)
}
const wants = (part: Part) => only === undefined || only === '' || only === part
const flags = process.argv.slice(2)
for (const flag of flags) {
  if (flag !== '--full') {
    console.error(`unknown option ${JSON.stringify(flag)} (the bench takes --full, for the scale part at full size)`)
    process.exit(2)
  }
}
const full = flags.includes('--full')

const rowsWanted = Number(process.env.LHS_BENCH_ROWS ?? 1_000_000)
const shape: BenchShape = { measures: 10, sites: 100, weeks: Math.max(1, Math.round(rowsWanted / 1000)) }
const totalRows = shape.measures * shape.sites * shape.weeks
const results: Row[] = []

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await fn()
  return [value, (performance.now() - start) / 1000]
}

async function setUp(store: Store) {
  await migrateToLatest(store.db)
  const org = await ensureOrganisation(store.db, { code: 'bench', name: 'Bench ICS' })
  await upsertSites(store.db, org.id, Array.from({ length: shape.sites }, (_, s) => ({ code: siteCode(s), name: `Site ${s}`, kind: 'practice' as const, parent: 'bench' })))
  const programme = await upsertProgramme(store.db, org.id, { code: 'bench', name: 'Bench', aim: '' })
  const measures = Array.from({ length: shape.measures }, (_, m) => ({
    code: measureCode(m), name: `Measure ${m}`, description: '', type: 'process' as const, kind: 'proportion' as const, rateMultiplier: null,
    direction: 'increase' as const, target: null, period: 'week' as const, defaultChart: 'xmr' as const, numeratorDefinition: null, denominatorDefinition: null, unit: null,
  }))
  await upsertMeasures(store.db, org.id, programme.id, measures)
  const measureIds = new Map((await listMeasures(store.db, org.id, programme.id)).map((m) => [m.code, m.id]))
  const siteIds = new Map((await listSites(store.db, org.id)).map((s) => [s.code, s.id]))
  return { orgId: org.id, measureIds, siteIds }
}

/** The same rows as COPY text, ids resolved: what the database does with no validation at all. */
function copyText(ids: Awaited<ReturnType<typeof setUp>>): string {
  const parts: string[] = []
  for (const [measure, week, site, numerator, denominator] of benchRows(shape)) {
    parts.push(`${ids.orgId}\t${ids.measureIds.get(measure)}\t${ids.siteIds.get(site)}\t\t\t${week}\t${numerator}\t${denominator}\t${numerator / denominator}\tbench\t2025-01-01T00:00:00Z\t\\N\n`)
  }
  return parts.join('')
}

const COPY_SQL = 'COPY observations (organisation_id, measure_id, site_id, dimension, group_name, period_start, numerator, denominator, value, source, imported_at, import_id) FROM '

async function copyCeiling(store: Store, text: string, url: string | undefined): Promise<number> {
  const [, seconds] = await time(async () => {
    if (store.pglite) await store.pglite.query(`${COPY_SQL}'/dev/blob'`, [], { blob: new Blob([text]) })
    else {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await pipeline(Readable.from([text]), client.query(copyFrom(`${COPY_SQL}STDIN`)))
      await client.end()
    }
  })
  await sql`TRUNCATE observations`.execute(store.db)
  return seconds
}

async function benchEngine(engine: 'pglite' | 'postgres', csv: Uint8Array, url?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lhs-bench-'))
  const store = await openDatabase(engine === 'pglite' ? { dataDir: join(dir, 'data') } : { databaseUrl: url })
  try {
    const ids = await setUp(store)
    const copySeconds = await copyCeiling(store, copyText(ids), url)
    results.push({ engine, operation: 'plain COPY (ceiling)', rows: totalRows, seconds: copySeconds, note: 'no parsing or validation' })
    const deps = { store, clock: () => new Date('2025-01-01T00:00:00Z') }
    const request = { organisation: 'bench', programme: 'bench', fileName: 'bench.csv', format: 'csv' as const, content: csv, createdBy: 'bench' }
    const [first, seconds] = await time(() => importObservations(deps, request))
    if (first.inserted !== totalRows) throw new Error(`expected ${totalRows} inserted, got ${JSON.stringify({ ...first, issues: first.issues.slice(0, 3) })}`)
    results.push({ engine, operation: 'lhs import (new rows)', rows: totalRows, seconds, note: `${(copySeconds / seconds * 100).toFixed(0)}% of COPY` })
    const [again, secondsAgain] = await time(() => importObservations(deps, request))
    if (again.unchanged !== totalRows) throw new Error(`expected ${totalRows} unchanged, got ${again.unchanged}`)
    results.push({ engine, operation: 'lhs import (same file again)', rows: totalRows, seconds: secondsAgain, note: 'all unchanged' })
    const timing = await benchRequests(store, measureCode(0), siteCode(0))
    results.push({ engine, operation: 'getSeries called directly (baseline)', rows: timing.requests, seconds: timing.direct, note: `${(timing.direct / timing.requests * 1000).toFixed(1)} ms each, owner connection` })
    results.push({ engine, operation: 'GET …/series through the API', rows: timing.requests, seconds: timing.api, note: `${(timing.api / timing.requests * 1000).toFixed(1)} ms each: token, role, row-level security, JSON` })
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function postgresUrl(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = process.env.LHS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const client = new pg.Client({ connectionString: admin })
  try {
    await client.connect()
  } catch {
    return undefined
  }
  const name = `lhs_bench_${process.pid}`
  await client.query(`DROP DATABASE IF EXISTS ${name}`)
  await client.query(`CREATE DATABASE ${name}`)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

function benchChartRows() {
  const series = Number(process.env.LHS_BENCH_SERIES ?? 100_000)
  const sample = Number(process.env.LHS_BENCH_SAMPLE ?? series)
  for (const row of benchCharts({ series, sample, log: (line) => console.log(line) })) {
    results.push({ engine: 'core', operation: row.operation, series: row.series, rows: row.points, seconds: row.seconds, cpuSeconds: row.cpuSeconds, note: row.note })
  }
}

function timeSync<T>(fn: () => T): [T, number] {
  const start = performance.now()
  const value = fn()
  return [value, (performance.now() - start) / 1000]
}

const perSecond = (row: Row) => Math.round(row.rows / row.seconds)

function printTable() {
  const header = ['engine', 'operation', 'series', 'rows or points', 'seconds', 'per second', 'note', 'target']
  const lines = results.map((r) => [r.engine, r.operation, r.series?.toLocaleString('en-GB') ?? '', r.rows.toLocaleString('en-GB'), r.seconds.toFixed(2), r.seconds > 0 ? perSecond(r).toLocaleString('en-GB') : '', r.note, r.target ?? ''])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const format = (cells: string[]) => '| ' + cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |'
  console.log(format(header))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  for (const line of lines) console.log(format(line))
}

/** The machine the figures come from; the load average says whether anything else was running. */
function machine() {
  const cpu = cpus()
  return { node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg().map((l) => Number(l.toFixed(2))) }
}

const started = { at: new Date().toISOString(), machine: machine() }

/** The scale part: a synthetic health system on PostgreSQL, small by default, full size with --full (bench/scale.ts). */
async function benchScaleRows() {
  const adminUrl = process.env.LHS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const client = new pg.Client({ connectionString: adminUrl })
  const reachable = await client.connect().then(() => true, () => false)
  await client.end().catch(() => {})
  if (!reachable) {
    console.log(`Scale: PostgreSQL did not answer at ${adminUrl}: its rows are left out.`)
    return
  }
  console.log(`Scale (${full ? 'full size' : 'small size; --full for 500 measures × 50 practices'})…`)
  for (const row of await benchScale({ adminUrl, shape: full ? FULL_SHAPE : SMALL_SHAPE, log: (line) => console.log(line) })) results.push(row)
  console.log('Extracts…')
  const dir = mkdtempSync(join(tmpdir(), 'lhs-bench-extract-'))
  try {
    for (const row of await benchExtract({ rows: full ? 10_000_000 : 1_000_000, dir })) results.push(row)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function benchImports() {
  console.log(`Generating ${totalRows.toLocaleString('en-GB')} observation rows (${shape.measures} measures × ${shape.sites} sites × ${shape.weeks} weeks)…`)
  const csv = new TextEncoder().encode(observationCsv(shape))
  const context = { file: 'bench.csv', measures: new Map(Array.from({ length: shape.measures }, (_, m) => [measureCode(m), { kind: 'proportion' as const, period: 'week' as const, rateMultiplier: null }])), sites: new Set(Array.from({ length: shape.sites }, (_, s) => siteCode(s))) }
  const [parsed, parseSeconds] = timeSync(() => parseObservationsCsv(csv, context))
  if (parsed.value.length !== totalRows) throw new Error(`parse gave ${parsed.value.length} rows`)
  results.push({ engine: 'ingest', operation: 'parse and validate CSV only', rows: totalRows, seconds: parseSeconds, note: `${(csv.byteLength / 1e6).toFixed(0)} MB file` })
  console.log('PGlite…')
  await benchEngine('pglite', csv)
  const postgres = await postgresUrl()
  if (postgres) {
    console.log('PostgreSQL…')
    try {
      await benchEngine('postgres', csv, postgres.url)
    } finally {
      await postgres.drop()
    }
  } else console.log('PostgreSQL did not answer: its rows are left out.')
}

if (wants('imports')) await benchImports()
if (wants('charts')) {
  console.log('Charts…')
  benchChartRows()
}
let textQuality: { quality: QualityRow[]; seeds: number[] } | undefined
if (wants('text')) {
  console.log('Text…')
  const text = benchText((line) => console.log(line))
  for (const row of text.rows) results.push({ engine: 'core', operation: row.operation, rows: row.texts, seconds: row.seconds, note: row.note })
  textQuality = { quality: text.quality, seeds: text.seeds }
}
if (wants('findings')) {
  console.log('Findings…')
  for (const row of await benchFindings((line) => console.log(line))) results.push({ engine: 'pglite', operation: row.operation, series: row.series, rows: row.series, seconds: row.seconds, note: row.note })
}
if (wants('briefings')) {
  console.log('Briefings…')
  for (const row of await benchBriefings((line) => console.log(line))) results.push({ engine: 'pglite', operation: row.operation, rows: 1, seconds: row.seconds, note: `median of ${row.runs}; ${row.note}` })
}
if (wants('scale')) await benchScaleRows()
results.push({ engine: 'bench', operation: 'peak memory of the bench process (maxRSS)', rows: 0, seconds: 0, note: `${Math.round(process.resourceUsage().maxRSS / 1024)} MB` })
const finished = { at: new Date().toISOString(), loadAverage: machine().loadAverage }
const { node, cpus: cpuCount, cpuModel, memoryGiB } = started.machine
console.log(`\nNode ${node}, ${cpuCount} × ${cpuModel}, ${memoryGiB} GiB; ${started.at} to ${finished.at}; load average ${started.machine.loadAverage.join(' ')} at the start, ${finished.loadAverage.join(' ')} at the end\n`)
printTable()
if (textQuality) console.log(`\n${formatQuality(textQuality.quality, textQuality.seeds)}`)
const resultsFile = new URL('./results.json', import.meta.url)
const json = { started, finished, only: only || null, full, rows: results.map((r) => ({ ...r, perSecond: r.seconds > 0 ? perSecond(r) : null })), redaction: textQuality ?? null }
writeFileSync(resultsFile, JSON.stringify(json, null, 2) + '\n')
console.log(`\nWritten to ${resultsFile.pathname}`)
