/**
 * A measure as a FHIR R4 `Measure`: scoring from its kind (proportion → proportion, rate → ratio,
 * count and mean → continuous-variable), improvementNotation from its direction (none when
 * neutral), and one group whose every population has a `text/plain` criteria expression (R4 needs
 * one) taken from the measure's definitions.
 */
import type { Measure, MeasureKind, PeriodUnit } from '../model.ts'
import { addDays, addPeriods } from '../period.ts'
import {
  IMPROVEMENT_NOTATION_SYSTEM, LHS_MEASURE_TYPE_SYSTEM, MEASURE_CODE_SYSTEM, MEASURE_PERIOD_URL, MEASURE_POPULATION_SYSTEM, MEASURE_SCORING_SYSTEM, MEASURE_TYPE_SYSTEM, measureUrl,
} from './canonical.ts'
import type { CodeableConcept, Resource } from './types.ts'

export type MeasureScoring = 'proportion' | 'ratio' | 'continuous-variable'

export const SCORING_BY_KIND: Readonly<Record<MeasureKind, MeasureScoring>> = {
  proportion: 'proportion',
  rate: 'ratio',
  count: 'continuous-variable',
  mean: 'continuous-variable',
}

/** Where the measure sits: the organisation's and programme's codes make its canonical URL. */
export interface MeasureOwner {
  readonly organisation: string
  readonly programme: string
}

/** A population code from HL7's measure-population system. */
export function populationCode(code: string): CodeableConcept {
  return { coding: [{ system: MEASURE_POPULATION_SYSTEM, code }] }
}

/** The measure's `Measure` resource. */
export function measureResource(owner: MeasureOwner, measure: Measure): Resource {
  const improvement = measure.direction === 'neutral' ? {} : { improvementNotation: { coding: [{ system: IMPROVEMENT_NOTATION_SYSTEM, code: measure.direction }] } }
  return {
    resourceType: 'Measure',
    extension: [{ url: MEASURE_PERIOD_URL, valueCode: measure.period }],
    url: measureUrl(owner.organisation, owner.programme, measure.code),
    identifier: [{ system: MEASURE_CODE_SYSTEM, value: measure.code }],
    name: computableName(measure.code),
    title: measure.name,
    status: 'active',
    ...(measure.description.trim() === '' ? {} : { description: measure.description }),
    scoring: { coding: [{ system: MEASURE_SCORING_SYSTEM, code: SCORING_BY_KIND[measure.kind] }] },
    type: [measureType(measure)],
    ...improvement,
    group: [{ population: populations(measure).map(([code, text]) => ({ code: populationCode(code), criteria: { language: 'text/plain', expression: text } })) }],
  }
}

/** The first and last day of the period of `unit` starting on `start`. */
export function periodOf(start: string, unit: PeriodUnit): { readonly start: string; readonly end: string } {
  return { start, end: addDays(addPeriods(start, unit, 1), -1) }
}

/** `bp-control` → `BpControl`: FHIR asks for a name usable as an identifier (mea-0), starting with a capital. */
function computableName(code: string): string {
  const name = code.split(/[^A-Za-z0-9]+/).filter((p) => p !== '').map((p) => p[0]?.toUpperCase() + p.slice(1)).join('')
  return /^[A-Z]/.test(name) ? name : `Measure${name}`
}

function measureType(measure: Measure): CodeableConcept {
  if (measure.type === 'balancing') return { coding: [{ system: LHS_MEASURE_TYPE_SYSTEM, code: 'balancing', display: 'Balancing' }], text: 'balancing' }
  return { coding: [{ system: MEASURE_TYPE_SYSTEM, code: measure.type }], text: measure.type }
}

/** Each population's code and criteria text, by kind; a missing definition falls back to the measure's description. */
function populations(measure: Measure): [string, string][] {
  const about = measure.description.trim() === '' ? measure.name : measure.description
  const numerator = measure.numeratorDefinition ?? `Numerator of: ${about}`
  const denominator = measure.denominatorDefinition ?? `Denominator of: ${about}`
  switch (measure.kind) {
    case 'proportion':
    case 'rate':
      return [['initial-population', denominator], ['denominator', denominator], ['numerator', numerator]]
    case 'count':
      return [['initial-population', about], ['measure-population', measure.numeratorDefinition ?? about], ['measure-observation', `Count of: ${about}`]]
    case 'mean':
      return [['initial-population', denominator], ['measure-population', denominator], ['measure-observation', `Mean of: ${about}`]]
  }
}
