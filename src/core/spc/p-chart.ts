/** P chart of proportions. @see docs/methods/attribute-charts.md */
import { attributeChart } from './attribute-chart.ts'
import type { AttributeInputPoint, AttributeOptions, AttributeResult } from './attribute-types.ts'

/** P chart: p̄ = Σnumerators/Σdenominators, limits p̄ ± 3√(p̄(1−p̄)/n_i) truncated to [0, 1]. */
export function pChart(points: readonly AttributeInputPoint[], options: AttributeOptions = {}): AttributeResult {
  return attributeChart('p', points, options)
}

/** Laney's P′ chart: the P chart's σ_i times σ_z, the spread of the baseline z-scores. */
export function pPrimeChart(points: readonly AttributeInputPoint[], options: AttributeOptions = {}): AttributeResult {
  return attributeChart('p_prime', points, options)
}
