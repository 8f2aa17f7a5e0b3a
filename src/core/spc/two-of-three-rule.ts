/** MDC two-of-three rule. @see docs/methods/xmr.md */
import { sideOf } from './maximal-runs.ts'
import type { XmrLimits } from './xmr-limits.ts'

/**
 * Mark the points in the near band (beyond 2σ, strictly) of any 3-point window holding at least two
 * such points, all three points strictly on the same side of the centre. The band stops at the limit
 * (inclusive) unless `beyondLimits` (MDC 2023), when every point beyond 2σ counts.
 */
export function twoOfThreeRule(values: readonly number[], limits: XmrLimits, beyondLimits: boolean): boolean[] {
  const sides = values.map((value) => sideOf(value, limits.centre))
  const bands = values.map((value) => nearBandSide(value, limits, beyondLimits))
  const marks = values.map(() => false)
  for (let first = 0; first + 2 < values.length; first++) {
    const window = [first, first + 1, first + 2]
    const side = sides[first]
    if (side === 0 || !window.every((i) => sides[i] === side)) continue
    const inBand = window.filter((i) => bands[i] === side)
    if (inBand.length >= 2) for (const i of inBand) marks[i] = true
  }
  return marks
}

/** 1 in the upper near band, −1 in the lower one, 0 otherwise. */
function nearBandSide(value: number, limits: XmrLimits, beyondLimits: boolean): -1 | 0 | 1 {
  if (value > limits.upper2sigma && (beyondLimits || value <= limits.upper)) return 1
  if (value < limits.lower2sigma && (beyondLimits || value >= limits.lower)) return -1
  return 0
}
