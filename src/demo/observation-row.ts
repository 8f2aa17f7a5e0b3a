/** Turn summed cell counts into one observation row, following the model's rule for each kind. */
import type { Measure, ObservationInput } from '../core/model.ts'
import type { CellCount } from './scenario.ts'

/**
 * One row, or undefined when a proportion, rate or mean has nobody in its denominator
 * (a value of nobody is not zero, so no row is written). Counts leave numerator and denominator
 * null; means keep only the denominator (how many values were averaged).
 */
export function observationRow(
  measure: Measure,
  period: string,
  site: string | null,
  dimension: string | null,
  group: string | null,
  count: CellCount,
): ObservationInput | undefined {
  const { numerator, denominator } = count
  // One object literal with a fixed field order: spreading a shared prefix was 10× slower here.
  const row = (n: number | null, d: number | null, value: number): ObservationInput => ({
    measure: measure.code, period, site, dimension, group, numerator: n, denominator: d, value,
  })
  if (measure.kind === 'count') return row(null, null, numerator)
  if (denominator <= 0) return undefined
  switch (measure.kind) {
    case 'mean':
      return row(null, denominator, numerator / denominator)
    case 'proportion':
      return row(numerator, denominator, numerator / denominator)
    case 'rate':
      return row(numerator, denominator, (numerator / denominator) * (measure.rateMultiplier ?? 1))
  }
}
