/**
 * Summary `MeasureReport`s: one per measure × site × period. The "all people" numbers are the
 * group's populations and score; each community-group dimension is a stratifier with one stratum
 * per group. A suppressed number has no `count`: its `_count` carries the data-absent-reason
 * `masked`, and the score that would reveal it is dropped.
 */
import type { PeriodUnit } from '../model.ts'
import { DATA_ABSENT_REASON_URL, POPULATION_AMOUNT_URL, STRATIFIER_EXHAUSTIVE_URL } from './canonical.ts'
import { dimensionConcept, groupConcept } from './community-codes.ts'
import { periodOf, populationCode } from './measure.ts'
import type { Resource } from './types.ts'

/** A published number: the number, `masked` when disclosure control suppressed it, null when there is none. */
export type CellNumber = number | 'masked' | null

/** The numbers of one observation as they are to be published. */
export interface ReportCell {
  readonly numerator: CellNumber
  readonly denominator: CellNumber
  /** The score; `masked` when it would reveal a suppressed number. */
  readonly value: CellNumber
}

/** One report's content: the total (undefined when there is no "all people" row) and the groups of each dimension. */
export interface ReportInput {
  readonly measureUrl: string
  readonly periodUnit: PeriodUnit
  readonly period: string
  /** The subject's fullUrl in the Bundle and its name. */
  readonly subject: { readonly reference: string; readonly display: string }
  readonly total: ReportCell | undefined
  /** Dimension → its groups in order. */
  readonly strata: ReadonlyMap<string, readonly { readonly group: string; readonly cell: ReportCell }[]>
}

const MASKED = { extension: [{ url: DATA_ABSENT_REASON_URL, valueCode: 'masked' }] }

export function measureReport(input: ReportInput): Resource {
  const stratifier = [...input.strata].map(([dimension, groups]) => ({
    ...(exhaustive(input.total, groups.map((g) => g.cell)) ? { extension: [{ url: STRATIFIER_EXHAUSTIVE_URL, valueBoolean: true }] } : {}),
    code: [dimensionConcept(dimension)],
    stratum: groups.map(({ group, cell }) => ({ value: groupConcept(dimension, group), ...cellFields(cell) })),
  }))
  return {
    resourceType: 'MeasureReport',
    status: 'complete',
    type: 'summary',
    measure: input.measureUrl,
    subject: input.subject,
    period: periodOf(input.period, input.periodUnit),
    group: [{ ...(input.total === undefined ? {} : cellFields(input.total)), ...(stratifier.length === 0 ? {} : { stratifier }) }],
  }
}

/** Populations and score of one cell. */
function cellFields(cell: ReportCell): Record<string, unknown> {
  const populations = [populationOf('numerator', cell.numerator), populationOf('denominator', cell.denominator)].filter((p) => p !== undefined)
  const hidesPopulation = cell.numerator === 'masked' || cell.denominator === 'masked'
  const score = cell.value === null ? undefined : cell.value === 'masked' ? (hidesPopulation ? undefined : MASKED) : { value: cell.value }
  return { ...(populations.length === 0 ? {} : { population: populations }), ...(score === undefined ? {} : { measureScore: score }) }
}

function populationOf(code: string, count: CellNumber): Record<string, unknown> | undefined {
  if (count === null) return undefined
  if (count === 'masked') return { code: populationCode(code), _count: MASKED }
  if (Number.isInteger(count)) return { code: populationCode(code), count }
  return { code: populationCode(code), extension: [{ url: POPULATION_AMOUNT_URL, valueDecimal: count }] }
}

/** True when nothing is masked and the groups' numbers add up to the total's exactly. */
function exhaustive(total: ReportCell | undefined, cells: readonly ReportCell[]): boolean {
  if (total === undefined) return false
  const fields = (['numerator', 'denominator'] as const).filter((f) => total[f] !== null)
  if (fields.length === 0) return false
  return fields.every((field) => {
    let sum = 0
    for (const cell of cells) {
      const n = cell[field]
      if (typeof n !== 'number') return false
      sum += n
    }
    return sum === total[field]
  })
}
