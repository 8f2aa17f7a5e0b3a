/** Facts read off a control chart result that both the pictures and the sentences need. */
import type { PeriodUnit } from '../core/model.ts'
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import type { Rule, SpcPoint } from '../core/spc/types.ts'
import type { ValueFormat } from './format-value.ts'
import { variationKind, type VariationKind } from './palette.ts'

export type SpecialKind = Exclude<VariationKind, 'common_cause'>

export interface SpecialCounts {
  readonly improvement: number
  readonly concern: number
  readonly neutral: number
  readonly total: number
}

export function specialCounts(points: readonly SpcPoint[]): SpecialCounts {
  const counts = { improvement: 0, concern: 0, neutral: 0 }
  for (const point of points) {
    const kind = variationKind(point.type)
    if (kind !== 'common_cause') counts[kind]++
  }
  return { ...counts, total: counts.improvement + counts.concern + counts.neutral }
}

/** Limits as drawn and read out: a percentage cannot leave 0–100%, so its limits are clamped. */
export function displayLimits(point: Pick<SpcPoint, 'lower' | 'upper'>, format: ValueFormat): { lower: number; upper: number } {
  if (format !== 'percent') return { lower: point.lower, upper: point.upper }
  return { lower: Math.max(0, point.lower), upper: Math.min(1, point.upper) }
}

/**
 * True when the limits of `segment` (default the latest) differ from point to point, as on P and U
 * charts, where they follow each period's denominator.
 */
export function limitsVary(result: ControlChartResult, segment = result.points.at(-1)?.segment): boolean {
  const points = result.points.filter((p) => p.segment === segment)
  const first = points[0]
  return first !== undefined && points.some((p) => p.upper !== first.upper || p.lower !== first.lower)
}

/**
 * True when the Anhøj runs analysis is a chart-level signal: on the `qic` profile, and on G and T
 * charts (which test only the outside-limits rule point by point).
 */
export function runsAreChartSignal(result: ControlChartResult): boolean {
  if (result.chart === 'g' || result.chart === 't') return true
  return 'profile' in result && result.profile === 'qic'
}

/** The special-cause pattern that the latest point belongs to. */
export interface LatestSignal {
  /** The pattern described: a shift or trend when the trailing special-cause run holds one, else the latest point's rule. */
  readonly rule: Rule
  readonly kind: SpecialKind
  /** Above the centre line (for a trend: rising). */
  readonly high: boolean
  /** Trailing points of the latest segment in the pattern (same side for a shift, monotone for a trend). */
  readonly count: number
  /** The latest point is also outside the limits (when the pattern is a shift or trend). */
  readonly alsoOutside: boolean
}

export function latestSignal(result: ControlChartResult): LatestSignal | undefined {
  const last = result.points.at(-1)
  if (!last || last.rule === null || last.type === 'common_cause') return undefined
  const kind = variationKind(last.type) as SpecialKind
  const segment = result.points.filter((p) => p.segment === last.segment)
  const run = trailingRun(segment, kind)
  const rule: Rule = run.some((p) => p.rule === 'shift') ? 'shift' : run.some((p) => p.rule === 'trend') ? 'trend' : last.rule
  const high = rule === 'trend' ? isRising(segment) : last.value > last.centre
  return { rule, kind, high, count: trailingCount(run, rule), alsoOutside: rule !== last.rule && last.rule === 'outside_limits' }
}

/** The special-cause points of one kind at the end of `points`. */
function trailingRun(points: readonly SpcPoint[], kind: SpecialKind): SpcPoint[] {
  let start = points.length
  while (start > 0) {
    const p = points[start - 1]
    if (!p || p.rule === null || variationKind(p.type) !== kind) break
    start--
  }
  return points.slice(start)
}

function isRising(points: readonly SpcPoint[]): boolean {
  const [a, b] = points.slice(-2)
  return a !== undefined && b !== undefined && b.value > a.value
}

/** Points at the end of the special-cause run that fit the pattern: all on one side, or each rising (falling). */
function trailingCount(points: readonly SpcPoint[], rule: Rule): number {
  const last = points.at(-1)
  if (!last || rule === 'outside_limits' || rule === 'two_of_three') return 1
  const rising = isRising(points)
  let count = 1
  for (let i = points.length - 2; i >= 0; i--) {
    const [p, q] = [points[i], points[i + 1]]
    if (!p || !q) break
    const same = rule === 'shift' ? p.value !== p.centre && p.value > p.centre === last.value > last.centre : p.value !== q.value && q.value > p.value === rising
    if (!same) break
    count++
  }
  return count
}

/** "weekly", "monthly"…; empty when the spacing is irregular. */
export function periodAdjective(unit: PeriodUnit | undefined): string {
  return unit === undefined ? '' : { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly' }[unit]
}
