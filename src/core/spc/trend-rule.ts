/** MDC trend rule. @see docs/methods/xmr.md */
import { maximalRuns, sideOf } from './maximal-runs.ts'

/** 1 for a point in an increasing trend, −1 in a decreasing one, 0 in none. */
export type TrendDirection = -1 | 0 | 1

/**
 * Mark every point of a run of `length` or more points, each strictly higher (or each strictly
 * lower) than the one before; an equal value breaks the run. A point that ends one trend and starts
 * the opposite one keeps the direction of the earlier trend.
 */
export function trendRule(values: readonly number[], length: number): TrendDirection[] {
  const marks: TrendDirection[] = values.map(() => 0)
  // steps[i] compares point i + 1 with point i
  const steps = values.slice(1).map((value, i) => sideOf(value, values[i] as number))
  for (const run of maximalRuns(steps)) {
    const pointCount = run.end - run.start + 2
    if (run.key === 0 || pointCount < length) continue
    for (let i = run.start; i <= run.end + 1; i++) {
      if (marks[i] === 0) marks[i] = run.key as TrendDirection
    }
  }
  return marks
}
