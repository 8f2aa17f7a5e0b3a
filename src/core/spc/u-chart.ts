/** U chart of rates per unit of exposure. @see docs/methods/attribute-charts.md */
import { attributeChart } from './attribute-chart.ts'
import type { AttributeInputPoint, AttributeOptions, AttributeResult } from './attribute-types.ts'

/** U chart: ū = Σcounts/Σexposure, limits ū ± 3√(ū/n_i), the lower one truncated at 0. */
export function uChart(points: readonly AttributeInputPoint[], options: AttributeOptions = {}): AttributeResult {
  return attributeChart('u', points, options)
}

/** Laney's U′ chart: the U chart's σ_i times σ_z, the spread of the baseline z-scores. */
export function uPrimeChart(points: readonly AttributeInputPoint[], options: AttributeOptions = {}): AttributeResult {
  return attributeChart('u_prime', points, options)
}
