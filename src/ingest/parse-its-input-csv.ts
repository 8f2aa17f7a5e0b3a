/** Input files for `lhs its`: one value, or a count and its population, per period. */
import type { Parsed } from '../core/issues.ts'
import { matchHeader } from './header-match.ts'
import { IssueCollector, quote } from './issue-collector.ts'
import { readNumberField } from './number-field.ts'
import { createPeriodChecker } from './period-checker.ts'
import { duplicatePeriodCheck, inPeriodOrder, readTable } from './period-table.ts'
import type { PeriodChecker } from './period-checker.ts'
import type { TableRows } from './table-sink.ts'

export interface ItsInputPoint {
  readonly period: string
  /** The value (`period,value`) or the count (`period,count,population`). */
  readonly value: number
  /** The population of a count; null for a `period,value` file. */
  readonly population: number | null
}

export interface ItsInput {
  /** `value` for `period,value` (linear model); `count` for `period,count,population` (Poisson model). */
  readonly kind: 'value' | 'count'
  /** In period order. */
  readonly points: ItsInputPoint[]
}

const HEADERS = [['period', 'value'], ['period', 'count', 'population']] as const
const ANY_SIGN = { nonNegative: false }
const NON_NEGATIVE = { nonNegative: true }

class ItsRows implements TableRows {
  kind: ItsInput['kind'] = 'value'
  readonly points: ItsInputPoint[] = []
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
    this.kind = index === 1 ? 'count' : 'value'
    return index !== -1
  }

  row(fields: readonly string[], line: number): void {
    const errorsBefore = this.#issues.errorCount
    const period = this.#checkPeriod(fields[0] ?? '', undefined, line)
    if (period !== undefined && this.#isDuplicate(period, line)) return
    if (this.kind === 'value') {
      const value = this.#required(fields[1] ?? '', 'value', line, ANY_SIGN)
      if (period === undefined || value === undefined || this.#issues.errorCount !== errorsBefore) return
      this.points.push({ period, value, population: null })
      return
    }
    const count = this.#count(fields[1] ?? '', line)
    const population = this.#population(fields[2] ?? '', line)
    if (period === undefined || count === undefined || population === undefined || this.#issues.errorCount !== errorsBefore) return
    this.points.push({ period, value: count, population })
  }

  /** A number that must be there: an interrupted time series has no missing points. */
  #required(raw: string, column: string, line: number, rule: { nonNegative: boolean }): number | undefined {
    const value = readNumberField(raw, column, line, rule, this.#issues)
    if (value !== null) return value
    const expected = rule.nonNegative ? 'a number of 0 or more (every period needs one)' : 'a number (every period needs one)'
    this.#issues.error({ code: 'missing_value', line, column, value: raw, problem: `${column} is empty`, expected })
    return undefined
  }

  #count(raw: string, line: number): number | undefined {
    const count = this.#required(raw, 'count', line, NON_NEGATIVE)
    if (count === undefined || Number.isInteger(count)) return count
    this.#issues.error({ code: 'not_a_whole_number', line, column: 'count', value: raw, problem: `${quote(raw)} is not a whole number`, expected: 'a whole number of 0 or more' })
    return undefined
  }

  #population(raw: string, line: number): number | undefined {
    const population = this.#required(raw, 'population', line, NON_NEGATIVE)
    if (population === undefined || population > 0) return population
    this.#issues.error({ code: 'zero_population', line, column: 'population', value: raw, problem: `population ${quote(raw)} is 0`, expected: 'a population above 0' })
    return undefined
  }
}

/**
 * Read an interrupted-time-series input CSV with header `period,value` or `period,count,population`.
 * Every period needs its value (or count and population); points are returned in period order.
 */
export function parseItsInputCsv(input: string | Uint8Array, file: string): Parsed<ItsInput> {
  const issues = new IssueCollector(file)
  const rows = new ItsRows(issues)
  readTable(input, rows, issues)
  return { value: { kind: rows.kind, points: inPeriodOrder(rows.points) }, issues: issues.toArray() }
}
