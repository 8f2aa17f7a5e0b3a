/**
 * Observations from the aggregate query's rows, following the model's rule for each kind of
 * measure (as an observation file would hold them): counts as the value alone; proportions as
 * numerator / denominator (a fraction) and rates × the multiplier; means as the value with the
 * number of values averaged as the denominator. A cell with nobody in its denominator is no row.
 */
import type { ObservationInput } from '../model.ts'
import type { ExtractMeasure, QueryPlan } from './aggregate-query.ts'

/** One row of the aggregate query: its keys, then per measure `a` and `b` (see aggregateQuery). */
export interface AggregateRow {
  readonly period: string
  readonly site: string | null
  readonly dimension: string | null
  readonly group: string | null
  /** `[a0, b0, a1, b1, …]` in the plan's measure order. */
  readonly values: readonly (number | null)[]
}

export function observationsFromAggregates(plan: QueryPlan, rows: readonly AggregateRow[]): ObservationInput[] {
  const out: ObservationInput[] = []
  plan.measures.forEach((measure, i) => {
    for (const row of rows) {
      const observation = observationOf(measure, row, row.values[2 * i] ?? null, row.values[2 * i + 1] ?? null)
      if (observation !== undefined) out.push(observation)
    }
  })
  return out
}

function observationOf(measure: ExtractMeasure, row: AggregateRow, a: number | null, b: number | null): ObservationInput | undefined {
  const cell = (numerator: number | null, denominator: number | null, value: number): ObservationInput => ({
    measure: measure.code, period: row.period, site: row.site, dimension: row.dimension, group: row.group, numerator, denominator, value,
  })
  switch (measure.definition.value.kind) {
    case 'count':
      return cell(null, null, a ?? 0)
    case 'ratio': {
      if (a === null || b === null || b <= 0) return undefined
      const fraction = a / b
      return measure.kind === 'rate' ? cell(a, b, fraction * (measure.rateMultiplier ?? 1)) : cell(a, b, fraction)
    }
    case 'mean':
      if (a === null || b === null || b <= 0) return undefined
      return cell(null, b, a / b)
  }
}
