/**
 * Precomputed analysis per series (migration 0010): which series are stale, their inputs read in
 * bulk, results written back, and the stored results a page reads. A result is stale when its
 * `computed_version` differs from `version`, which the database's triggers bump on every change to
 * the series' observations, rebases, exclusions or measure.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema.ts'
import type { SeriesKey, SeriesRow } from './observations.ts'

type Db = Kysely<Database> | Transaction<Database>

export interface StaleSeries extends SeriesKey {
  readonly version: number
}

export interface SeriesInputs extends SeriesKey {
  /** The series' values, oldest first (the analysis needs no counts). */
  readonly rows: Pick<SeriesRow, 'period' | 'value'>[]
}

export interface StoredAnalysis extends SeriesKey {
  /** True when the stored result predates a change to the series' inputs (or none was computed yet). */
  readonly stale: boolean
  readonly computedAt: Date | null
  readonly latestPeriod: string | null
  readonly latestValue: number | null
  readonly variation: string | null
  readonly assurance: string | null
  /** JSON text of the compact SPC result (core/spc/compact.ts), when asked for and computed. */
  readonly spc: string | null
}

export interface AnalysisWrite extends SeriesKey {
  readonly points: number
  readonly latestPeriod: string | null
  readonly latestValue: number | null
  readonly variation: string | null
  readonly assurance: string | null
  readonly signals: number
  /** Finite values of the series, their mean and sample standard deviation (null when not finite or fewer than 2): the import's outlier check compares new rows with these. */
  readonly valueN: number
  readonly valueMean: number | null
  readonly valueSd: number | null
  /** JSON text of the compact result. */
  readonly spc: string
}

/**
 * Up to `limit` stale series of an organisation, locked for this transaction (`FOR UPDATE SKIP
 * LOCKED`), so two refreshers take different series and a change to a locked series waits until
 * its new result is written (and then makes it stale again).
 */
export async function lockStaleSeries(trx: Db, organisationId: number, limit: number): Promise<StaleSeries[]> {
  const result = await sql<{ measure_id: number; site_id: number; dimension: string; group_name: string; version: number }>`
    SELECT measure_id, site_id, dimension, group_name, version FROM series_analysis
    WHERE organisation_id = ${organisationId} AND computed_version IS DISTINCT FROM version
    ORDER BY measure_id, site_id, dimension, group_name
    LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(trx)
  return result.rows.map((r) => ({ measureId: r.measure_id, siteId: r.site_id, dimension: r.dimension, group: r.group_name, version: Number(r.version) }))
}

/** How many series of the organisation (every organisation when absent) are stale. */
export async function countStaleSeries(db: Db, organisationId?: number): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*) AS n FROM series_analysis
    WHERE computed_version IS DISTINCT FROM version ${organisationId === undefined ? sql`` : sql`AND organisation_id = ${organisationId}`}`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

/** Organisations with at least one stale series (the server's start-up sweep). */
export async function organisationsWithStaleSeries(db: Db): Promise<number[]> {
  const result = await sql<{ organisation_id: number }>`
    SELECT DISTINCT organisation_id FROM series_analysis WHERE computed_version IS DISTINCT FROM version ORDER BY organisation_id`.execute(db)
  return result.rows.map((r) => r.organisation_id)
}

function keyArrays(keys: readonly SeriesKey[]) {
  return {
    measures: keys.map((k) => k.measureId),
    sites: keys.map((k) => k.siteId),
    dimensions: keys.map((k) => k.dimension),
    groups: keys.map((k) => k.group),
  }
}

/** The observations of each series, oldest first, in one query (one row per series, its periods and values as arrays). */
export async function readSeriesInputs(db: Db, organisationId: number, keys: readonly SeriesKey[]): Promise<SeriesInputs[]> {
  if (keys.length === 0) return []
  const k = keyArrays(keys)
  // One index range scan per series (LATERAL), whatever the planner thinks of the key list's size.
  const result = await sql<{ measure_id: number; site_id: number; dimension: string; group_name: string; periods: string[]; vals: number[] }>`
    SELECT key.measure_id, key.site_id, key.dimension, key.group_name, s.periods, s.vals
    FROM unnest(${k.measures}::int[], ${k.sites}::int[], ${k.dimensions}::text[], ${k.groups}::text[]) AS key(measure_id, site_id, dimension, group_name)
    CROSS JOIN LATERAL (
      SELECT array_agg(o.period_start::text ORDER BY o.period_start) AS periods,
             array_agg(o.value ORDER BY o.period_start) AS vals
      FROM observations o
      WHERE o.organisation_id = ${organisationId} AND o.measure_id = key.measure_id AND o.site_id = key.site_id
        AND o.dimension = key.dimension AND o.group_name = key.group_name) AS s
    WHERE s.periods IS NOT NULL`.execute(db)
  return result.rows.map((r) => ({
    measureId: r.measure_id,
    siteId: r.site_id,
    dimension: r.dimension,
    group: r.group_name,
    rows: r.periods.map((period, i) => ({ period, value: r.vals[i] as number })),
  }))
}

/** Accepted rebases of these measures (site null: every site). */
export async function readRebases(db: Db, organisationId: number, measureIds: readonly number[]) {
  return db
    .selectFrom('rebases')
    .select(['measure_id as measureId', 'site_id as siteId', sql<string>`rebase_date::text`.as('date'), 'reason'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', 'in', measureIds.length === 0 ? [-1] : [...measureIds])
    .where('status', '=', 'accepted')
    .orderBy('rebase_date')
    .execute()
}

/** Exclusions (points left out of the limits) of these measures. */
export async function readExclusions(db: Db, organisationId: number, measureIds: readonly number[]) {
  return db
    .selectFrom('point_notes')
    .select(['measure_id as measureId', 'site_id as siteId', sql<string>`period_start::text`.as('period'), 'note'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', 'in', measureIds.length === 0 ? [-1] : [...measureIds])
    .where('kind', '=', 'exclusion')
    .execute()
}

/** Store results computed from the series' current inputs (call with the series locked by `lockStaleSeries`). */
export async function writeAnalyses(trx: Db, organisationId: number, results: readonly AnalysisWrite[], computedAt: Date): Promise<void> {
  if (results.length === 0) return
  const k = keyArrays(results)
  await sql`
    UPDATE series_analysis AS a SET
      computed_version = a.version, computed_at = ${computedAt}, points = r.points, latest_period = r.latest_period,
      latest_value = r.latest_value, variation = r.variation, assurance = r.assurance, signals = r.signals, spc = r.spc::jsonb,
      value_n = r.value_n, value_mean = r.value_mean, value_sd = r.value_sd
    FROM unnest(${k.measures}::int[], ${k.sites}::int[], ${k.dimensions}::text[], ${k.groups}::text[],
                ${results.map((r) => r.points)}::int[], ${results.map((r) => r.latestPeriod)}::date[], ${results.map((r) => r.latestValue)}::float8[],
                ${results.map((r) => r.variation)}::text[], ${results.map((r) => r.assurance)}::text[], ${results.map((r) => r.signals)}::int[],
                ${results.map((r) => r.spc)}::text[], ${results.map((r) => r.valueN)}::int[], ${results.map((r) => r.valueMean)}::float8[],
                ${results.map((r) => r.valueSd)}::float8[])
      AS r(measure_id, site_id, dimension, group_name, points, latest_period, latest_value, variation, assurance, signals, spc, value_n, value_mean, value_sd)
    WHERE a.organisation_id = ${organisationId} AND a.measure_id = r.measure_id AND a.site_id = r.site_id
      AND a.dimension = r.dimension AND a.group_name = r.group_name`.execute(trx)
}

/** Remove the rows of series that no longer have any observation. */
export async function deleteAnalyses(trx: Db, organisationId: number, keys: readonly SeriesKey[]): Promise<void> {
  if (keys.length === 0) return
  const k = keyArrays(keys)
  await sql`
    DELETE FROM series_analysis AS a
    USING unnest(${k.measures}::int[], ${k.sites}::int[], ${k.dimensions}::text[], ${k.groups}::text[]) AS key(measure_id, site_id, dimension, group_name)
    WHERE a.organisation_id = ${organisationId} AND a.measure_id = key.measure_id AND a.site_id = key.site_id
      AND a.dimension = key.dimension AND a.group_name = key.group_name`.execute(trx)
}

/**
 * The stored results of one site's series for these measures, all people and each group of
 * `dimension`; the compact SPC result only for the all-people series unless `withGroupSpc`.
 */
export async function readStoredAnalyses(db: Db, organisationId: number, measureIds: readonly number[], siteId: number, dimension: string, withGroupSpc = false): Promise<StoredAnalysis[]> {
  if (measureIds.length === 0) return []
  const result = await sql<{ measure_id: number; site_id: number; dimension: string; group_name: string; stale: boolean; computed_at: Date | null; latest_period: string | null; latest_value: number | null; variation: string | null; assurance: string | null; spc: string | null }>`
    SELECT measure_id, site_id, dimension, group_name, computed_version IS DISTINCT FROM version AS stale, computed_at,
           latest_period, latest_value, variation, assurance,
           CASE WHEN dimension = '' OR ${withGroupSpc} THEN spc::text END AS spc
    FROM series_analysis
    WHERE organisation_id = ${organisationId} AND measure_id = ANY(${[...measureIds]}::int[]) AND site_id = ${siteId}
      AND (dimension = '' OR dimension = ${dimension})`.execute(db)
  return result.rows.map((r) => ({
    measureId: r.measure_id,
    siteId: r.site_id,
    dimension: r.dimension,
    group: r.group_name,
    stale: r.stale,
    computedAt: r.computed_at,
    latestPeriod: r.latest_period,
    latestValue: r.latest_value,
    variation: r.variation,
    assurance: r.assurance,
    spc: r.spc,
  }))
}

/**
 * The series a measure has (site, dimension, group), from the one row each series keeps here
 * rather than from its observations (a measure of 50 sites × 10 groups × 60 months: 500 rows read,
 * not 30,000). A row appears with a series' first observation; one whose observations were all
 * deleted goes at the next refresh.
 */
export async function listMeasureSeries(db: Db, organisationId: number, measureId: number): Promise<SeriesKey[]> {
  const rows = await db
    .selectFrom('series_analysis')
    .select(['site_id', 'dimension', 'group_name'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .orderBy('site_id')
    .orderBy('dimension')
    .orderBy('group_name')
    .execute()
  return rows.map((r) => ({ measureId, siteId: r.site_id, dimension: r.dimension, group: r.group_name }))
}
