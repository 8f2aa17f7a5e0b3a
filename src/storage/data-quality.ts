/** Data-quality queries run after an import, on the series the import touched. @see docs/methods/data-quality.md */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface SeriesGap {
  readonly measureId: number
  readonly siteId: number
  readonly dimension: string
  readonly group: string
  /** Last period before the gap and first period after it. */
  readonly before: string
  readonly after: string
}

export interface OutlyingValue {
  readonly measureId: number
  readonly siteId: number
  readonly dimension: string
  readonly group: string
  readonly period: string
  readonly value: number
  readonly historyMean: number
  readonly historySd: number
}

/** Gaps (missing periods) inside every series that rows of `importId` belong to. */
export async function findGaps(db: Kysely<Database>, organisationId: number, importId: number, limit = 200): Promise<SeriesGap[]> {
  // Each touched series is read by its own index range scan (LATERAL), so the cost follows the
  // import's size, not the organisation's history.
  const result = await sql<SeriesGap>`
    WITH touched AS (
      SELECT DISTINCT measure_id, site_id, dimension, group_name FROM observations
      WHERE organisation_id = ${organisationId} AND import_id = ${importId}
    )
    SELECT t.measure_id AS "measureId", t.site_id AS "siteId", t.dimension, t.group_name AS "group", g.previous AS before, g.period_start AS after
    FROM touched t
    JOIN measures m ON m.organisation_id = ${organisationId} AND m.id = t.measure_id
    CROSS JOIN LATERAL (
      SELECT o.period_start, lag(o.period_start) OVER (ORDER BY o.period_start) AS previous
      FROM observations o
      WHERE o.organisation_id = ${organisationId} AND o.measure_id = t.measure_id AND o.site_id = t.site_id
        AND o.dimension = t.dimension AND o.group_name = t.group_name
    ) AS g
    WHERE g.previous IS NOT NULL AND g.period_start > (g.previous + CASE m.period
      WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days'
      WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date
    ORDER BY t.measure_id, t.site_id, t.dimension, t.group_name, g.period_start
    LIMIT ${limit}`.execute(db)
  return result.rows
}

/**
 * Rows of `importId` more than `sds` standard deviations from the mean of the rest of their
 * series, where that history has at least `minHistory` points and some spread.
 *
 * The statistics are summed in numeric, not float8: the importer keeps values within ±1e15, but a
 * history of values near 1e308 (stored before that limit) overflowed float8 sums and failed the
 * import. Values that are not finite are left out, and so are statistics that do not fit a number.
 */
export async function findOutliers(db: Kysely<Database>, organisationId: number, importId: number, sds = 4, minHistory = 12, limit = 200): Promise<OutlyingValue[]> {
  const result = await sql<OutlyingValue>`
    WITH touched AS (
      SELECT DISTINCT measure_id, site_id, dimension, group_name FROM observations
      WHERE organisation_id = ${organisationId} AND import_id = ${importId}
    )
    SELECT t.measure_id AS "measureId", t.site_id AS "siteId", t.dimension, t.group_name AS "group",
           o.period_start AS period, o.value, h.mean AS "historyMean", h.sd AS "historySd"
    FROM touched t
    CROSS JOIN LATERAL (
      SELECT avg(x.value::numeric) FILTER (WHERE x.import_id IS DISTINCT FROM ${importId}) AS mean,
             stddev_samp(x.value::numeric) FILTER (WHERE x.import_id IS DISTINCT FROM ${importId}) AS sd,
             count(*) FILTER (WHERE x.import_id IS DISTINCT FROM ${importId}) AS n,
             array_agg(x.period_start) FILTER (WHERE x.import_id = ${importId}) AS periods,
             array_agg(x.value) FILTER (WHERE x.import_id = ${importId}) AS vals
      FROM observations x
      WHERE x.organisation_id = ${organisationId} AND x.measure_id = t.measure_id AND x.site_id = t.site_id
        AND x.dimension = t.dimension AND x.group_name = t.group_name AND abs(x.value) < 'Infinity'::float8
    ) AS h
    CROSS JOIN LATERAL unnest(h.periods, h.vals) AS o(period_start, value)
    WHERE h.n >= ${minHistory} AND h.sd > 0 AND abs(o.value::numeric - h.mean) > ${sds} * h.sd
    ORDER BY t.measure_id, t.site_id, o.period_start
    LIMIT ${limit}`.execute(db)
  return result.rows
    .map((r) => ({ ...r, value: Number(r.value), historyMean: Number(r.historyMean), historySd: Number(r.historySd) }))
    .filter((r) => Number.isFinite(r.historyMean) && Number.isFinite(r.historySd))
}
