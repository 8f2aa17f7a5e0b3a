/** Input files for `lhs gap`: one row per period and community group, with a numerator and denominator. */
import type { GroupMeasure, GroupPeriodCounts } from '../core/compare/index.ts'
import type { Parsed } from '../core/issues.ts'
import { readCsvRecords } from './csv-records.ts'
import { matchHeader } from './header-match.ts'
import { IssueCollector, quote } from './issue-collector.ts'
import { readNumberField } from './number-field.ts'
import { createPeriodChecker } from './period-checker.ts'
import type { PeriodChecker } from './period-checker.ts'
import { createTableSink } from './table-sink.ts'
import type { TableRows } from './table-sink.ts'
import { checkTextCharacters } from './text-field.ts'

export interface GapInput {
  /** In file order. */
  readonly rows: GroupPeriodCounts[]
  /** Every group named in the file, in order of first appearance. */
  readonly groups: string[]
}

export interface GapInputOptions {
  /** `proportion` (default) also requires numerator ≤ denominator. */
  readonly measure?: GroupMeasure | undefined
}

const HEADERS = [['period', 'group', 'numerator', 'denominator']] as const
const NON_NEGATIVE = { nonNegative: true }

class GapRows implements TableRows {
  readonly rows: GroupPeriodCounts[] = []
  readonly groups = new Set<string>()
  readonly #issues: IssueCollector
  readonly #measure: GroupMeasure
  readonly #checkPeriod: PeriodChecker
  readonly #firstLines = new Map<string, number>()

  constructor(issues: IssueCollector, options: GapInputOptions) {
    this.#issues = issues
    this.#measure = options.measure ?? 'proportion'
    this.#checkPeriod = createPeriodChecker(issues)
  }

  header(fields: readonly string[], line: number): boolean {
    return matchHeader(fields, HEADERS, line, this.#issues) !== -1
  }

  row(fields: readonly string[], line: number): void {
    const errorsBefore = this.#issues.errorCount
    const [periodText = '', groupText = '', numeratorText = '', denominatorText = ''] = fields
    const period = this.#checkPeriod(periodText, undefined, line)
    const group = this.#group(groupText, line)
    const numerator = this.#required(numeratorText, 'numerator', line)
    const denominator = this.#required(denominatorText, 'denominator', line)
    if (period === undefined || group === undefined || numerator === undefined || denominator === undefined) return
    if (this.#issues.errorCount !== errorsBefore) return
    if (denominator === 0) {
      this.#issues.error({ code: 'zero_denominator', line, column: 'denominator', value: denominatorText, problem: `denominator ${quote(denominatorText)} is 0`, expected: 'a denominator above 0' })
      return
    }
    if (this.#measure === 'proportion' && numerator > denominator) {
      const problem = `numerator ${quote(numeratorText)} is above denominator ${quote(denominatorText)}`
      this.#issues.error({ code: 'numerator_above_denominator', line, column: 'numerator', value: numeratorText, problem, expected: 'a numerator no larger than the denominator for a proportion (or --measure rate)' })
      return
    }
    if (this.#isDuplicate(period, group, line)) return
    this.groups.add(group)
    this.rows.push({ period, group, numerator, denominator })
  }

  #group(raw: string, line: number): string | undefined {
    const group = raw.trim()
    if (group === '') {
      this.#issues.error({ code: 'missing_value', line, column: 'group', value: raw, problem: 'group is empty', expected: 'the name of the community group' })
      return undefined
    }
    return checkTextCharacters(raw, 'group', { line, column: 'group' }, this.#issues) ? group : undefined
  }

  #required(raw: string, column: string, line: number): number | undefined {
    const value = readNumberField(raw, column, line, NON_NEGATIVE, this.#issues)
    if (value === null) {
      this.#issues.error({ code: 'missing_value', line, column, value: raw, problem: `${column} is empty`, expected: 'a number of 0 or more' })
      return undefined
    }
    return value
  }

  #isDuplicate(period: string, group: string, line: number): boolean {
    const key = JSON.stringify([period, group])
    const first = this.#firstLines.get(key)
    if (first === undefined) {
      this.#firstLines.set(key, line)
      return false
    }
    const problem = `group ${quote(group)} in period ${quote(period)} already has a row on line ${first}`
    this.#issues.error({ code: 'duplicate_row', line, column: 'group', value: group, problem, expected: 'one row per period and group' })
    return true
  }
}

/**
 * Read a gap input CSV with header `period,group,numerator,denominator`: one row per period (an ISO
 * date) and group, both numbers required, the denominator above 0.
 */
export function parseGapInputCsv(input: string | Uint8Array, file: string, options: GapInputOptions = {}): Parsed<GapInput> {
  const issues = new IssueCollector(file)
  const rows = new GapRows(issues, options)
  const sink = createTableSink(rows, issues)
  readCsvRecords(input, sink)
  sink.finish()
  return { value: { rows: rows.rows, groups: [...rows.groups] }, issues: issues.toArray() }
}
