/**
 * Site comparison: a funnel plot of the sites' numerators and denominators summed over a window of
 * periods (by default the latest 13), from their all-people rows. @see docs/methods/funnel-plots.md
 */
import { funnelPlot, type FunnelResult } from '../../core/compare/index.ts'
import { AppError } from '../../core/errors.ts'
import { parseIsoDate } from '../../core/period.ts'
import { listPeriods, sumWindow } from '../../storage/observations.ts'
import { listSites as listSiteRows } from '../../storage/sites.ts'
import { getMeasure, getProgrammeScope, type MeasureRow, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

/** Periods in the default window: a quarter of weeks, or 13 of whatever the measure's period is. */
export const DEFAULT_WINDOW = 13

export interface ComparisonQuery {
  readonly organisation: string
  readonly programme: string
  readonly measure: string
  /** ISO dates bounding the window (inclusive); the latest 13 periods when absent. */
  readonly from?: string | undefined
  readonly to?: string | undefined
}

export interface PeriodWindow {
  readonly from: string
  readonly to: string
  /** Periods of the measure in the window. */
  readonly periods: number
  /** The measure's first and last periods, for choosing another window. */
  readonly first: string
  readonly last: string
}

export interface SiteComparison {
  readonly scope: ProgrammeScope
  readonly measure: MeasureRow
  readonly window: PeriodWindow
  /** null when the measure cannot be compared this way (no counts, or fewer than two sites). */
  readonly funnel: FunnelResult | null
  /** Why there is no funnel, in plain English. */
  readonly unavailable: string | null
  /** Sites in the funnel, by code, with the periods each has data for in the window. */
  readonly sites: ReadonlyMap<string, { readonly site: SiteRow; readonly periods: number }>
  /** Values are multiplied by this for display (rates per 1,000 …); 1 for proportions. */
  readonly multiplier: number
}

export async function compareSites(deps: AppDeps, query: ComparisonQuery): Promise<SiteComparison> {
  const scope = await getProgrammeScope(deps, query.organisation, query.programme)
  const measure = await getMeasure(deps, scope, query.measure)
  const db = deps.store.db
  const window = await chooseWindow(await listPeriods(db, scope.organisation.id, measure.id), query)
  const multiplier = measure.kind === 'rate' ? (measure.rateMultiplier ?? 1) : 1
  const base = { scope, measure, window, multiplier }
  if (measure.kind !== 'proportion' && measure.kind !== 'rate') {
    return { ...base, funnel: null, unavailable: `A funnel plot compares sites on a proportion or a rate; ${measure.name} is ${measure.kind === 'count' ? 'a count' : 'an average'}, which depends on each site's size in a way the data does not record.`, sites: new Map() }
  }
  const sites = new Map((await listSiteRows(db, scope.organisation.id)).map((s) => [s.id, s]))
  const totals = (await sumWindow(db, scope.organisation.id, measure.id, { from: window.from, to: window.to, dimension: '' })).filter((t) => {
    const kind = sites.get(t.siteId)?.kind
    return kind !== undefined && kind !== 'system' && kind !== 'network' && t.denominator > 0
  })
  const included = new Map(totals.map((t) => [(sites.get(t.siteId) as SiteRow).code, { site: sites.get(t.siteId) as SiteRow, periods: t.periods }]))
  if (totals.length < 2) return { ...base, funnel: null, unavailable: `A funnel plot needs at least two sites with numerators and denominators between ${window.from} and ${window.to}; there ${totals.length === 1 ? 'is one' : `are ${totals.length}`}.`, sites: included }
  const units = totals.map((t) => ({ unit: (sites.get(t.siteId) as SiteRow).code, numerator: t.numerator, denominator: t.denominator }))
  if (measure.kind !== 'proportion' && units.every((u) => u.numerator === 0)) return { ...base, funnel: null, unavailable: `No site had any events between ${window.from} and ${window.to}, so there is no rate to compare.`, sites: included }
  // The SHMI method takes ln(O/E), impossible for a site with no events in the window: the CQC method then (docs/methods/funnel-plots.md).
  const method = measure.kind !== 'proportion' && units.some((u) => u.numerator === 0) ? { method: 'cqc' as const } : {}
  const funnel = funnelPlot(units, { type: measure.kind === 'proportion' ? 'proportion' : 'rate', direction: measure.direction, ...method })
  return { ...base, funnel, unavailable: null, sites: included }
}

/** The window of periods asked for, or the latest 13; refuses dates that are not dates or a window with no periods. */
export function chooseWindow(periods: readonly string[], query: Pick<ComparisonQuery, 'from' | 'to'>): PeriodWindow {
  for (const [name, value] of [['from', query.from], ['to', query.to]] as const) {
    if (value !== undefined && value !== '' && parseIsoDate(value) === undefined) throw new AppError('invalid_request', `"${value}" is not a date for ${name} (expected YYYY-MM-DD).`)
  }
  const first = periods[0]
  const last = periods.at(-1)
  if (first === undefined || last === undefined) throw new AppError('not_found', 'This measure has no data yet.')
  const to = query.to || last
  const before = periods.filter((p) => p <= to)
  const from = query.from || (before.at(-DEFAULT_WINDOW) ?? first)
  if (from > to) throw new AppError('invalid_request', `The window starts (${from}) after it ends (${to}).`)
  const inWindow = periods.filter((p) => p >= from && p <= to).length
  if (inWindow === 0) throw new AppError('invalid_request', `There is no data between ${from} and ${to} (the data runs from ${first} to ${last}).`)
  return { from, to, periods: inWindow, first, last }
}
