import type { Issue } from '../issues.ts'
import type { Counts } from './interval-contrasts.ts'
import { groupDifference, type GroupMeasure } from './group-differences.ts'
import { checkLevel } from './interval-types.ts'

/** One group's counts in one period. */
export interface GroupPeriodCounts extends Counts {
  /** ISO date of the period's first day. */
  readonly period: string
  readonly group: string
}

export interface GapSeriesOptions {
  readonly measure: GroupMeasure
  /** The group compared against, e.g. the least deprived quintile. */
  readonly reference: string
  /** The group whose gap to the reference is followed, e.g. the most deprived quintile. */
  readonly comparison: string
  /** Confidence level of each period's interval; default 0.95. */
  readonly level?: number
}

/** The gap in one period; `value` is the difference, so the series can be given to an SPC chart. */
export interface GapPoint {
  readonly period: string
  /** Comparison minus reference. */
  readonly value: number
  readonly lower: number
  readonly upper: number
  readonly comparisonValue: number
  readonly referenceValue: number
}

export interface GapSeries {
  readonly points: readonly GapPoint[]
  /** One warning for each period where either group has no counts (that period is left out). */
  readonly issues: readonly Issue[]
}

/**
 * The gap between two groups, period by period: comparison − reference with its interval
 * (Newcombe for proportions, Wald for rates), in period order.
 * @see docs/methods/group-differences.md
 */
export function gapSeries(rows: readonly GroupPeriodCounts[], options: GapSeriesOptions): GapSeries {
  const { measure, reference, comparison, level = 0.95 } = options
  checkLevel(level)
  const byPeriod = new Map<string, Map<string, Counts>>()
  for (const row of rows) {
    const groups = byPeriod.get(row.period) ?? new Map<string, Counts>()
    if (groups.has(row.group)) throw new Error(`duplicate row: ${row.group} in ${row.period} (expected one row per group and period)`)
    groups.set(row.group, row)
    byPeriod.set(row.period, groups)
  }
  const points: GapPoint[] = []
  const issues: Issue[] = []
  for (const period of [...byPeriod.keys()].sort()) {
    const groups = byPeriod.get(period)
    const ref = groups?.get(reference)
    const cmp = groups?.get(comparison)
    if (ref === undefined || cmp === undefined) {
      const missing = ref === undefined ? reference : comparison
      issues.push({ severity: 'warning', code: 'missing_group_period', message: `No counts for group "${missing}" in ${period}; the gap is left out for that period.`, value: period })
      continue
    }
    const d = groupDifference(cmp, ref, measure, level)
    points.push({ period, value: d.estimate, lower: d.lower, upper: d.upper, comparisonValue: cmp.numerator / cmp.denominator, referenceValue: ref.numerator / ref.denominator })
  }
  return { points, issues }
}
