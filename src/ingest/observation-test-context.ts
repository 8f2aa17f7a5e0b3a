/** A small, fixed context for the observation reader tests: three measures, two sites. */
import type { ObservationFileContext } from './observation-rows.ts'

export function observationTestContext(file = 'obs.csv'): ObservationFileContext {
  return {
    file,
    measures: new Map([
      ['bp-control', { kind: 'proportion', period: 'month', rateMultiplier: null }],
      ['admissions', { kind: 'count', period: 'week', rateMultiplier: null }],
      ['falls-rate', { kind: 'rate', period: 'quarter', rateMultiplier: 1000 }],
      ['ratio', { kind: 'rate', period: 'day', rateMultiplier: null }],
      ['length-of-stay', { kind: 'mean', period: 'month', rateMultiplier: null }],
    ]),
    sites: new Set(['A81001', 'A81002']),
  }
}

export const OBSERVATION_HEADER = 'measure,period,site,dimension,group,numerator,denominator,value'

/** A CSV file of the header and `rows`, with LF line ends and a final line end. */
export function observationCsv(...rows: string[]): string {
  return [OBSERVATION_HEADER, ...rows].map((line) => `${line}\n`).join('')
}
