/** Input files for `lhs spc`: one value, or a numerator and denominator, per period. */
import type { Parsed } from '../core/issues.ts'
import type { SpcInputPoint } from '../core/spc/types.ts'
import { matchHeader } from './header-match.ts'
import { IssueCollector, quote } from './issue-collector.ts'
import { readNumberField } from './number-field.ts'
import { numberRangeProblem } from './number-text.ts'
import { createPeriodChecker } from './period-checker.ts'
import { duplicatePeriodCheck, inPeriodOrder, readTable } from './period-table.ts'
import type { PeriodChecker } from './period-checker.ts'
import type { TableRows } from './table-sink.ts'

export interface SpcInput {
  /** `value` for a `period,value` file; `proportion` for `period,numerator,denominator` (value = numerator / denominator). */
  readonly kind: 'value' | 'proportion'
  /** In period order. */
  readonly points: SpcInputPoint[]
}

const HEADERS = [['period', 'value'], ['period', 'numerator', 'denominator']] as const
const ANY_SIGN = { nonNegative: false }
const NON_NEGATIVE = { nonNegative: true }

class SpcRows implements TableRows {
  kind: SpcInput['kind'] = 'value'
  readonly points: SpcInputPoint[] = []
  readonly #issues: IssueCollector
  readonly #checkPeriod: PeriodChecker
  readonly #isDuplicate: (period: string, line: number) => boolean

  constructor(issues: IssueCollector) {
    this.#issues = issues
    this.#checkPeriod = createPeriodChecker(issues)
    this.#isDuplicate = duplicatePeriodCheck(issues)
  }

  header(fields: readonly string[], line: number): boolean {
    const index = matchHeader(fields, HEADERS, line, this.#issues)
    this.kind = index === 1 ? 'proportion' : 'value'
    return index !== -1
  }

  row(fields: readonly string[], line: number): void {
    const errorsBefore = this.#issues.errorCount
    const period = this.#checkPeriod(fields[0] ?? '', undefined, line)
    const value = this.kind === 'value' ? readNumberField(fields[1] ?? '', 'value', line, ANY_SIGN, this.#issues) : this.#proportion(fields, line)
    if (period !== undefined && this.#isDuplicate(period, line)) return
    if (period === undefined || value === undefined || this.#issues.errorCount !== errorsBefore) return
    this.points.push({ period, value })
  }

  /** numerator / denominator; null when both are empty (a missing point). */
  #proportion(fields: readonly string[], line: number): number | null | undefined {
    const [, numeratorText = '', denominatorText = ''] = fields
    const numerator = readNumberField(numeratorText, 'numerator', line, NON_NEGATIVE, this.#issues)
    const denominator = readNumberField(denominatorText, 'denominator', line, NON_NEGATIVE, this.#issues)
    if (numerator === null && denominator === null) return null
    const expected = 'a number, or both numerator and denominator empty for a missing point'
    if (numerator === null) this.#issues.error({ code: 'missing_value', line, column: 'numerator', value: numeratorText, problem: 'numerator is empty but denominator is not', expected })
    if (denominator === null) this.#issues.error({ code: 'missing_value', line, column: 'denominator', value: denominatorText, problem: 'denominator is empty but numerator is not', expected })
    if (numerator == null || denominator == null) return undefined
    if (denominator === 0) {
      this.#issues.error({ code: 'zero_denominator', line, column: 'denominator', value: denominatorText, problem: `denominator ${quote(denominatorText)} is 0`, expected: 'a denominator above 0' })
      return undefined
    }
    if (numerator > denominator) {
      const problem = `numerator ${quote(numeratorText)} is above denominator ${quote(denominatorText)}`
      this.#issues.error({ code: 'numerator_above_denominator', line, column: 'numerator', value: numeratorText, problem, expected: 'a numerator no larger than the denominator' })
      return undefined
    }
    const value = numerator / denominator
    const range = numberRangeProblem(value)
    if (range !== undefined) {
      const problem = `numerator ${quote(numeratorText)} over denominator ${quote(denominatorText)} gives a value ${range} to store`
      this.#issues.error({ code: 'out_of_range', line, column: 'numerator', value: `${numeratorText}/${denominatorText}`, problem, expected: 'a proportion of 0, or not smaller than 1e-300' })
      return undefined
    }
    return value
  }
}

/**
 * Read an SPC input CSV with header `period,value` or `period,numerator,denominator`. An empty value
 * (or an empty numerator and denominator) is a missing point (null). Points are returned in period order.
 */
export function parseSpcInputCsv(input: string | Uint8Array, file: string): Parsed<SpcInput> {
  const issues = new IssueCollector(file)
  const rows = new SpcRows(issues)
  readTable(input, rows, issues)
  return { value: { kind: rows.kind, points: inPeriodOrder(rows.points) }, issues: issues.toArray() }
}
