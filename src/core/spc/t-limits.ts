/** Centre line and limits of a T chart (time between events). @see docs/methods/rare-event-charts.md */
import { profileSettings } from './profile-settings.ts'
import type { RareEventLimits } from './rare-event-segment.ts'
import { xmrLimits } from './xmr-limits.ts'

/** Exponent of the transformation y = t^(1/3.6) that makes exponential times nearly normal. */
export const T_CHART_POWER = 3.6

/**
 * From the baseline times (at least one, each > 0): transform y = t^(1/3.6), compute XmR limits of
 * y with the `qic` constants and screening (ȳ ± 3·AMR/1.128, band ± 2·AMR/1.128), and transform
 * the centre, limits and band back with ^3.6; a negative lower limit or band becomes 0.
 * @see Nelson LS. A control chart for parts-per-million nonconforming items. J Qual Technol
 * 1994;26:239–40; Montgomery, Introduction to Statistical Quality Control, example 7.6. STATISTICS.md §2.
 */
export function tLimits(baseline: readonly number[]): RareEventLimits {
  const transformed = xmrLimits(baseline.map((time) => time ** (1 / T_CHART_POWER)), profileSettings('qic'))
  const centre = backTransform(transformed.centre)
  return {
    centre,
    mean: centre,
    upper: backTransform(transformed.upper),
    lower: backTransform(transformed.lower),
    upper2sigma: backTransform(transformed.upper2sigma),
    lower2sigma: backTransform(transformed.lower2sigma),
  }
}

/** y^3.6, with 0 for y ≤ 0 (a negative base has no real power). */
function backTransform(y: number): number {
  return y > 0 ? y ** T_CHART_POWER : 0
}
