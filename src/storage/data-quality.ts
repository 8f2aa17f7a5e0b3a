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

const STEP = (period: string) => sql.raw(`(CASE ${period} WHEN 'day' THEN interval '1 day' WHEN 'week' THEN interval '7 days' WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)`)

/**
 * Gaps (missing periods) next to the rows of `importId`: for each imported period, the stored period
 * just before it and just after it (one index probe each), so the cost follows the import's size,
 * not the series' history. A gap elsewhere in a series was reported by the import that made it.
 */
export async function findGaps(db: Kysely<Database>, organisationId: number, importId: number, limit = 200): Promise<SeriesGap[]> {
  const result = await sql<SeriesGap>`
    WITH imported AS (
      SELECT o.measure_id, o.site_id, o.dimension, o.group_name, o.period_start, m.period
      FROM observations o JOIN measures m ON m.organisation_id = o.organisation_id AND m.id = o.measure_id
      WHERE o.organisation_id = ${organisationId} AND o.import_id = ${importId}
    ), pairs AS (
      SELECT i.measure_id, i.site_id, i.dimension, i.group_name, i.period, p.before, i.period_start AS after
      FROM imported i
      CROSS JOIN LATERAL (
        SELECT max(o.period_start) AS before FROM observations o
        WHERE o.organisation_id = ${organisationId} AND o.measure_id = i.measure_id AND o.site_id = i.site_id
          AND o.dimension = i.dimension AND o.group_name = i.group_name AND o.period_start < i.period_start
      ) AS p
      UNION
      SELECT i.measure_id, i.site_id, i.dimension, i.group_name, i.period, i.period_start AS before, n.after
      FROM imported i
      CROSS JOIN LATERAL (
        SELECT min(o.period_start) AS after FROM observations o
        WHERE o.organisation_id = ${organisationId} AND o.measure_id = i.measure_id AND o.site_id = i.site_id
          AND o.dimension = i.dimension AND o.group_name = i.group_name AND o.period_start > i.period_start
      ) AS n
    )
    SELECT measure_id AS "measureId", site_id AS "siteId", dimension, group_name AS "group", before, after
    FROM pairs
    WHERE before IS NOT NULL AND after IS NOT NULL AND after > (before + ${STEP('period')})::date
    ORDER BY measure_id, site_id, dimension, group_name, after
    LIMIT ${limit}`.execute(db)
  return result.rows
}

/**
 * Rows of `importId` more than `sds` standard deviations from the mean of the rest of their
 * series, where that history has at least `minHistory` points and some spread. The history is the
 * series as last analysed (its precomputed statistics) when it has been, else its other rows.
 *
 * The statistics are summed in numeric, not float8: the importer keeps values within ±1e15, but a
 * history of values near 1e308 (stored before that limit) overflowed float8 sums and failed the
 * import. Values that are not finite are left out, and so are statistics that do not fit a number.
 */
export async function findOutliers(db: Kysely<Database>, organisationId: number, importId: number, sds = 4, minHistory = 12, limit = 200): Promise<OutlyingValue[]> {
  // A series with precomputed statistics (series_analysis: its values when last analysed, before
  // this import) is checked against those with one index probe; only a series without them reads
  // its history, by its own index range scan.
  const result = await sql<OutlyingValue>`
    WITH imported AS (
      SELECT measure_id, site_id, dimension, group_name, period_start, value FROM observations
      WHERE organisation_id = ${organisationId} AND import_id = ${importId} AND abs(value) < 'Infinity'::float8
    ), known AS (
      SELECT i.measure_id, i.site_id, i.dimension, i.group_name, i.period_start, i.value, a.value_n AS n, a.value_mean AS mean, a.value_sd AS sd
      FROM imported i
      JOIN series_analysis a ON a.organisation_id = ${organisationId} AND a.measure_id = i.measure_id AND a.site_id = i.site_id
                            AND a.dimension = i.dimension AND a.group_name = i.group_name
      WHERE a.computed_version IS NOT NULL AND a.value_mean IS NOT NULL AND a.value_sd IS NOT NULL
    ), unknown AS (
      -- Joined on the table's key, not on the CTE above (a CTE has no index: that made it quadratic).
      SELECT DISTINCT i.measure_id, i.site_id, i.dimension, i.group_name
      FROM imported i
      LEFT JOIN series_analysis a ON a.organisation_id = ${organisationId} AND a.measure_id = i.measure_id AND a.site_id = i.site_id
                                 AND a.dimension = i.dimension AND a.group_name = i.group_name
                                 AND a.computed_version IS NOT NULL AND a.value_mean IS NOT NULL AND a.value_sd IS NOT NULL
      WHERE a.organisation_id IS NULL
    ), read AS (
      SELECT t.measure_id, t.site_id, t.dimension, t.group_name, o.period_start, o.value, h.n, h.mean, h.sd
      FROM unknown t
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
    ), checked AS (
      SELECT measure_id, site_id, dimension, group_name, period_start, value, mean::numeric AS mean, sd::numeric AS sd, n FROM known
      UNION ALL
      SELECT measure_id, site_id, dimension, group_name, period_start, value, mean, sd, n FROM read
    )
    SELECT measure_id AS "measureId", site_id AS "siteId", dimension, group_name AS "group",
           period_start AS period, value, mean AS "historyMean", sd AS "historySd"
    FROM checked
    WHERE n >= ${minHistory} AND sd > 0 AND abs(value::numeric - mean) > ${sds} * sd
    ORDER BY measure_id, site_id, period_start
    LIMIT ${limit}`.execute(db)
  return result.rows
    .map((r) => ({ ...r, value: Number(r.value), historyMean: Number(r.historyMean), historySd: Number(r.historySd) }))
    .filter((r) => Number.isFinite(r.historyMean) && Number.isFinite(r.historySd))
}
