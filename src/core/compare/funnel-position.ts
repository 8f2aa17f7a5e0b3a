/** Where a unit lies against its limits, and what that means. @see docs/methods/funnel-plots.md */
import type { Direction } from '../model.ts'
import type { FunnelPosition, FunnelSignal } from './funnel-types.ts'

/** `above` or `below` only strictly outside the limits: a value exactly on a limit is within. */
export function funnelPosition(value: number, lower: number, upper: number): FunnelPosition {
  if (value > upper) return 'above'
  if (value < lower) return 'below'
  return 'within'
}

/** Possible excellence or concern for a unit outside the limits, from the improvement direction; null within. */
export function funnelSignal(position: FunnelPosition, direction: Direction): FunnelSignal | null {
  if (position === 'within') return null
  const high = position === 'above'
  if (direction === 'neutral') return high ? 'higher than expected' : 'lower than expected'
  return high === (direction === 'increase') ? 'possible excellence' : 'possible concern'
}
