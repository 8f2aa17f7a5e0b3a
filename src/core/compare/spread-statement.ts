/** Plain-English reading of the spread between units. @see docs/methods/funnel-plots.md */
import type { Overdispersion } from './overdispersion.ts'
import type { FunnelSpread } from './funnel-types.ts'

/** Beyond chance when the limits were adjusted (φ > 1); within chance otherwise; too few units when φ cannot be estimated. */
export function spreadStatement({ adjusted, estimable }: Overdispersion): { spread: FunnelSpread; statement: string } {
  if (!estimable) {
    return {
      spread: 'too few units',
      statement: 'Too few units to estimate overdispersion: the limits are unadjusted and the spread between units cannot be judged.',
    }
  }
  if (adjusted) {
    return {
      spread: 'beyond chance',
      statement:
        'The spread between units is beyond chance (overdispersion, φ > 1): a candidate to standardise. The limits are widened by the between-unit variance τ².',
    }
  }
  return {
    spread: 'within chance',
    statement: 'The spread between units is within chance (no overdispersion, φ ≤ 1): acceptable local variation. The limits are unadjusted.',
  }
}
