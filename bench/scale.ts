/**
 * The scale bench (issue 9): a synthetic health system on PostgreSQL (bench/scale-system.ts; the
 * full size is 500 measures × 50 practices × 10 groups × 60 months, about 15 million observations),
 * and beside each figure the baseline run in the same process:
 *
 * - a month of the whole system imported by `lhs import` vs a raw COPY of the same rows;
 * - the full analysis recompute (every series) and the incremental one after a month's import
 *   (of the whole system: every series; of one programme: only its series);
 * - the programme overview and a measure page under 50 concurrent clients vs /health (latency.ts);
 * - record-level extract aggregation vs the same query run directly in DuckDB (extract.ts);
 * - peak memory of the server and of the bench.
 *
 * Each row carries its target, met or missed by how much.
 */
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { sql } from 'kysely'
import { refreshAnalysis } from '../src/app/analyse/refresh-analysis.ts'
import { importObservations } from '../src/app/gather/import-observations.ts'
import { openDatabase, type Store } from '../src/storage/database.ts'
import { countStaleSeries } from '../src/storage/series-analysis.ts'
import { benchLatency } from './latency.ts'
import {
  createSystem, loadHistory, measureCode, monthCopyText, monthCsv, monthPeriod, monthRows, observationCount, ORGANISATION, programmeCode, ROOT_GROUPS,
  seriesCount, SITE_GROUPS, type ScaleShape, type ScaleSystem,
} from './scale-system.ts'

export interface ScaleRow {
  readonly engine: string
  readonly operation: string
  readonly rows: number
  readonly seconds: number
  readonly note: string
  /** The issue's target and whether this run met it. */
  readonly target?: string
}

export const SMALL_SHAPE: ScaleShape = { measures: 100, sites: 20, months: 60 }
export const FULL_SHAPE: ScaleShape = { measures: 500, sites: 50, months: 60 }

const COPY_SQL = 'COPY observations (organisation_id, measure_id, site_id, dimension, group_name, period_start, numerator, denominator, value, source, imported_at, import_id) FROM STDIN'

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await fn()
  return [value, (performance.now() - start) / 1000]
}

/** "met (57%)" or "missed: 41%, 9 points short" for a figure where higher is better. */
export function atLeast(value: number, target: number, show: (v: number) => string): string {
  return value >= target ? `met (${show(value)})` : `MISSED by ${show(target - value)} (${show(value)})`
}

/** The same where lower is better. */
export function atMost(value: number, target: number, show: (v: number) => string): string {
  return value <= target ? `met (${show(value)})` : `MISSED by ${show(value - target)}, ${(value / target).toFixed(1)}× the target (${show(value)})`
}

const pct = (v: number) => `${(v * 100).toFixed(0)}%`
const secs = (v: number) => `${v.toFixed(1)} s`
const ms = (v: number) => `${v.toFixed(0)} ms`
const mb = (v: number) => `${v.toFixed(0)} MB`

export async function benchScale(options: { readonly adminUrl: string; readonly shape: ScaleShape; readonly log: (line: string) => void; readonly latencySeconds?: number }): Promise<ScaleRow[]> {
  const { shape, log } = options
  const rows: ScaleRow[] = []
  const record = (row: ScaleRow) => {
    rows.push(row)
    log(`  ${row.operation}: ${row.rows.toLocaleString('en-GB')} in ${row.seconds.toFixed(2)} s; ${row.note}${row.target ? `; target ${row.target}` : ''}`)
  }
  const name = `lhs_bench_scale_${process.pid}`
  const admin = new pg.Client({ connectionString: options.adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(options.adminUrl)
  url.pathname = `/${name}`
  const databaseUrl = url.toString()
  const store = await openDatabase({ databaseUrl })
  const size = `${shape.measures} measures × ${shape.sites} practices × ${SITE_GROUPS.length} groups × ${shape.months} months`
  try {
    const system = await createSystem(store, shape)
    const deps = { store, clock: () => new Date() }
    const last = shape.months - 1

    log(`scale: generating ${observationCount(shape, last).toLocaleString('en-GB')} observations of history (${size}) in PostgreSQL…`)
    const [historyRows, historySeconds] = await time(() => loadHistory(store, system, last))
    record({ engine: 'postgres', operation: `history generated in PostgreSQL (${size})`, rows: historyRows, seconds: historySeconds, note: 'INSERT … SELECT, seeded; keys, foreign keys and the analysis triggers included' })
    await sql`ANALYZE`.execute(store.db)

    const month = monthRows(shape, system, [...system.measureIds.keys()], 42)
    const period = monthPeriod(last)
    log(`scale: a month of the whole system (${month.length.toLocaleString('en-GB')} rows): raw COPY, then lhs import…`)
    const copySeconds = await rawCopy(databaseUrl, monthCopyText(system, month, period))
    await sql`DELETE FROM observations WHERE organisation_id = ${system.orgId} AND period_start = ${period}`.execute(store.db)
    record({ engine: 'postgres', operation: 'raw COPY of one month (baseline)', rows: month.length, seconds: copySeconds, note: 'ids resolved, no parsing or validation, into the full table' })

    log(`scale: full analysis recompute of ${seriesCount(shape).toLocaleString('en-GB')} series…`)
    const [full, fullSeconds] = await time(() => refreshAnalysis(deps, system.orgId))
    expectCount('full recompute', full.recomputed, seriesCount(shape))
    record({ engine: 'postgres', operation: 'full analysis recompute (every series)', rows: full.recomputed, seconds: fullSeconds, note: `${(last * full.recomputed).toLocaleString('en-GB')} points read, analysed (XmR) and stored` })

    let importTotal = 0
    let writeTotal = 0
    let insertedTotal = 0
    for (const [programme, measures] of system.programmes) {
      const set = new Set(measures)
      const file = monthCsv(month.filter((r) => set.has(r.measure)), period)
      // The import reports its stages: from the first row written to the data-quality checks is the write itself.
      let writing: number | undefined
      let checking: number | undefined
      const onProgress = (stage: string) => {
        if (stage === 'writing') writing ??= performance.now()
        if (stage === 'checking') checking ??= performance.now()
      }
      const [report, seconds] = await time(() => importObservations(deps, { organisation: ORGANISATION, programme, fileName: `${programme}.csv`, format: 'csv', content: file, createdBy: 'bench', onProgress }))
      if (report.importId === null) throw new Error(`import of ${programme} failed: ${JSON.stringify(report.issues.slice(0, 3))}`)
      importTotal += seconds
      if (writing !== undefined && checking !== undefined) writeTotal += (checking - writing) / 1000
      insertedTotal += report.inserted
    }
    expectCount('month import', insertedTotal, month.length)
    record({ engine: 'postgres', operation: 'lhs import of the same month (one file per programme)', rows: insertedTotal, seconds: importTotal, note: `${pct(copySeconds / importTotal)} of raw COPY's rate: parse, validate, upsert, then the gap and outlier checks (index probes, precomputed statistics)`, target: `≥ 50% of COPY: ${atLeast(copySeconds / importTotal, 0.5, pct)}` })
    record({ engine: 'postgres', operation: '… of which the upsert (from the first row written to the checks)', rows: insertedTotal, seconds: writeTotal, note: `${pct(copySeconds / writeTotal)} of raw COPY's rate; the checks took ${secs(importTotal - writeTotal)} more` })

    const [afterMonth, monthRefreshSeconds] = await time(() => refreshAnalysis(deps, system.orgId))
    expectCount('incremental recompute after the whole month', afterMonth.recomputed, seriesCount(shape))
    record({ engine: 'postgres', operation: 'incremental recompute after the whole system’s month', rows: afterMonth.recomputed, seconds: monthRefreshSeconds, note: 'a month of every measure touches every series' })

    const programme = programmeCode(0)
    const programmeMeasures = system.programmes.get(programme) ?? []
    const next = monthRows(shape, system, programmeMeasures, 43)
    const [programmeImport, programmeImportSeconds] = await time(() => importObservations(deps, { organisation: ORGANISATION, programme, fileName: 'next.csv', format: 'csv', content: monthCsv(next, monthPeriod(shape.months)), createdBy: 'bench' }))
    expectCount('programme month import', programmeImport.inserted, next.length)
    const touched = programmeMeasures.length * (shape.sites * SITE_GROUPS.length + ROOT_GROUPS.length)
    expectCount('series made stale by one programme’s month', await countStaleSeries(store.db, system.orgId), touched)
    record({ engine: 'postgres', operation: `lhs import of one programme’s month (${programmeMeasures.length} measures)`, rows: programmeImport.inserted, seconds: programmeImportSeconds, note: `${Math.round(next.length / programmeImportSeconds).toLocaleString('en-GB')} rows a second` })
    const [incremental, incrementalSeconds] = await time(() => refreshAnalysis(deps, system.orgId))
    expectCount('incremental recompute after one programme’s month', incremental.recomputed, touched)
    record({ engine: 'postgres', operation: 'incremental recompute after one programme’s month', rows: incremental.recomputed, seconds: incrementalSeconds, note: `only the touched series, of ${seriesCount(shape).toLocaleString('en-GB')}`, target: `< 10 s: ${atMost(incrementalSeconds, 10, secs)}` })

    const databaseSize = await sql<{ bytes: string }>`SELECT pg_database_size(current_database())::text AS bytes`.execute(store.db)
    record({ engine: 'postgres', operation: 'database size after the bench’s imports', rows: 0, seconds: 0, note: mb(Number(databaseSize.rows[0]?.bytes ?? 0) / 1e6) })

    const base = `/organisations/${ORGANISATION}/programmes/${programme}`
    const targets = [
      { name: `programme overview and summary matrix (${programmeMeasures.length} measures)`, path: base },
      { name: 'measure page', path: `${base}/measures/${measureCode(0)}` },
    ]
    for (const workers of [1, 2]) {
      log(`scale: latency under 50 concurrent clients, ${workers === 1 ? 'one server process' : `lhs serve --workers ${workers}`}…`)
      const latency = await benchLatency({
        databaseUrl,
        organisation: ORGANISATION,
        targets,
        ...(workers === 1 ? {} : { serveArgs: ['--workers', String(workers)] }),
        ...(options.latencySeconds === undefined ? {} : { seconds: options.latencySeconds }),
      })
      const how = workers === 1 ? 'one process' : `${workers} worker processes`
      for (const row of latency.rows) {
        const isHealth = row.baseline === undefined
        record({
          engine: 'http',
          operation: `${row.operation}, 50 clients, ${how}`,
          rows: row.rows,
          seconds: row.seconds,
          note: `p50 ${ms(row.p50Ms)}, p99 ${ms(row.p99Ms)}, ${Math.round(row.requestsPerSecond)} req/s${row.errors > 0 ? `, ${row.errors} errors` : ''}${isHealth ? ' (baseline)' : `; ${row.note}`}`,
          ...(isHealth ? {} : { target: `p99 < 100 ms: ${atMost(row.p99Ms, 100, ms)}` }),
        })
      }
      record({
        engine: 'http',
        operation: `server peak memory (VmHWM), ${how}`,
        rows: 0,
        seconds: 0,
        note: mb(latency.serverPeakRssMb) + (workers === 1 ? '' : ' over every process (the supervisor and its workers)'),
        ...(workers === 1 ? { target: `< 500 MB: ${atMost(latency.serverPeakRssMb, 500, mb)}` } : {}),
      })
    }
    return rows
  } finally {
    await store.close()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
}

async function rawCopy(databaseUrl: string, text: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const [, seconds] = await time(() => pipeline(Readable.from([text]), client.query(copyFrom(COPY_SQL))))
    return seconds
  } finally {
    await client.end()
  }
}

function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`scale bench: ${what}: expected ${expected.toLocaleString('en-GB')}, got ${actual.toLocaleString('en-GB')}`)
}

export type { ScaleSystem, Store }
