/** Input files for the attribute charts of `lhs spc` (p, u, pp, up): a numerator and denominator per period. */
import type { Parsed } from '../core/issues.ts'
import type { AttributeInputPoint } from '../core/spc/index.ts'
import { matchHeader } from './header-match.ts'
import { IssueCollector, quote } from './issue-collector.ts'
import { readNumberField } from './number-field.ts'
import { createPeriodChecker, type PeriodChecker } from './period-checker.ts'
import { duplicatePeriodCheck, readTable } from './period-table.ts'
import type { TableRows } from './table-sink.ts'

const HEADERS = [['period', 'numerator', 'denominator']] as const
const NON_NEGATIVE = { nonNegative: true }

class CountRows implements TableRows {
  readonly points: AttributeInputPoint[] = []
  readonly #issues: IssueCollector
  readonly #checkPeriod: PeriodChecker
  readonly #proportion: boolean
  readonly #isDuplicate: (period: string, line: number) => boolean

  constructor(issues: IssueCollector, proportion: boolean) {
    this.#issues = issues
    this.#checkPeriod = createPeriodChecker(issues)
    this.#isDuplicate = duplicatePeriodCheck(issues)
    this.#proportion = proportion
  }

  header(fields: readonly string[], line: number): boolean {
    return matchHeader(fields, HEADERS, line, this.#issues) !== -1
  }

  row(fields: readonly string[], line: number): void {
    const errorsBefore = this.#issues.errorCount
    const [periodText = '', numeratorText = '', denominatorText = ''] = fields
    const period = this.#checkPeriod(periodText, undefined, line)
    const numerator = readNumberField(numeratorText, 'numerator', line, NON_NEGATIVE, this.#issues)
    const denominator = readNumberField(denominatorText, 'denominator', line, NON_NEGATIVE, this.#issues)
    const expected = 'a number, or both numerator and denominator empty for a missing point'
    if (numerator === null && denominator !== null) this.#issues.error({ code: 'missing_value', line, column: 'numerator', value: numeratorText, problem: 'numerator is empty but denominator is not', expected })
    if (denominator === null && numerator !== null) this.#issues.error({ code: 'missing_value', line, column: 'denominator', value: denominatorText, problem: 'denominator is empty but numerator is not', expected })
    if (denominator === 0) this.#issues.error({ code: 'zero_denominator', line, column: 'denominator', value: denominatorText, problem: `denominator ${quote(denominatorText)} is 0`, expected: 'a denominator above 0' })
    if (this.#proportion && typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0 && numerator > denominator) {
      const problem = `numerator ${quote(numeratorText)} is above denominator ${quote(denominatorText)}`
      this.#issues.error({ code: 'numerator_above_denominator', line, column: 'numerator', value: numeratorText, problem, expected: 'a numerator no larger than the denominator' })
    }
    if (period !== undefined && this.#isDuplicate(period, line)) return
    if (period === undefined || numerator === undefined || denominator === undefined || this.#issues.errorCount !== errorsBefore) return
    this.points.push({ period, numerator, denominator })
  }
}

/**
 * Read counts for an attribute chart: `period,numerator,denominator`, kept apart (not divided). Both
 * empty is a missing point; with `proportion`, a numerator above its denominator is an error.
 */
export function parseCountInputCsv(input: string | Uint8Array, file: string, proportion: boolean): Parsed<AttributeInputPoint[]> {
  const issues = new IssueCollector(file)
  const rows = new CountRows(issues, proportion)
  readTable(input, rows, issues)
  return { value: rows.points, issues: issues.toArray() }
}
