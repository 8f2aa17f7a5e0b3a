import type { Issue } from '../issues.ts'

/** Names of the four segmented-regression coefficients, in design-column order. */
export const COEFFICIENT_NAMES = ['intercept', 'preSlope', 'levelChange', 'slopeChange'] as const
export type CoefficientName = (typeof COEFFICIENT_NAMES)[number]

/** The fewest points allowed on either side of the change. */
export const MIN_POINTS_EACH_SIDE = 3

/**
 * Design rows [1, t, D, P] for n periods with the change at 0-based index `changeIndex`:
 * t = 1 for the first period, D = 1 from the change on, P = (t − T0 + 1)·D where T0 = changeIndex + 1,
 * so P = 1 at the first post-change point (the Wagner / Lopez Bernal convention).
 */
export function segmentedDesign(n: number, changeIndex: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const post = i >= changeIndex ? 1 : 0
    return [1, i + 1, post, post * (i - changeIndex + 1)]
  })
}

/** The refusal when either side has fewer than 3 points (empty when there are enough). */
export function tooFewPointsIssues(n: number, changeIndex: number): Issue[] {
  if (!Number.isInteger(changeIndex)) throw new Error(`invalid change index: ${changeIndex} (expected a whole number)`)
  const nPre = Math.max(0, Math.min(changeIndex, n))
  const nPost = n - nPre
  if (nPre >= MIN_POINTS_EACH_SIDE && nPost >= MIN_POINTS_EACH_SIDE) return []
  return [
    {
      severity: 'error',
      code: 'too_few_points',
      message: `Interrupted time series needs at least ${MIN_POINTS_EACH_SIDE} points before and ${MIN_POINTS_EACH_SIDE} after the change; there are ${nPre} before and ${nPost} after, so no estimate is made.`,
      value: `${nPre} before, ${nPost} after`,
      expected: `at least ${MIN_POINTS_EACH_SIDE} on each side`,
    },
  ]
}
