/**
 * The synthetic health system of the scale bench, on PostgreSQL: an integrated care system with
 * `sites` practices, `measures` monthly proportion measures in programmes of 25, and every series
 * broken down ten ways at each practice (all people, deprivation quintiles 1–5, four ethnic groups),
 * plus the whole organisation (all people and the quintiles, the sums of its practices). The
 * history is generated inside PostgreSQL from a fixed seed (`setseed`); the monthly files the bench
 * imports are generated here with the seeded sfc32 generator of src/demo/random.ts.
 */
import { sql } from 'kysely'
import { addPeriods } from '../src/core/period.ts'
import { createRandom } from '../src/demo/random.ts'
import type { Store } from '../src/storage/database.ts'
import { migrateToLatest } from '../src/storage/migrate.ts'
import { listMeasures, upsertMeasures } from '../src/storage/measures.ts'
import { ensureOrganisation } from '../src/storage/organisations.ts'
import { upsertProgramme } from '../src/storage/programmes.ts'
import { listSites, upsertSites } from '../src/storage/sites.ts'

export interface ScaleShape {
  readonly measures: number
  readonly sites: number
  /** Months of history, the last of which arrives by import. */
  readonly months: number
}

export const MEASURES_PER_PROGRAMME = 25
export const FIRST_MONTH = '2021-01-01'
export const ORGANISATION = 'ics'

/** The ten series of each measure at each practice: [dimension, group]. */
export const SITE_GROUPS: readonly (readonly [string, string])[] = [
  ['', ''],
  ...['1', '2', '3', '4', '5'].map((g) => ['imd_quintile', g] as const),
  ...['asian', 'black', 'mixed', 'white'].map((g) => ['ethnicity', g] as const),
]
/** The series of each measure for the whole organisation (all people and the quintiles). */
export const ROOT_GROUPS = SITE_GROUPS.slice(0, 6)

export const programmeCode = (p: number) => `p${String(p + 1).padStart(2, '0')}`
export const measureCode = (m: number) => `m${String(m + 1).padStart(3, '0')}`
export const siteCode = (s: number) => `gp${String(s + 1).padStart(3, '0')}`

export interface ScaleSystem {
  readonly orgId: number
  readonly rootSiteId: number
  readonly measureIds: ReadonlyMap<string, number>
  readonly siteIds: ReadonlyMap<string, number>
  /** Programme code → its measure codes. */
  readonly programmes: ReadonlyMap<string, readonly string[]>
}

/** Observations of the whole system for `months` months (every site series and the organisation's). */
export function observationCount(shape: ScaleShape, months = shape.months): number {
  return shape.measures * (shape.sites * SITE_GROUPS.length + ROOT_GROUPS.length) * months
}

export function seriesCount(shape: ScaleShape): number {
  return observationCount(shape, 1)
}

/** Create the organisation, its practices, programmes and measures. */
export async function createSystem(store: Store, shape: ScaleShape): Promise<ScaleSystem> {
  await migrateToLatest(store.db)
  const org = await ensureOrganisation(store.db, { code: ORGANISATION, name: 'Synthetic Integrated Care System' })
  await upsertSites(store.db, org.id, Array.from({ length: shape.sites }, (_, s) => ({ code: siteCode(s), name: `Practice ${s + 1}`, kind: 'practice' as const, parent: ORGANISATION })))
  const programmes = new Map<string, string[]>()
  const measureIds = new Map<string, number>()
  for (let p = 0; p * MEASURES_PER_PROGRAMME < shape.measures; p++) {
    const programme = await upsertProgramme(store.db, org.id, { code: programmeCode(p), name: `Programme ${p + 1}`, aim: 'Better care, measured monthly' })
    const codes = Array.from({ length: Math.min(MEASURES_PER_PROGRAMME, shape.measures - p * MEASURES_PER_PROGRAMME) }, (_, i) => measureCode(p * MEASURES_PER_PROGRAMME + i))
    await upsertMeasures(
      store.db,
      org.id,
      programme.id,
      codes.map((code, i) => ({
        code, name: `Measure ${code}`, description: '', type: 'process' as const, kind: 'proportion' as const, rateMultiplier: null,
        direction: i % 2 === 0 ? ('increase' as const) : ('decrease' as const), target: i % 3 === 0 ? null : 0.6, period: 'month' as const,
        defaultChart: 'xmr' as const, numeratorDefinition: null, denominatorDefinition: null, unit: null,
      })),
    )
    programmes.set(programme.code, codes)
    for (const m of await listMeasures(store.db, org.id, programme.id)) measureIds.set(m.code, m.id)
  }
  const sites = await listSites(store.db, org.id)
  const root = sites.find((s) => s.code === ORGANISATION)
  if (!root) throw new Error('the organisation has no root site')
  return { orgId: org.id, rootSiteId: root.id, measureIds, siteIds: new Map(sites.filter((s) => s.id !== root.id).map((s) => [s.code, s.id])), programmes }
}

/**
 * The first `months` months of history, generated in PostgreSQL: each measure has its own level,
 * each practice its own offset, one measure in three steps up from month 40, and each month's
 * numerator varies around the level (seeded, so every run writes the same rows).
 */
export async function loadHistory(store: Store, system: ScaleSystem, months: number): Promise<number> {
  const groups = SITE_GROUPS.map(([d, g]) => `('${d}', '${g}')`).join(', ')
  return store.db.transaction().execute(async (trx) => {
    await sql`SELECT setseed(0.42)`.execute(trx)
    const sites = await sql.raw(`
      INSERT INTO observations (organisation_id, measure_id, site_id, dimension, group_name, period_start, numerator, denominator, value, source, imported_at)
      SELECT x.organisation_id, x.measure_id, x.site_id, x.dimension, x.group_name, x.period_start, x.n, x.d, x.n / x.d, 'bench history', now()
      FROM (
        SELECT m.organisation_id, m.id AS measure_id, s.id AS site_id, g.dimension, g.group_name,
               (date '${FIRST_MONTH}' + make_interval(months => t))::date AS period_start, d.d,
               least(d.d, greatest(0, round(d.d * (0.45 + (m.id % 9) * 0.03 + (s.id % 5) * 0.01
                 + CASE WHEN m.id % 3 = 0 AND t >= 40 THEN 0.06 ELSE 0 END + (random() - 0.5) * 0.08)))) AS n
        FROM measures m
        JOIN sites s ON s.organisation_id = m.organisation_id AND s.kind <> 'system'
        CROSS JOIN (VALUES ${groups}) AS g(dimension, group_name)
        CROSS JOIN generate_series(0, ${months - 1}) AS t
        CROSS JOIN LATERAL (SELECT (CASE WHEN g.dimension = '' THEN 400 ELSE 60 END + floor(random() * 40))::float8 AS d) AS d
        WHERE m.organisation_id = ${system.orgId}
      ) AS x`).execute(trx)
    const root = await sql.raw(`
      INSERT INTO observations (organisation_id, measure_id, site_id, dimension, group_name, period_start, numerator, denominator, value, source, imported_at)
      SELECT organisation_id, measure_id, ${system.rootSiteId}, dimension, group_name, period_start, sum(numerator), sum(denominator), sum(numerator) / sum(denominator), 'bench history', now()
      FROM observations WHERE organisation_id = ${system.orgId} AND dimension IN ('', 'imd_quintile')
      GROUP BY organisation_id, measure_id, dimension, group_name, period_start`).execute(trx)
    return Number(sites.numAffectedRows ?? 0) + Number(root.numAffectedRows ?? 0)
  })
}

export interface MonthRow {
  readonly measure: string
  /** Practice code; null for the whole organisation. */
  readonly site: string | null
  readonly dimension: string
  readonly group: string
  readonly numerator: number
  readonly denominator: number
}

/**
 * One later month of new data for these measures (every practice series and the organisation's
 * totals), drawn around the same levels as the history (after the step of one measure in three).
 */
export function monthRows(shape: ScaleShape, system: ScaleSystem, measures: readonly string[], seed: number): MonthRow[] {
  const random = createRandom(seed)
  const rows: MonthRow[] = []
  for (const measure of measures) {
    const totals = new Map<string, [number, number]>()
    const m = system.measureIds.get(measure) ?? 0
    for (let s = 0; s < shape.sites; s++) {
      const site = system.siteIds.get(siteCode(s)) ?? 0
      const level = 0.45 + (m % 9) * 0.03 + (site % 5) * 0.01 + (m % 3 === 0 ? 0.06 : 0)
      for (const [dimension, group] of SITE_GROUPS) {
        const denominator = (dimension === '' ? 400 : 60) + Math.floor(random.next() * 40)
        const numerator = Math.min(denominator, Math.max(0, Math.round(denominator * (level + (random.next() - 0.5) * 0.08))))
        rows.push({ measure, site: siteCode(s), dimension, group, numerator, denominator })
        if (dimension === '' || dimension === 'imd_quintile') {
          const t = totals.get(`${dimension}|${group}`) ?? [0, 0]
          totals.set(`${dimension}|${group}`, [t[0] + numerator, t[1] + denominator])
        }
      }
    }
    for (const [dimension, group] of ROOT_GROUPS) {
      const [numerator, denominator] = totals.get(`${dimension}|${group}`) ?? [0, 0]
      rows.push({ measure, site: null, dimension, group, numerator, denominator })
    }
  }
  return rows
}

/** The month as an observations CSV file (what an analyst would import). */
export function monthCsv(rows: readonly MonthRow[], period: string): Uint8Array {
  const lines = ['measure,period,site,dimension,group,numerator,denominator,value']
  for (const r of rows) lines.push(`${r.measure},${period},${r.site ?? ''},${r.dimension},${r.group},${r.numerator},${r.denominator},`)
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

/** The same rows as COPY text with ids resolved: what the database takes with no parsing or validation. */
export function monthCopyText(system: ScaleSystem, rows: readonly MonthRow[], period: string): string {
  const parts: string[] = []
  for (const r of rows) {
    const site = r.site === null ? system.rootSiteId : system.siteIds.get(r.site)
    parts.push(`${system.orgId}\t${system.measureIds.get(r.measure)}\t${site}\t${r.dimension}\t${r.group}\t${period}\t${r.numerator}\t${r.denominator}\t${r.numerator / r.denominator}\tbench copy\t2026-01-01T00:00:00Z\t\\N\n`)
  }
  return parts.join('')
}

export const monthPeriod = (month: number) => addPeriods(FIRST_MONTH, 'month', month)
