/** Input files for `lhs funnel`: one unit per row with a numerator and denominator (or observed and expected). */
import type { Parsed } from '../core/issues.ts'
import type { FunnelType, FunnelUnitInput, RatioMethod } from '../core/compare/index.ts'
import { readCsvRecords } from './csv-records.ts'
import { matchHeader } from './header-match.ts'
import { IssueCollector, quote } from './issue-collector.ts'
import { readNumberField } from './number-field.ts'
import { createTableSink } from './table-sink.ts'
import type { TableRows } from './table-sink.ts'
import { checkTextCharacters } from './text-field.ts'

export interface FunnelInput {
  /** The funnel type asked for, or (when none was) `ratio` for an `observed,expected` header and `proportion` otherwise. */
  readonly type: FunnelType
  /** Which header the file has. */
  readonly columns: 'numerator,denominator' | 'observed,expected'
  /** In file order. */
  readonly units: FunnelUnitInput[]
}

export interface FunnelInputOptions {
  /** The funnel type the units are for; checks that depend on it (numerator ≤ denominator, …) follow it. */
  readonly type?: FunnelType | undefined
  /** For ratios and rates: `shmi` cannot take a numerator of 0. Default `shmi`. */
  readonly method?: RatioMethod | undefined
}

const HEADERS = [['unit', 'numerator', 'denominator'], ['unit', 'observed', 'expected']] as const
const NON_NEGATIVE = { nonNegative: true }

class FunnelRows implements TableRows {
  columns: FunnelInput['columns'] = 'numerator,denominator'
  type: FunnelType = 'proportion'
  readonly units: FunnelUnitInput[] = []
  readonly #issues: IssueCollector
  readonly #options: FunnelInputOptions
  readonly #firstLines = new Map<string, number>()

  constructor(issues: IssueCollector, options: FunnelInputOptions) {
    this.#issues = issues
    this.#options = options
  }

  header(fields: readonly string[], line: number): boolean {
    const index = matchHeader(fields, HEADERS, line, this.#issues)
    if (index === -1) return false
    this.columns = index === 1 ? 'observed,expected' : 'numerator,denominator'
    this.type = this.#options.type ?? (index === 1 ? 'ratio' : 'proportion')
    if (index === 1 && this.type !== 'ratio') {
      const problem = `the header ${quote(fields.join(','))} is for a ratio funnel, not a ${this.type} funnel`
      this.#issues.error({ code: 'bad_header', line, value: fields.join(','), problem, expected: '"unit,numerator,denominator", or --type ratio' })
      return false
    }
    return true
  }

  row(fields: readonly string[], line: number): void {
    const errorsBefore = this.#issues.errorCount
    const [unitText = '', numeratorText = '', denominatorText = ''] = fields
    const [numeratorName, denominatorName] = this.columns === 'observed,expected' ? ['observed', 'expected'] : ['numerator', 'denominator']
    const unit = this.#unit(unitText, line)
    const numerator = this.#required(numeratorText, numeratorName, line)
    const denominator = this.#required(denominatorText, denominatorName, line)
    if (unit === undefined || numerator === undefined || denominator === undefined || this.#issues.errorCount !== errorsBefore) return
    if (denominator === 0) {
      this.#issues.error({ code: 'zero_denominator', line, column: denominatorName, value: denominatorText, problem: `${denominatorName} ${quote(denominatorText)} is 0`, expected: `a ${denominatorName} above 0` })
      return
    }
    if (this.type === 'proportion' && numerator > denominator) {
      const problem = `numerator ${quote(numeratorText)} is above denominator ${quote(denominatorText)}`
      this.#issues.error({ code: 'numerator_above_denominator', line, column: numeratorName, value: numeratorText, problem, expected: 'a numerator no larger than the denominator for a proportion (or --type ratio or rate)' })
      return
    }
    if (this.type !== 'proportion' && (this.#options.method ?? 'shmi') === 'shmi' && numerator === 0) {
      const problem = `${numeratorName} ${quote(numeratorText)} is 0, and the SHMI method takes ln(O/E)`
      this.#issues.error({ code: 'zero_numerator', line, column: numeratorName, value: numeratorText, problem, expected: `${numeratorName} above 0, or --method cqc` })
      return
    }
    this.units.push({ unit, numerator, denominator })
  }

  #unit(raw: string, line: number): string | undefined {
    const unit = raw.trim()
    if (unit === '') {
      this.#issues.error({ code: 'missing_value', line, column: 'unit', value: raw, problem: 'unit is empty', expected: 'the name of the unit (site, practice, ward)' })
      return undefined
    }
    if (!checkTextCharacters(raw, 'unit', { line, column: 'unit' }, this.#issues)) return undefined
    const first = this.#firstLines.get(unit)
    if (first !== undefined) {
      this.#issues.error({ code: 'duplicate_unit', line, column: 'unit', value: raw, problem: `unit ${quote(unit)} already has a row on line ${first}`, expected: 'one row per unit' })
      return undefined
    }
    this.#firstLines.set(unit, line)
    return unit
  }

  #required(raw: string, column: string, line: number): number | undefined {
    const value = readNumberField(raw, column, line, NON_NEGATIVE, this.#issues)
    if (value === null) {
      this.#issues.error({ code: 'missing_value', line, column, value: raw, problem: `${column} is empty`, expected: 'a number of 0 or more' })
      return undefined
    }
    return value
  }
}

/**
 * Read a funnel input CSV with header `unit,numerator,denominator` or (for ratios) `unit,observed,expected`.
 * Every row needs a unit name, used once, and both numbers; a denominator of 0 is an error.
 */
export function parseFunnelInputCsv(input: string | Uint8Array, file: string, options: FunnelInputOptions = {}): Parsed<FunnelInput> {
  const issues = new IssueCollector(file)
  const rows = new FunnelRows(issues, options)
  const sink = createTableSink(rows, issues)
  readCsvRecords(input, sink)
  sink.finish()
  if (rows.type === 'rate' && rows.units.length > 0 && issues.errorCount === 0 && rows.units.every((u) => u.numerator === 0)) {
    issues.error({ code: 'no_events', problem: 'every numerator is 0', expected: 'at least one event for a rate funnel (the target would be 0)' })
  }
  return { value: { type: rows.type, columns: rows.columns, units: rows.units }, issues: issues.toArray() }
}
