/**
 * Aggregate a patient-level extract (CSV or Parquet) into observations with DuckDB: open the file,
 * check that every column the definitions name exists with a fitting type, read it once into cells
 * (per period, site and group value) while counting the rows that fail a check, report those rows,
 * and only then sum the cells into observations. Only aggregates leave DuckDB; nothing is written
 * to disk. @see docs/methods/extracts.md
 */
import { isAbsolute } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Issue } from '../../core/issues.ts'
import type { ObservationInput } from '../../core/model.ts'
import {
  cellsCheckQuery, cellsStatement, checkColumns, DISTINCT_GROUP_LIMIT, measureColumns, observationsFromAggregates, OUTPUT, outputQuery, planChecks, planQueries,
  type AggregateRow, type ExtractMeasure, type PlanChecks, type QueryPlan, type RowCheck,
} from '../../core/extract/index.ts'
import { IssueCollector } from '../issue-collector.ts'
import { openDuckDbSession, type DuckDbSession } from './duckdb-session.ts'
import { reportColumnProblems, reportFailingRows, reportGroupLabels, reportScanFailure } from './extract-issues.ts'
import { extractFormatOf, openExtractFile, type ExtractFile } from './extract-file.ts'
import { findFailingRows } from './failing-rows.ts'

/** Reading the file into cells (the long part), then summing the cells. */
export type ExtractStage = 'reading' | 'aggregating'

export interface AggregateExtractOptions {
  /** The file name used in messages (default: the path). */
  readonly fileName?: string
  /** The organisation's site codes (its root site excluded). */
  readonly sites: ReadonlySet<string>
  /** Progress of the whole run from 0 to 1, with the stage it is in. */
  readonly onProgress?: (stage: ExtractStage, fraction: number) => void
}

export interface ExtractAggregation {
  /** Observations, when there is no error. */
  readonly rows: readonly ObservationInput[]
  readonly issues: readonly Issue[]
  /** Rows in the extract (0 when it could not be read). */
  readonly sourceRows: number
  /** The statements that aggregate the file (per breakdown: build the cells, then sum them), runnable as they are in DuckDB. */
  readonly sql: readonly string[]
  readonly seconds: number
}

/** Failing rows listed per check; the rest are counted in one more issue. */
export const ROWS_LISTED_PER_CHECK = 100

/** Aggregate `path` (absolute) for `measures`. Issues, never exceptions, for anything wrong with the file or its fit to the definitions. */
export async function aggregateExtract(path: string, measures: readonly ExtractMeasure[], options: AggregateExtractOptions): Promise<ExtractAggregation> {
  if (!isAbsolute(path)) throw new Error(`extract path must be absolute: ${JSON.stringify(path)}`)
  if (measures.length === 0) throw new Error('aggregateExtract needs at least one measure')
  const started = performance.now()
  const issues = new IssueCollector(options.fileName ?? path)
  const sql: string[] = []
  let sourceRows = 0
  const done = (rows: readonly ObservationInput[] = []): ExtractAggregation => ({ rows, issues: issues.toArray(), sourceRows, sql, seconds: (performance.now() - started) / 1000 })
  const format = extractFormatOf(path)
  if (format === undefined) {
    issues.error({ code: 'unsupported_format', problem: 'the file is neither .csv nor .parquet', expected: 'a CSV file (.csv) with a header line, or a Parquet file (.parquet)' })
    return done()
  }
  const session = await openDuckDbSession(path)
  try {
    const file = await openExtractFile(session, path, format, issues)
    if (file === undefined) return done()
    for (const measure of measures) reportColumnProblems(issues, measure, checkColumns(measure.definition, file.columns), file)
    if (issues.errorCount > 0) return done()
    const plans = planQueries(measures).map((plan, k) => ({ plan, table: `lhs_cells_${k}`, checks: planChecks(plan, file.columns, options.sites) }))
    const progress = (stage: ExtractStage, step: number) => (fraction: number) => options.onProgress?.(stage, (step + fraction) / plans.length)
    for (const [k, { plan, table, checks }] of plans.entries()) {
      sql.push(cellsStatement(file.source, file.columns, plan, table, checks.counters))
      await session.rows(sql.at(-1) as string, progress('reading', k))
    }
    const reported = new Set<string>()
    for (const { plan, table, checks } of plans) {
      sourceRows = await checkCells(session, file, { plan, table, checks }, options.sites, issues, reported)
      if (sourceRows === 0) return done()
    }
    if (issues.errorCount > 0) return done()
    const rows: ObservationInput[] = []
    for (const [k, { plan, table }] of plans.entries()) {
      sql.push(outputQuery(plan, table))
      const aggregates = aggregateRows(await session.columns(sql.at(-1) as string, progress('aggregating', k)), plan.measures.length)
      reportGroupLabels(issues, plan, aggregates)
      rows.push(...observationsFromAggregates(plan, aggregates))
    }
    options.onProgress?.('aggregating', 1)
    return done(issues.errorCount > 0 ? [] : rows)
  } catch (error) {
    // A file DuckDB cannot read to the end (a broken CSV line, bad UTF-8, a damaged Parquet file) is an issue, not a crash.
    if (!reportScanFailure(issues, error, format, path)) throw error
    return done()
  } finally {
    session.close()
  }
}

/** Report a plan's failing checks (each column and rule once across plans); the number of rows in the file. */
async function checkCells(session: DuckDbSession, file: ExtractFile, planned: { plan: QueryPlan; table: string; checks: PlanChecks }, sites: ReadonlySet<string>, issues: IssueCollector, reported: Set<string>): Promise<number> {
  const { plan, table, checks } = planned
  const [counts] = await session.rows(cellsCheckQuery(plan, table, checks, sites))
  const rows = Number(counts?.lhs_rows ?? 0)
  if (rows === 0) {
    issues.error({ code: 'empty_file', problem: 'the file has no rows', expected: 'at least one row after the header' })
    return 0
  }
  const failing: { check: RowCheck; count: number }[] = []
  for (const check of checks.rows) {
    const count = Number(counts?.[check.id] ?? 0)
    const key = `${check.rule}\u0000${check.column}`
    if (count === 0 || reported.has(key)) continue
    reported.add(key)
    failing.push({ check, count })
  }
  if (failing.length > 0) {
    const found = await findFailingRows(session, file, failing.map((f) => f.check), ROWS_LISTED_PER_CHECK)
    failing.forEach((f, i) => reportFailingRows(issues, file, f.check, found[i] ?? [], f.count, sites))
  }
  for (const group of checks.groups) {
    const distinct = Number(counts?.[group.id] ?? 0)
    if (distinct <= DISTINCT_GROUP_LIMIT || reported.has(`group\u0000${group.column}`)) continue
    reported.add(`group\u0000${group.column}`)
    issues.error({
      code: 'too_many_groups',
      column: group.column,
      value: String(distinct),
      problem: `measure "${group.measure}": ${group.field} names the column "${group.column}", which holds ${distinct.toLocaleString('en-GB')} different values`,
      expected: `at most ${DISTINCT_GROUP_LIMIT} groups: a column of community groups (such as IMD quintile), not one that tells people apart`,
    })
  }
  return rows
}

/** The output query's columns as rows (HUGEINT sums arrive as bigint). */
function aggregateRows(columns: Record<string, unknown[]>, measureCount: number): AggregateRow[] {
  const column = (name: string): unknown[] => columns[name] ?? []
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value))
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  const [periods, sites, dimensions, groups] = [column(OUTPUT.period), column(OUTPUT.site), column(OUTPUT.dimension), column(OUTPUT.group)]
  const values = Array.from({ length: measureCount }, (_, i) => [column(measureColumns(i).a), column(measureColumns(i).b)])
  return periods.map((period, r) => ({
    period: String(period),
    site: text(sites[r]),
    dimension: text(dimensions[r]),
    group: text(groups[r]),
    values: values.flatMap(([a, b]) => [number(a?.[r]), number(b?.[r])]),
  }))
}
