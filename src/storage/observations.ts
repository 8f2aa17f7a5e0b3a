/** Observations: one value per measure, site, community group and period. Bulk upsert by batches. */
import { sql, type Kysely } from 'kysely'
import type { ObservationInput } from '../core/model.ts'
import type { Database } from './schema.ts'
import type { UpsertCounts } from './measures.ts'

export interface UpsertObservationsContext {
  readonly organisationId: number
  /** Measure code → id. */
  readonly measureIds: ReadonlyMap<string, number>
  /** Site code → id; rows with site null use `rootSiteId` (the whole organisation). */
  readonly siteIds: ReadonlyMap<string, number>
  readonly rootSiteId: number
  readonly importId: number | null
  readonly source: string
  readonly importedAt: Date
  readonly batchSize?: number
  readonly onProgress?: (rowsWritten: number) => void
}

export interface SeriesKey {
  readonly measureId: number
  readonly siteId: number
  /** '' for all people. */
  readonly dimension: string
  readonly group: string
}

export interface SeriesRow {
  readonly period: string
  readonly numerator: number | null
  readonly denominator: number | null
  readonly value: number
}

function lookup(map: ReadonlyMap<string, number>, code: string, what: string): number {
  const id = map.get(code)
  if (id === undefined) throw new Error(`unknown ${what} code: ${code}`)
  return id
}

/**
 * Insert new rows, update changed ones and leave identical ones alone (compared on numerator,
 * denominator and value), in batches of `unnest` arrays. Run it inside a transaction.
 */
export async function upsertObservations(db: Kysely<Database>, context: UpsertObservationsContext, rows: readonly ObservationInput[]): Promise<UpsertCounts> {
  const batchSize = context.batchSize ?? 20_000
  let inserted = 0
  let updated = 0
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize)
    const counts = await upsertBatch(db, context, batch)
    inserted += counts.inserted
    updated += counts.updated
    context.onProgress?.(start + batch.length)
  }
  return { inserted, updated, unchanged: rows.length - inserted - updated }
}

async function upsertBatch(db: Kysely<Database>, c: UpsertObservationsContext, batch: readonly ObservationInput[]) {
  const n = batch.length
  const measureIds = new Array<number>(n)
  const siteIds = new Array<number>(n)
  const dimensions = new Array<string>(n)
  const groups = new Array<string>(n)
  const periods = new Array<string>(n)
  const numerators = new Array<number | null>(n)
  const denominators = new Array<number | null>(n)
  const values = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const row = batch[i] as ObservationInput
    measureIds[i] = lookup(c.measureIds, row.measure, 'measure')
    siteIds[i] = row.site === null ? c.rootSiteId : lookup(c.siteIds, row.site, 'site')
    dimensions[i] = row.dimension ?? ''
    groups[i] = row.group ?? ''
    periods[i] = row.period
    numerators[i] = row.numerator
    denominators[i] = row.denominator
    values[i] = row.value
  }
  const result = await sql<{ inserted: number; updated: number }>`
    WITH input AS (
      SELECT * FROM unnest(${measureIds}::int[], ${siteIds}::int[], ${dimensions}::text[], ${groups}::text[],
                           ${periods}::date[], ${numerators}::float8[], ${denominators}::float8[], ${values}::float8[])
        AS t(measure_id, site_id, dimension, group_name, period_start, numerator, denominator, value)
    ), up AS (
      INSERT INTO observations AS o (organisation_id, measure_id, site_id, dimension, group_name, period_start,
                                     numerator, denominator, value, source, imported_at, import_id)
      SELECT ${c.organisationId}, measure_id, site_id, dimension, group_name, period_start,
             numerator, denominator, value, ${c.source}, ${c.importedAt}, ${c.importId}
      FROM input
      ON CONFLICT (organisation_id, measure_id, site_id, dimension, group_name, period_start) DO UPDATE
        SET numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value,
            source = excluded.source, imported_at = excluded.imported_at, import_id = excluded.import_id
        WHERE (o.numerator, o.denominator, o.value) IS DISTINCT FROM (excluded.numerator, excluded.denominator, excluded.value)
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`.execute(db)
  const counts = result.rows[0]
  return { inserted: Number(counts?.inserted ?? 0), updated: Number(counts?.updated ?? 0) }
}

/** One series (measure × site × group), oldest period first. */
export async function readSeries(db: Kysely<Database>, organisationId: number, key: SeriesKey): Promise<SeriesRow[]> {
  return db
    .selectFrom('observations')
    .select(['period_start as period', 'numerator', 'denominator', 'value'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', key.measureId)
    .where('site_id', '=', key.siteId)
    .where('dimension', '=', key.dimension)
    .where('group_name', '=', key.group)
    .orderBy('period_start')
    .execute()
}

export interface GroupCount {
  readonly siteId: number
  readonly dimension: string
  readonly group: string
  readonly points: number
}

/** Which sites and groups a measure has data for, with the number of periods in each. */
export async function listSeries(db: Kysely<Database>, organisationId: number, measureId: number): Promise<GroupCount[]> {
  const rows = await db
    .selectFrom('observations')
    .select(['site_id', 'dimension', 'group_name', (eb) => eb.fn.countAll<number>().as('points')])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .groupBy(['site_id', 'dimension', 'group_name'])
    .orderBy('site_id')
    .orderBy('dimension')
    .orderBy('group_name')
    .execute()
  return rows.map((r) => ({ siteId: r.site_id, dimension: r.dimension, group: r.group_name, points: Number(r.points) }))
}

/** Whether the measure has any value (any community group) for `period` at the site. */
export async function hasPeriod(db: Kysely<Database>, organisationId: number, measureId: number, siteId: number, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('observations')
    .select('period_start')
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('site_id', '=', siteId)
    .where('period_start', '=', period)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export interface WindowTotals {
  readonly siteId: number
  readonly dimension: string
  readonly group: string
  readonly numerator: number
  readonly denominator: number
  /** Periods in the window with a value. */
  readonly periods: number
}

/**
 * Numerators and denominators summed over the periods `from`–`to` (inclusive) for every series of
 * the measure with counts; `dimension` '' for the all-people rows, or a dimension for its groups.
 */
export async function sumWindow(db: Kysely<Database>, organisationId: number, measureId: number, window: { readonly from: string; readonly to: string; readonly dimension: string; readonly siteId?: number }): Promise<WindowTotals[]> {
  let query = db
    .selectFrom('observations')
    .select((eb) => [
      'site_id',
      'dimension',
      'group_name',
      eb.fn.sum<number>('numerator').as('numerator'),
      eb.fn.sum<number>('denominator').as('denominator'),
      eb.fn.countAll<number>().as('periods'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('dimension', '=', window.dimension)
    .where('period_start', '>=', window.from)
    .where('period_start', '<=', window.to)
    .where('numerator', 'is not', null)
    .where('denominator', 'is not', null)
  if (window.siteId !== undefined) query = query.where('site_id', '=', window.siteId)
  const rows = await query.groupBy(['site_id', 'dimension', 'group_name']).orderBy('site_id').orderBy('group_name').execute()
  return rows.map((r) => ({ siteId: r.site_id, dimension: r.dimension, group: r.group_name, numerator: Number(r.numerator), denominator: Number(r.denominator), periods: Number(r.periods) }))
}

/** The measure's periods with data (any site or group), oldest first. */
export async function listPeriods(db: Kysely<Database>, organisationId: number, measureId: number): Promise<string[]> {
  const rows = await db.selectFrom('observations').select('period_start').distinct().where('organisation_id', '=', organisationId).where('measure_id', '=', measureId).orderBy('period_start').execute()
  return rows.map((r) => r.period_start)
}

/** Counts per period and group of one site's dimension, for gap series. */
export async function readGroupCounts(db: Kysely<Database>, organisationId: number, measureId: number, siteId: number, dimension: string): Promise<{ period: string; group: string; numerator: number; denominator: number }[]> {
  const rows = await db
    .selectFrom('observations')
    .select(['period_start', 'group_name', 'numerator', 'denominator'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('site_id', '=', siteId)
    .where('dimension', '=', dimension)
    .where('numerator', 'is not', null)
    .where('denominator', 'is not', null)
    .orderBy('period_start')
    .orderBy('group_name')
    .execute()
  return rows.map((r) => ({ period: r.period_start, group: r.group_name, numerator: Number(r.numerator), denominator: Number(r.denominator) }))
}

/** The group labels the programme's observations use for each of `dimensions`, sorted. */
export async function listGroupLabels(db: Kysely<Database>, organisationId: number, programmeId: number, dimensions: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(dimensions.map((d) => [d, []]))
  if (dimensions.length === 0) return out
  const rows = await db
    .selectFrom('observations as o')
    .innerJoin('measures as m', (j) => j.onRef('m.organisation_id', '=', 'o.organisation_id').onRef('m.id', '=', 'o.measure_id'))
    .select(['o.dimension', 'o.group_name'])
    .distinct()
    .where('o.organisation_id', '=', organisationId)
    .where('m.programme_id', '=', programmeId)
    .where('o.dimension', 'in', [...dimensions])
    .orderBy('o.dimension')
    .orderBy('o.group_name')
    .execute()
  for (const row of rows) out.get(row.dimension)?.push(row.group_name)
  return out
}

export interface MeasureSeriesRow extends SeriesRow {
  readonly siteId: number
  /** '' for all people. */
  readonly dimension: string
  readonly group: string
}

/** Every series of a measure for the given dimensions ('' = all people) in one read, by site, dimension, group, then period. */
export async function readMeasureSeries(db: Kysely<Database>, organisationId: number, measureId: number, dimensions: readonly string[]): Promise<MeasureSeriesRow[]> {
  if (dimensions.length === 0) return []
  const rows = await db
    .selectFrom('observations')
    .select(['site_id', 'dimension', 'group_name', 'period_start', 'numerator', 'denominator', 'value'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('dimension', 'in', [...dimensions])
    .orderBy('site_id')
    .orderBy('dimension')
    .orderBy('group_name')
    .orderBy('period_start')
    .execute()
  return rows.map((r) => ({ siteId: r.site_id, dimension: r.dimension, group: r.group_name, period: r.period_start, numerator: r.numerator, denominator: r.denominator, value: r.value }))
}
