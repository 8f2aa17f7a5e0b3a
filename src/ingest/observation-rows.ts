/** The checks on the rows of an observation file, shared by the CSV and XLSX readers. */
import type { MeasureKind, ObservationInput, PeriodUnit } from '../core/model.ts'
import { matchHeader } from './header-match.ts'
import type { IssueCollector } from './issue-collector.ts'
import { quote } from './issue-collector.ts'
import { readNumberField } from './number-field.ts'
import { observationValue } from './observation-value.ts'
import type { ObservationNumbers } from './observation-value.ts'
import { DuplicateIndex } from './duplicate-index.ts'
import { createPeriodChecker } from './period-checker.ts'
import { checkTextCharacters } from './text-field.ts'
import type { PeriodChecker } from './period-checker.ts'
import type { TableRows } from './table-sink.ts'

/** The exact header of an observation file, in order. */
export const OBSERVATION_COLUMNS = ['measure', 'period', 'site', 'dimension', 'group', 'numerator', 'denominator', 'value'] as const

/** What an observation file is checked against. */
export interface ObservationFileContext {
  /** Name used in messages. */
  readonly file: string
  /** Known measures by code. */
  readonly measures: ReadonlyMap<string, { readonly kind: MeasureKind; readonly period: PeriodUnit; readonly rateMultiplier: number | null }>
  /** Known site codes. */
  readonly sites: ReadonlySet<string>
}

type MeasureEntry = ObservationFileContext['measures'] extends ReadonlyMap<string, infer T> ? T : never

const NON_NEGATIVE = { nonNegative: true }
const ANY_SIGN = { nonNegative: false }
/** Bits for the ids of measure and period (outer key), and of site, dimension and group (inner key). */
const OUTER_KEY_BITS = [12, 18]
const INNER_KEY_BITS = [14, 6, 10]

/** Codes listed in a message before "…". */
const LISTED_CODES = 10

function listCodes(codes: Iterable<string>): string {
  const sorted = [...codes].sort()
  const shown = sorted.slice(0, LISTED_CODES).join(', ')
  return sorted.length > LISTED_CODES ? `${shown}, …` : shown
}

/**
 * Checks each row of an observation file and keeps the valid ones in `observations`.
 * A row with any error is left out; every error in it is reported.
 */
export class ObservationRows implements TableRows {
  readonly observations: ObservationInput[] = []
  readonly #context: ObservationFileContext
  readonly #issues: IssueCollector
  readonly #checkPeriod: PeriodChecker
  /** Line of the first row seen for each measure, period, site, dimension and group. */
  readonly #rowKeys = new DuplicateIndex(OUTER_KEY_BITS, INNER_KEY_BITS)

  constructor(context: ObservationFileContext, issues: IssueCollector) {
    this.#context = context
    this.#issues = issues
    this.#checkPeriod = createPeriodChecker(issues)
  }

  header(fields: readonly string[], line: number): boolean {
    return matchHeader(fields, [OBSERVATION_COLUMNS], line, this.#issues) === 0
  }

  row(fields: readonly string[], line: number): void {
    const errorsBefore = this.#issues.errorCount
    const measure = this.#measure(fields[0] ?? '', line)
    const period = this.#checkPeriod(fields[1] ?? '', measure?.period, line)
    const site = this.#site(fields[2] ?? '', line)
    const dimension = (fields[3] ?? '').trim()
    const group = (fields[4] ?? '').trim()
    const readable = this.#characters(fields, line)
    const grouped = this.#group(dimension, group, fields, line) && readable
    const numbers = this.#numbers(fields, line)
    const value = measure === undefined ? undefined : observationValue(measure, numbers, line, this.#issues)
    if (measure === undefined || period === undefined || site === undefined || !grouped) return
    const code = (fields[0] ?? '').trim()
    if (this.#isDuplicate([code, period, site ?? '', dimension, group], line)) return
    if (value === undefined || this.#issues.errorCount !== errorsBefore) return
    this.observations.push({
      measure: code,
      period,
      site,
      dimension: dimension === '' ? null : dimension,
      group: group === '' ? null : group,
      numerator: numbers.numerator ?? null,
      denominator: numbers.denominator ?? null,
      value,
    })
  }

  #measure(raw: string, line: number): MeasureEntry | undefined {
    const code = raw.trim()
    const measure = this.#context.measures.get(code)
    if (measure !== undefined) return measure
    const expected = `one of the known measure codes: ${listCodes(this.#context.measures.keys())}`
    if (code === '') this.#issues.error({ code: 'missing_value', line, column: 'measure', value: raw, problem: 'measure is empty', expected })
    else this.#issues.error({ code: 'unknown_measure', line, column: 'measure', value: raw, problem: `${quote(raw)} is not a known measure code`, expected })
    return undefined
  }

  /** The site code, null for the whole organisation, undefined when unknown. */
  #site(raw: string, line: number): string | null | undefined {
    const code = raw.trim()
    if (code === '') return null
    if (this.#context.sites.has(code)) return code
    const known = this.#context.sites.size > 0 ? ` (${listCodes(this.#context.sites)})` : ''
    const expected = `a known site code${known}, or empty for the whole organisation`
    this.#issues.error({ code: 'unknown_site', line, column: 'site', value: raw, problem: `${quote(raw)} is not a known site code`, expected })
    return undefined
  }

  /** Dimension and group go together: both empty (all people) or both filled. */
  #group(dimension: string, group: string, fields: readonly string[], line: number): boolean {
    if ((dimension === '') === (group === '')) return true
    const [column, other, otherRaw] = dimension === '' ? ['dimension', 'group', fields[4] ?? ''] : ['group', 'dimension', fields[3] ?? '']
    const problem = `${column} is empty but ${other} is ${quote(otherRaw)}`
    const expected = 'both dimension and group filled (a community group), or both empty (all people)'
    this.#issues.error({ code: 'incomplete_group', line, column, value: '', problem, expected })
    return false
  }

  /** Dimension and group are stored as written, so they may not hold NUL or other control characters. */
  #characters(fields: readonly string[], line: number): boolean {
    const dimension = fields[3] ?? ''
    const group = fields[4] ?? ''
    const dimensionOk = dimension === '' || checkTextCharacters(dimension, 'dimension', { line, column: 'dimension' }, this.#issues)
    const groupOk = group === '' || checkTextCharacters(group, 'group', { line, column: 'group' }, this.#issues)
    return dimensionOk && groupOk
  }

  #numbers(fields: readonly string[], line: number): ObservationNumbers {
    const numeratorText = fields[5] ?? ''
    const denominatorText = fields[6] ?? ''
    const valueText = fields[7] ?? ''
    return {
      numerator: readNumberField(numeratorText, 'numerator', line, NON_NEGATIVE, this.#issues),
      denominator: readNumberField(denominatorText, 'denominator', line, NON_NEGATIVE, this.#issues),
      value: readNumberField(valueText, 'value', line, ANY_SIGN, this.#issues),
      numeratorText,
      denominatorText,
      valueText,
    }
  }

  #isDuplicate(key: readonly string[], line: number): boolean {
    const first = this.#rowKeys.firstLine(key, line)
    if (first === undefined) return false
    const problem = `this row repeats the measure, period, site, dimension and group of line ${first}`
    const expected = 'one row for each measure, period, site, dimension and group'
    this.#issues.error({ code: 'duplicate_row', line, value: key.join(','), problem, expected })
    return true
  }
}
