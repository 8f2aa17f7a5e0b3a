/** Centre line and limits of a G chart (opportunities between events). @see docs/methods/rare-event-charts.md */
import { mean } from './average-moving-range.ts'
import { median } from './median.ts'
import type { RareEventLimits } from './rare-event-segment.ts'

/**
 * From the baseline counts (at least one, each ≥ 0): centre line = median; limits ḡ ± 3σ and band
 * ḡ ± 2σ around the mean ḡ, with the geometric σ = √(ḡ(ḡ + 1)); lower values below 0 become 0.
 * @see Benneyan JC. Number-between g-type statistical quality control charts for monitoring adverse
 * events. Health Care Manag Sci 2001;4:305–18. STATISTICS.md §2.
 */
export function gLimits(baseline: readonly number[]): RareEventLimits {
  const g = mean(baseline)
  const sigma = Math.sqrt(g * (g + 1))
  return {
    centre: median(baseline),
    mean: g,
    upper: g + 3 * sigma,
    lower: Math.max(0, g - 3 * sigma),
    upper2sigma: g + 2 * sigma,
    lower2sigma: Math.max(0, g - 2 * sigma),
  }
}
