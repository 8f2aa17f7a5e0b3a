/** Measure definition CSV files: one measure per row, columns in any order. */
import type { Parsed } from '../core/issues.ts'
import type { Measure } from '../core/model.ts'
import { readCsvRecords } from './csv-records.ts'
import { describeDifference } from './header-match.ts'
import { IssueCollector, quote } from './issue-collector.ts'
import { checkMeasure } from './measure-fields.ts'
import type { MeasureField, MeasureFields } from './measure-fields.ts'
import { createTableSink } from './table-sink.ts'
import type { TableRows } from './table-sink.ts'

/** CSV column → Measure field, in the documented order. */
const COLUMN_FIELDS: ReadonlyMap<string, MeasureField> = new Map<string, MeasureField>([
  ['code', 'code'],
  ['name', 'name'],
  ['description', 'description'],
  ['type', 'type'],
  ['kind', 'kind'],
  ['rate_multiplier', 'rateMultiplier'],
  ['direction', 'direction'],
  ['target', 'target'],
  ['period', 'period'],
  ['default_chart', 'defaultChart'],
  ['numerator_definition', 'numeratorDefinition'],
  ['denominator_definition', 'denominatorDefinition'],
  ['unit', 'unit'],
])
const REQUIRED_COLUMNS = ['code', 'name', 'type', 'kind', 'direction', 'period']
const FIELD_COLUMNS = new Map([...COLUMN_FIELDS].map(([column, field]) => [field, column]))

class MeasureRows implements TableRows {
  readonly measures: Measure[] = []
  readonly #issues: IssueCollector
  #fieldsByIndex: (MeasureField | undefined)[] = []
  readonly #firstLines = new Map<string, number>()

  constructor(issues: IssueCollector) {
    this.#issues = issues
  }

  header(fields: readonly string[], line: number): boolean {
    const names = fields.map((field) => field.trim())
    const unknown = names.filter((name) => !COLUMN_FIELDS.has(name))
    const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name))
    const repeated = names.filter((name, i) => names.indexOf(name) !== i)
    if (unknown.length === 0 && missing.length === 0 && repeated.length === 0) {
      this.#fieldsByIndex = names.map((name) => COLUMN_FIELDS.get(name))
      return true
    }
    const difference = describeDifference(names, [...REQUIRED_COLUMNS, ...names.filter((name) => COLUMN_FIELDS.has(name))])
    this.#issues.error({
      code: 'bad_header',
      line,
      value: fields.join(','),
      problem: `the header ${quote(names.join(','))} ${difference}`,
      expected: `columns ${REQUIRED_COLUMNS.join(', ')} in any order, and optionally ${[...COLUMN_FIELDS.keys()].filter((c) => !REQUIRED_COLUMNS.includes(c)).join(', ')}`,
    })
    return false
  }

  row(fields: readonly string[], line: number): void {
    const raw: MeasureFields = {}
    this.#fieldsByIndex.forEach((field, i) => {
      if (field !== undefined) raw[field] = fields[i]
    })
    const measure = checkMeasure(raw, (field) => ({ line, column: FIELD_COLUMNS.get(field) ?? field, label: FIELD_COLUMNS.get(field) ?? field }), this.#issues)
    const code = typeof raw.code === 'string' ? raw.code.trim() : ''
    const first = this.#firstLines.get(code)
    if (code !== '' && first !== undefined) {
      const problem = `measure code ${quote(code)} is already defined on line ${first}`
      this.#issues.error({ code: 'duplicate_code', line, column: 'code', value: code, problem, expected: 'each measure code once in the file' })
      return
    }
    if (code !== '') this.#firstLines.set(code, line)
    if (measure !== undefined) this.measures.push(measure)
  }
}

/**
 * Read measure definitions from CSV. Required columns: code, name, type, kind, direction, period;
 * optional: description, rate_multiplier, target, default_chart (default xmr), numerator_definition,
 * denominator_definition, unit. Every problem is an issue with its line and column.
 */
export function parseMeasuresCsv(input: string | Uint8Array, file: string): Parsed<Measure[]> {
  const issues = new IssueCollector(file)
  const rows = new MeasureRows(issues)
  const sink = createTableSink(rows, issues)
  readCsvRecords(input, sink)
  sink.finish()
  return { value: rows.measures, issues: issues.toArray() }
}
