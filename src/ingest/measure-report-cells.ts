/**
 * One cell of a MeasureReport (a group or a stratum): its numerator and denominator populations
 * and its score, read and checked against the measure's kind, giving the observation's numbers.
 */
import { DATA_ABSENT_REASON_URL, MEASURE_POPULATION_SYSTEM, POPULATION_AMOUNT_URL } from '../core/fhir/canonical.ts'
import type { MeasureKind } from '../core/model.ts'
import { joinPath, type Json } from './fhir-resources.ts'
import type { IssueCollector } from './issue-collector.ts'
import { preview } from './issue-collector.ts'
import { VALUE_TOLERANCE } from './observation-value.ts'
import { isRecord } from './questionnaire-response-json.ts'

/** A number read from the file: the number, `masked` (suppressed by the sender), or null when absent. */
export type ReadNumber = number | 'masked' | null

export interface ReadCell {
  readonly numerator: ReadNumber
  readonly denominator: ReadNumber
  readonly score: ReadNumber
}

export interface CellPlace {
  readonly line: number | undefined
  readonly path: string
}

/** What the reader needs of the measure. */
export interface CellMeasure {
  readonly code: string
  readonly kind: MeasureKind
  readonly rateMultiplier: number | null
}

const KEPT_POPULATIONS = new Set(['numerator', 'denominator'])

/** True when the element carries the data-absent-reason `masked`. */
export function isMasked(element: unknown): boolean {
  if (!isRecord(element) || !Array.isArray(element.extension)) return false
  return element.extension.some((e: unknown) => isRecord(e) && e.url === DATA_ABSENT_REASON_URL && e.valueCode === 'masked')
}

/** The populations and score of `element`; undefined after an error. */
export function readCell(element: Json, place: CellPlace, issues: IssueCollector): ReadCell | undefined {
  const before = issues.errorCount
  const found: Record<string, ReadNumber> = { numerator: null, denominator: null }
  const seen = new Set<string>()
  const populations = element.population
  if (populations !== undefined && !Array.isArray(populations)) {
    issues.error({ code: 'wrong_type', line: place.line, column: joinPath(place.path, 'population'), value: preview(populations), problem: `population is ${preview(populations)}`, expected: 'a list of populations' })
  }
  ;(Array.isArray(populations) ? populations : []).forEach((population: unknown, i) => {
    const path = joinPath(place.path, `population[${i}]`)
    const code = populationCode(population)
    if (code === undefined) {
      issues.error({ code: 'bad_population', line: place.line, column: joinPath(path, 'code'), value: preview(isRecord(population) ? population.code : population), problem: 'the population has no code from the measure-population system', expected: `a coding with system ${MEASURE_POPULATION_SYSTEM} and code numerator or denominator` })
      return
    }
    if (!KEPT_POPULATIONS.has(code) || !isRecord(population)) return
    if (seen.has(code)) {
      issues.error({ code: 'duplicate_population', line: place.line, column: path, value: code, problem: `the ${code} population is given twice`, expected: 'at most one numerator and one denominator population' })
      return
    }
    seen.add(code)
    const count = readCount(population, { line: place.line, path }, issues)
    if (count !== undefined) found[code] = count
  })
  const score = readScore(element.measureScore, { line: place.line, path: joinPath(place.path, 'measureScore') }, issues)
  if (issues.errorCount > before || score === undefined) return undefined
  return { numerator: found.numerator ?? null, denominator: found.denominator ?? null, score }
}

function populationCode(population: unknown): string | undefined {
  if (!isRecord(population) || !isRecord(population.code) || !Array.isArray(population.code.coding)) return undefined
  const coding = population.code.coding.find((c: unknown) => isRecord(c) && c.system === MEASURE_POPULATION_SYSTEM && typeof c.code === 'string') as Json | undefined
  return coding?.code as string | undefined
}

function readCount(population: Json, place: CellPlace, issues: IssueCollector): ReadNumber | undefined {
  const column = joinPath(place.path, 'count')
  const count = population.count
  if (count === undefined) {
    if (isMasked(population._count)) return 'masked'
    const amount = Array.isArray(population.extension) ? (population.extension.find((e: unknown) => isRecord(e) && e.url === POPULATION_AMOUNT_URL) as Json | undefined) : undefined
    if (amount !== undefined && typeof amount.valueDecimal === 'number' && Number.isFinite(amount.valueDecimal) && amount.valueDecimal >= 0) return amount.valueDecimal
    issues.error({ code: 'missing_value', line: place.line, column, value: '', problem: 'the population has no count', expected: 'a whole number of 0 or more, or _count with the data-absent-reason "masked"' })
    return undefined
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > Number.MAX_SAFE_INTEGER) {
    issues.error({ code: 'bad_count', line: place.line, column, value: preview(count), problem: `count ${preview(count)} is not a whole number of 0 or more`, expected: 'a whole number of 0 or more' })
    return undefined
  }
  return count
}

function readScore(score: unknown, place: CellPlace, issues: IssueCollector): ReadNumber | undefined {
  if (score === undefined) return null
  if (isMasked(score)) return 'masked'
  const value = isRecord(score) ? score.value : undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e15) {
    issues.error({ code: 'bad_score', line: place.line, column: joinPath(place.path, 'value'), value: preview(value ?? score), problem: `the measureScore ${preview(score)} has no usable value`, expected: 'a Quantity whose value is a number between -1e15 and 1e15' })
    return undefined
  }
  return value
}

/** True when the cell holds anything: a population or a score. */
export function hasContent(cell: ReadCell): boolean {
  return cell.numerator !== null || cell.denominator !== null || cell.score !== null
}

/**
 * The observation's numbers from a cell, checked against the measure: proportions and rates need
 * both counts (numerator ≤ denominator for a proportion) and a score that agrees with them (it is
 * computed when absent); counts and means need a score. Undefined after an error.
 */
export function cellNumbers(cell: ReadCell, measure: CellMeasure, place: CellPlace, issues: IssueCollector): { numerator: number | null; denominator: number | null; value: number } | undefined {
  const { numerator, denominator, score } = cell
  if (numerator === 'masked' || denominator === 'masked' || score === 'masked') return undefined
  const report = (code: string, field: string, value: string, problem: string, expected: string) => {
    issues.error({ code, line: place.line, column: joinPath(place.path, field), value, problem, expected })
    return undefined
  }
  if (measure.kind === 'count' || measure.kind === 'mean') {
    if (score === null) return report('missing_value', 'measureScore', '', `a ${measure.kind} measure's report has no measureScore`, `the ${measure.kind} as measureScore.value`)
    if (measure.kind === 'count' && (!Number.isInteger(score) || score < 0)) return report('bad_score', 'measureScore.value', String(score), `${score} is not a count`, 'a whole number of 0 or more for a count measure')
    return { numerator, denominator, value: score }
  }
  const expected = `numerator and denominator populations: "${measure.code}" is a ${measure.kind} measure`
  if (numerator === null) return report('missing_value', 'population', '', 'the numerator population is missing', expected)
  if (denominator === null) return report('missing_value', 'population', '', 'the denominator population is missing', expected)
  if (denominator === 0) return report('zero_denominator', 'population', '0', 'the denominator is 0', 'a denominator above 0')
  if (measure.kind === 'proportion' && numerator > denominator) {
    return report('numerator_above_denominator', 'population', `${numerator}/${denominator}`, `numerator ${numerator} is above denominator ${denominator}`, 'a numerator no larger than the denominator for a proportion')
  }
  const computed = measure.kind === 'proportion' ? numerator / denominator : (numerator / denominator) * (measure.rateMultiplier ?? 1)
  if (score === null) return { numerator, denominator, value: computed }
  if (Math.abs(score - computed) > VALUE_TOLERANCE * Math.max(Math.abs(score), Math.abs(computed))) {
    const formula = measure.kind === 'proportion' ? 'numerator / denominator' : `numerator / denominator × ${measure.rateMultiplier ?? 1}`
    return report('inconsistent_score', 'measureScore.value', String(score), `measureScore ${score} does not match ${formula} = ${computed}`, `${computed}, or no measureScore to have it computed`)
  }
  return { numerator, denominator, value: score }
}
