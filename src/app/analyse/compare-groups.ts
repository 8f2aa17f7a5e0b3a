/**
 * Community-group comparison at one site: each group's rate with its interval over a window, its
 * difference and ratio to a reference group, and the gap between two groups as a series over time
 * on its own XmR chart ("is the gap narrowing for real?"). @see docs/methods/group-differences.md
 */
import { gapSeries, groupDifferences, type GapSeries, type GroupDifferences } from '../../core/compare/index.ts'
import { AppError } from '../../core/errors.ts'
import type { Direction } from '../../core/model.ts'
import { xmrChart, type SpcResult } from '../../core/spc/index.ts'
import { listPeriods, readGroupCounts, sumWindow } from '../../storage/observations.ts'
import { listMeasureSeries } from '../../storage/series-analysis.ts'
import { getMeasure, getProgrammeScope, getSite, type MeasureRow, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { chooseWindow, type ComparisonQuery, type PeriodWindow } from './compare-sites.ts'

export interface GroupComparisonQuery extends ComparisonQuery {
  readonly site?: string | undefined
  /** e.g. `imd_quintile`; the deprivation quintile when the measure has it, else the first dimension. */
  readonly dimension?: string | undefined
  /** Group compared against: the least deprived quintile, or else the largest group. */
  readonly reference?: string | undefined
  /** Group whose gap to the reference is followed over time: the most deprived quintile, or else the group furthest from the reference. */
  readonly comparison?: string | undefined
}

export interface GroupGap {
  readonly comparison: string
  /** Per period: comparison − reference, in the measure's units (fractions for proportions). */
  readonly series: GapSeries
  /** XmR chart of the gap in percentage points (proportions) or the rate's units; improvement is towards zero. */
  readonly spc: SpcResult
}

export interface GroupComparison {
  readonly scope: ProgrammeScope
  readonly measure: MeasureRow
  readonly site: SiteRow
  readonly window: PeriodWindow
  /** Dimensions the measure has groups for at this site. */
  readonly dimensions: readonly string[]
  readonly dimension: string | null
  readonly differences: GroupDifferences | null
  readonly gap: GroupGap | null
  readonly unavailable: string | null
  readonly multiplier: number
}

export async function compareGroups(deps: AppDeps, query: GroupComparisonQuery): Promise<GroupComparison> {
  const scope = await getProgrammeScope(deps, query.organisation, query.programme)
  const [measure, site] = await Promise.all([getMeasure(deps, scope, query.measure), getSite(deps, scope, query.site)])
  const db = deps.store.db
  const org = scope.organisation.id
  const window = chooseWindow(await listPeriods(db, org, measure.id), query)
  const dimensions = [...new Set((await listMeasureSeries(db, org, measure.id)).filter((s) => s.siteId === site.id && s.dimension !== '').map((s) => s.dimension))].sort()
  const multiplier = measure.kind === 'rate' ? (measure.rateMultiplier ?? 1) : 1
  const dimension = query.dimension || (dimensions.includes('imd_quintile') ? 'imd_quintile' : (dimensions[0] ?? null))
  const base = { scope, measure, site, window, dimensions, dimension, multiplier }
  const none = (unavailable: string) => ({ ...base, differences: null, gap: null, unavailable })
  if (measure.kind !== 'proportion' && measure.kind !== 'rate') return none(`Groups are compared on a proportion or a rate; ${measure.name} is ${measure.kind === 'count' ? 'a count' : 'an average'}.`)
  if (dimension === null) return none(`There is no community-group breakdown of ${measure.name} at ${site.name}.`)
  if (!dimensions.includes(dimension)) throw new AppError('not_found', `${measure.name} has no groups by "${dimension}" at ${site.name} (it has: ${dimensions.join(', ') || 'none'}).`)

  const totals = await sumWindow(db, org, measure.id, { from: window.from, to: window.to, dimension, siteId: site.id })
  const groups = orderGroups(dimension, totals.filter((t) => t.denominator > 0))
  if (groups.length < 2) return none(`Fewer than two groups have numerators and denominators between ${window.from} and ${window.to}.`)
  if (query.reference && !groups.some((g) => g.group === query.reference)) throw new AppError('not_found', `There is no group "${query.reference}" by ${dimension} (groups: ${groups.map((g) => g.group).join(', ')}).`)
  const kind = measure.kind
  const differences = groupDifferences(groups, { measure: kind, ...(query.reference ? { reference: query.reference } : {}) })
  const comparison = chooseComparison(dimension, differences, query.comparison)
  const gap = comparison === undefined ? null : gapOf(await readGroupCounts(db, org, measure.id, site.id, dimension), { kind, reference: differences.reference, comparison, measure, multiplier })
  return { ...base, differences, gap, unavailable: null }
}

/** Quintiles least deprived first (so 5 is the default reference), other groups largest first. */
function orderGroups<T extends { readonly group: string; readonly denominator: number }>(dimension: string, groups: readonly T[]): T[] {
  if (dimension === 'imd_quintile') return [...groups].sort((a, b) => b.group.localeCompare(a.group))
  return [...groups].sort((a, b) => b.denominator - a.denominator || a.group.localeCompare(b.group))
}

function chooseComparison(dimension: string, differences: GroupDifferences, asked: string | undefined): string | undefined {
  if (asked) {
    if (!differences.groups.some((g) => g.group === asked)) throw new AppError('not_found', `There is no group "${asked}" to follow (groups: ${differences.groups.map((g) => g.group).join(', ')}).`)
    if (asked === differences.reference) throw new AppError('invalid_request', `Choose a group other than the reference (${asked}) to follow its gap.`)
    return asked
  }
  if (dimension === 'imd_quintile' && differences.reference !== '1' && differences.groups.some((g) => g.group === '1')) return '1'
  const candidates = differences.groups.filter((g) => !g.isReference && !g.notStated && !g.small && g.difference !== undefined)
  return candidates.sort((a, b) => Math.abs(b.difference?.estimate ?? 0) - Math.abs(a.difference?.estimate ?? 0))[0]?.group
}

function gapOf(rows: Parameters<typeof gapSeries>[0], options: { kind: 'proportion' | 'rate'; reference: string; comparison: string; measure: MeasureRow; multiplier: number }): GroupGap {
  const series = gapSeries(rows, { measure: options.kind, reference: options.reference, comparison: options.comparison })
  const scale = options.kind === 'proportion' ? 100 : options.multiplier
  const points = series.points.map((p) => ({ period: p.period, value: p.value * scale }))
  const early = points.slice(0, 12)
  const meanEarly = early.reduce((sum, p) => sum + p.value, 0) / Math.max(1, early.length)
  // Improvement is the gap closing: rising when it starts below zero, falling when above.
  const direction: Direction = meanEarly < 0 ? 'increase' : 'decrease'
  const spc = xmrChart(points, { direction, interval: options.measure.period })
  return { comparison: options.comparison, series, spc }
}
