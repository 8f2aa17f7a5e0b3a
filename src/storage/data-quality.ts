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
  const result = await sql<SeriesGap>`
    WITH touched AS (
      SELECT DISTINCT measure_id, site_id, dimension, group_name FROM observations
      WHERE organisation_id = ${organisationId} AND import_id = ${importId}
    ), ordered AS (
      SELECT o.measure_id, o.site_id, o.dimension, o.group_name, o.period_start, m.period,
             lag(o.period_start) OVER (PARTITION BY o.measure_id, o.site_id, o.dimension, o.group_name ORDER BY o.period_start) AS previous
      FROM observations o
      JOIN touched t USING (measure_id, site_id, dimension, group_name)
      JOIN measures m ON m.organisation_id = o.organisation_id AND m.id = o.measure_id
      WHERE o.organisation_id = ${organisationId}
    )
    SELECT measure_id AS "measureId", site_id AS "siteId", dimension, group_name AS "group",
           previous AS before, period_start AS after
    FROM ordered
    WHERE previous IS NOT NULL AND period_start > (previous + CASE period
      WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days'
      WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date
    ORDER BY measure_id, site_id, dimension, group_name, period_start
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
    WITH history AS (
      SELECT h.measure_id, h.site_id, h.dimension, h.group_name, avg(h.value::numeric) AS mean, stddev_samp(h.value::numeric) AS sd
      FROM observations h
      JOIN (SELECT DISTINCT measure_id, site_id, dimension, group_name FROM observations
            WHERE organisation_id = ${organisationId} AND import_id = ${importId}) t
        USING (measure_id, site_id, dimension, group_name)
      WHERE h.organisation_id = ${organisationId} AND h.import_id IS DISTINCT FROM ${importId}
        AND abs(h.value) < 'Infinity'::float8
      GROUP BY h.measure_id, h.site_id, h.dimension, h.group_name
      HAVING count(*) >= ${minHistory} AND stddev_samp(h.value::numeric) > 0
    )
    SELECT o.measure_id AS "measureId", o.site_id AS "siteId", o.dimension, o.group_name AS "group",
           o.period_start AS period, o.value, h.mean AS "historyMean", h.sd AS "historySd"
    FROM observations o
    JOIN history h USING (measure_id, site_id, dimension, group_name)
    WHERE o.organisation_id = ${organisationId} AND o.import_id = ${importId}
      AND abs(o.value) < 'Infinity'::float8
      AND abs(o.value::numeric - h.mean) > ${sds} * h.sd
    ORDER BY o.measure_id, o.site_id, o.period_start
    LIMIT ${limit}`.execute(db)
  return result.rows
    .map((r) => ({ ...r, value: Number(r.value), historyMean: Number(r.historyMean), historySd: Number(r.historySd) }))
    .filter((r) => Number.isFinite(r.historyMean) && Number.isFinite(r.historySd))
}
