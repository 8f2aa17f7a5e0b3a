/** Interrupted time series on the review's points: the size of the step and the change in slope. @see docs/methods/verdicts.md */
import { interruptedTimeSeries } from '../impact/interrupted-time-series.ts'
import { poissonInterruptedTimeSeries, type PoissonInterruptedTimeSeries } from '../impact/poisson-interrupted-time-series.ts'
import { MIN_POINTS_EACH_SIDE } from '../impact/segmented-design.ts'
import type { PeriodUnit } from '../model.ts'
import type { SpcPoint } from '../spc/types.ts'
import type { ControlChartType } from './chart-choice.ts'
import type { PointCounts } from './frozen-chart.ts'
import type { ImpactEvidence } from './types.ts'
import { periodNoun } from './wording.ts'

/** Charts whose counts suit a Poisson model (events, with exposure for U and U′). */
const POISSON_CHARTS: readonly ControlChartType[] = ['c', 'u', 'up']

/**
 * Linear segmented regression (Newey–West, lag 1, 95%) on the charted values that are not excluded,
 * the change at the first of them on or after `changeDate`; for C, U and U′ charts with whole counts
 * and events on both sides, also the Poisson model with the denominators as exposure. Fewer than 3
 * points on a side: no estimate, and the reason.
 */
export function impactEvidence(points: readonly SpcPoint[], counts: readonly PointCounts[] | null, chart: ControlChartType, changeDate: string, unit: PeriodUnit): ImpactEvidence {
  const used = points.flatMap((point, i) => (point.excluded === null ? [i] : []))
  const values = used.map((i) => (points[i] as SpcPoint).value)
  const changeIndex = used.filter((i) => (points[i] as SpcPoint).period < changeDate).length
  const linear = interruptedTimeSeries(values, { changeIndex }).value
  if (linear === undefined) {
    const before = changeIndex
    const after = values.length - changeIndex
    const reason = `There is no estimate of the size of the change yet: it needs at least ${MIN_POINTS_EACH_SIDE} ${periodNoun(unit, 2)} before the change and ${MIN_POINTS_EACH_SIDE} after, and there ${before === 1 ? 'is' : 'are'} ${before} before and ${after} after.`
    return { levelChange: null, slopeChange: null, linear: null, poisson: null, reason }
  }
  const usedCounts = counts === null || !POISSON_CHARTS.includes(chart) ? null : used.map((i) => counts[i] as PointCounts)
  return {
    levelChange: linear.coefficients.levelChange,
    slopeChange: linear.coefficients.slopeChange,
    linear,
    poisson: usedCounts === null ? null : poissonEstimate(usedCounts, changeIndex),
    reason: null,
  }
}

/** The Poisson model, or null when a count is not whole or one side has no events (no finite estimate). */
function poissonEstimate(counts: readonly PointCounts[], changeIndex: number): PoissonInterruptedTimeSeries | null {
  const events = counts.map((c) => c.numerator)
  if (!events.every(Number.isInteger)) return null
  const sum = (list: readonly number[]) => list.reduce((total, n) => total + n, 0)
  if (sum(events.slice(0, changeIndex)) === 0 || sum(events.slice(changeIndex)) === 0) return null
  return poissonInterruptedTimeSeries(events, counts.map((c) => c.denominator), { changeIndex }).value ?? null
}
