/** MDC assurance icon. @see docs/methods/xmr.md */
import type { Direction } from '../model.ts'
import type { Assurance } from './types.ts'

export interface LastLimits {
  readonly upper: number
  readonly lower: number
}

/**
 * Whether the process will consistently pass, consistently fail or hit and miss the target, from the
 * last point's limits; null without a target, with a neutral direction or without points. A target
 * exactly on a limit is hit or miss.
 */
export function assuranceIcon(target: number | null, direction: Direction, last: LastLimits | undefined): Assurance | null {
  if (target === null || direction === 'neutral' || last === undefined) return null
  const higherIsBetter = direction === 'increase'
  if (target > last.upper) return higherIsBetter ? 'fail' : 'pass'
  if (target < last.lower) return higherIsBetter ? 'pass' : 'fail'
  return 'hit_or_miss'
}
