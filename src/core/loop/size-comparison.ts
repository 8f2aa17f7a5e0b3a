/** The estimated step against the predicted size. @see docs/methods/verdicts.md */
import type { CoefficientEstimate } from '../impact/coefficient-estimate.ts'
import type { Movement } from './types.ts'

export type SizeComparison = 'smaller' | 'consistent' | 'larger'

/**
 * Put the level change's 95% interval in the predicted direction (multiply by −1 for a decrease):
 * wholly below the expected size → smaller; wholly above → larger; otherwise consistent (the
 * expected size is a plausible value). Throws when `expected` is not a number above 0.
 */
export function compareSize(expected: number, direction: Movement, levelChange: CoefficientEstimate): SizeComparison {
  checkExpectedSize(expected)
  const sign = direction === 'increase' ? 1 : -1
  const low = Math.min(sign * levelChange.lower, sign * levelChange.upper)
  const high = Math.max(sign * levelChange.lower, sign * levelChange.upper)
  if (high < expected) return 'smaller'
  if (low > expected) return 'larger'
  return 'consistent'
}

export function checkExpectedSize(expected: number): void {
  if (!(Number.isFinite(expected) && expected > 0)) throw new Error(`invalid expectedSize: ${expected} (expected a size above 0 in the measure's units; the direction says which way)`)
}
