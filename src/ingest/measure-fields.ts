/** Checks on the fields of one measure definition, shared by the CSV and JSON readers. */
import { CHART_TYPES, CHARTS_FOR_KIND, DIRECTIONS, MEASURE_KINDS, MEASURE_TYPES, PERIOD_UNITS } from '../core/model.ts'
import type { Measure } from '../core/model.ts'
import type { IssueCollector, IssuePlace } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { NUMBER_RANGE_RULE, numberRangeProblem, parseNumberText } from './number-text.ts'
import { TEXT_RULE, textCharacterProblem } from './text-field.ts'

export type MeasureField = keyof Measure

/** The raw fields of one measure: strings from CSV, anything from JSON; absent means not given. */
export type MeasureFields = Partial<Record<MeasureField, unknown>>

/** Where a field is, and the name to use for it in a message (`rate_multiplier` or `rateMultiplier`). */
export interface FieldPlace extends IssuePlace {
  readonly label: string
}

/** Starts with a letter or digit, so a spreadsheet never reads a code such as `-2-1` as a formula. */
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/

/** Measures are stored once per code, so codes must be unique within a file. */
export const MEASURE_CODE_RULE = 'a code of 1–64 lowercase letters, digits and hyphens that starts with a letter or digit, such as bp-control'

/** Reads fields one by one, reporting each problem; `ok` turns false on the first error. */
class FieldReader {
  ok = true
  readonly #fields: MeasureFields
  readonly #placeOf: (field: MeasureField) => FieldPlace
  readonly #issues: IssueCollector

  constructor(fields: MeasureFields, placeOf: (field: MeasureField) => FieldPlace, issues: IssueCollector) {
    this.#fields = fields
    this.#placeOf = placeOf
    this.#issues = issues
  }

  /** Trimmed text, null when absent or empty. */
  text(field: MeasureField): string | null {
    const value = this.#fields[field]
    if (value === undefined || value === null) return null
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
    this.fail(field, 'wrong_type', `${this.#label(field)} is ${preview(value)}, not text`, 'text in double quotes', value)
    return null
  }

  /** `text` read from `field`, or null after reporting a character in it that cannot be stored (NUL, another control character, a lone surrogate). */
  characters(field: MeasureField, text: string | null): string | null {
    const raw = this.#fields[field]
    if (text === null || typeof raw !== 'string') return text
    const problem = textCharacterProblem(raw)
    if (problem === undefined) return text
    this.fail(field, 'bad_character', `${this.#label(field)} ${quote(raw)} ${problem}`, TEXT_RULE, raw)
    return null
  }

  required(field: MeasureField, expected: string): string | null {
    const text = this.text(field)
    if (text === null && this.#isAbsent(field)) this.fail(field, 'missing_value', `${this.#label(field)} has no value`, expected, '')
    return text
  }

  choice<T extends string>(field: MeasureField, choices: readonly T[], what: string, fallback?: T): T | null {
    const expected = `one of ${choices.join(', ')}`
    const text = fallback === undefined ? this.required(field, expected) : this.text(field)
    if (text === null) return fallback ?? null
    if ((choices as readonly string[]).includes(text)) return text as T
    this.fail(field, 'invalid_choice', `${quote(text)} is not ${what}`, expected, text)
    return null
  }

  /**
   * A number (JSON number or numeric text); null when absent or empty, undefined after an error.
   * Numbers beyond ±1e15, or nearer 0 than 1e-300 but not 0, are `out_of_range`.
   */
  number(field: MeasureField): number | null | undefined {
    const value = this.#fields[field]
    if (value === undefined || value === null) return null
    if (typeof value !== 'number' && typeof value !== 'string') {
      this.fail(field, 'wrong_type', `${this.#label(field)} is ${preview(value)}, not a number`, 'a number such as 1000 or 0.85', value)
      return undefined
    }
    const text = typeof value === 'string' ? value.trim() : ''
    if (typeof value === 'string' && text === '') return null
    const parsed = typeof value === 'number' ? value : parseNumberText(text)
    if (parsed === undefined) {
      this.fail(field, 'not_a_number', `${quote(String(value))} is not a number`, 'a number such as 1000 or 0.85', value)
      return undefined
    }
    const range = numberRangeProblem(parsed)
    if (range === undefined) return parsed
    const written = typeof value === 'string' ? quote(value) : String(value)
    this.fail(field, 'out_of_range', `${this.#label(field)} ${written} is ${range} to store`, NUMBER_RANGE_RULE, String(value))
    return undefined
  }

  fail(field: MeasureField, code: string, problem: string, expected: string, value: unknown): void {
    const { line, column } = this.#placeOf(field)
    const written = typeof value === 'string' ? value : preview(value)
    this.#issues.error({ code, line, column, value: written, problem, expected })
    this.ok = false
  }

  warn(field: MeasureField, code: string, problem: string, expected: string): void {
    const { line, column } = this.#placeOf(field)
    this.#issues.warning({ code, line, column, value: String(this.#fields[field]), problem, expected })
  }

  #isAbsent(field: MeasureField): boolean {
    const value = this.#fields[field]
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  }

  #label(field: MeasureField): string {
    return this.#placeOf(field).label
  }
}

/** One checked measure, or undefined after reporting every problem in its fields. */
export function checkMeasure(fields: MeasureFields, placeOf: (field: MeasureField) => FieldPlace, issues: IssueCollector): Measure | undefined {
  const read = new FieldReader(fields, placeOf, issues)
  const code = read.required('code', MEASURE_CODE_RULE)
  if (code !== null && !CODE.test(code)) read.fail('code', 'bad_code', `${quote(code)} is not a valid measure code`, MEASURE_CODE_RULE, code)
  const name = read.characters('name', read.required('name', 'a name for the measure'))
  const type = read.choice('type', MEASURE_TYPES, 'a type of measure')
  const kind = read.choice('kind', MEASURE_KINDS, 'a kind of measure')
  const direction = read.choice('direction', DIRECTIONS, 'a direction of improvement')
  const period = read.choice('period', PERIOD_UNITS, 'a period')
  const defaultChart = read.choice('defaultChart', CHART_TYPES, 'a chart type', 'xmr')
  if (defaultChart !== null && kind !== null && !CHARTS_FOR_KIND[kind].includes(defaultChart)) {
    read.fail('defaultChart', 'invalid_choice', `${quote(defaultChart)} cannot chart a ${kind} measure`, `one of ${CHARTS_FOR_KIND[kind].join(', ')} for a ${kind}`, defaultChart)
  }
  const rateMultiplier = checkRateMultiplier(read, kind)
  const target = checkTarget(read, kind)
  const measure = {
    description: read.characters('description', read.text('description')) ?? '',
    numeratorDefinition: read.characters('numeratorDefinition', read.text('numeratorDefinition')),
    denominatorDefinition: read.characters('denominatorDefinition', read.text('denominatorDefinition')),
    unit: read.characters('unit', read.text('unit')),
  }
  if (!read.ok || code === null || name === null || type === null || kind === null || direction === null || period === null || defaultChart === null) {
    return undefined
  }
  return { code, name, type, kind, rateMultiplier, direction, target, period, defaultChart, ...measure }
}

/** Rates need a multiplier above 0 (e.g. 1000 for "per 1,000"); other kinds ignore it. */
function checkRateMultiplier(read: FieldReader, kind: Measure['kind'] | null): number | null {
  const multiplier = read.number('rateMultiplier')
  if (multiplier === undefined) return null
  if (kind !== 'rate') {
    if (multiplier !== null && kind !== null) read.warn('rateMultiplier', 'ignored_value', `a rate multiplier is given for a ${kind} measure and will be ignored`, 'no rate multiplier, except for rate measures')
    return null
  }
  const expected = 'a number above 0 for a rate, such as 1000 for "per 1,000"'
  if (multiplier === null) read.fail('rateMultiplier', 'missing_value', 'a rate measure has no rate multiplier', expected, '')
  if (multiplier !== null && multiplier <= 0) read.fail('rateMultiplier', 'not_positive', `rate multiplier ${multiplier} is not above 0`, expected, String(multiplier))
  return multiplier
}

/** Proportions are fractions, so a target of 85 (meaning 85%) is a mistake worth catching. */
function checkTarget(read: FieldReader, kind: Measure['kind'] | null): number | null {
  const target = read.number('target') ?? null
  if (kind === 'proportion' && target !== null && (target < 0 || target > 1)) {
    read.fail('target', 'out_of_range', `target ${target} is not a fraction between 0 and 1`, 'a fraction for a proportion, such as 0.85 for 85%', String(target))
  }
  return target
}
