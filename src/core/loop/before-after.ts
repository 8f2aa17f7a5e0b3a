/** How many points, and what average, before and after the change. @see docs/methods/verdicts.md */
import type { SpcPoint } from '../spc/types.ts'
import type { PointCounts } from './frozen-chart.ts'

export interface BeforeAfter {
  readonly pointsBefore: number
  readonly pointsAfter: number
  readonly excludedBefore: number
  readonly excludedAfter: number
  readonly averageBefore: number | null
  readonly averageAfter: number | null
}

/**
 * Counts and averages of the charted points on each side of `changeDate`, leaving excluded points
 * out of the averages. The average is the chart's kind of centre line: Σnumerators ÷ Σdenominators
 * (× the multiplier) when there are counts, else the mean of the values; null with no points.
 */
export function beforeAfter(points: readonly SpcPoint[], counts: readonly PointCounts[] | null, multiplier: number, changeDate: string): BeforeAfter {
  const side = (after: boolean) => points.flatMap((p, i) => ((p.period >= changeDate) === after ? [i] : []))
  const before = side(false)
  const after = side(true)
  const used = (indices: readonly number[]) => indices.filter((i) => (points[i] as SpcPoint).excluded === null)
  const average = (indices: readonly number[]): number | null => {
    if (indices.length === 0) return null
    if (counts === null) return indices.reduce((sum, i) => sum + (points[i] as SpcPoint).value, 0) / indices.length
    const totals = indices.reduce((t, i) => ({ n: t.n + (counts[i] as PointCounts).numerator, d: t.d + (counts[i] as PointCounts).denominator }), { n: 0, d: 0 })
    return (totals.n / totals.d) * multiplier
  }
  return {
    pointsBefore: used(before).length,
    pointsAfter: used(after).length,
    excludedBefore: before.length - used(before).length,
    excludedAfter: after.length - used(after).length,
    averageBefore: average(used(before)),
    averageAfter: average(used(after)),
  }
}
