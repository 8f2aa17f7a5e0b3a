/** MDC shift rule. @see docs/methods/xmr.md */
import { maximalRuns, sideOf } from './maximal-runs.ts'

/**
 * Mark every point of a run of `length` or more consecutive points on the same side of `centre`;
 * a point exactly on the centre line breaks the run.
 */
export function shiftRule(values: readonly number[], centre: number, length: number): boolean[] {
  const marks = values.map(() => false)
  for (const run of maximalRuns(values.map((value) => sideOf(value, centre)))) {
    if (run.key === 0 || run.end - run.start + 1 < length) continue
    marks.fill(true, run.start, run.end + 1)
  }
  return marks
}
