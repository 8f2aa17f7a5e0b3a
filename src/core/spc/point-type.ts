/** Point type of an MDC chart from its rule and the improvement direction. @see docs/methods/xmr.md */
import type { Direction } from '../model.ts'
import type { TrendDirection } from './trend-rule.ts'
import type { PointType, Rule } from './types.ts'

/**
 * `common_cause` for an unmarked point; otherwise improvement, concern or neutral high/low, from the
 * side of the centre line the point lies on (or the trend's direction for a point marked by a trend).
 */
export function pointType(
  rule: Rule | null,
  high: boolean,
  direction: Direction,
): PointType {
  if (rule === null) return 'common_cause'
  if (direction === 'neutral') return high ? 'neutral_high' : 'neutral_low'
  return high === (direction === 'increase') ? 'improvement' : 'concern'
}

/** Whether a marked point counts as high: its trend rises, or it lies above the centre line. */
export function isHigh(value: number, centre: number, trend: TrendDirection): boolean {
  return trend === 0 ? value > centre : trend > 0
}
