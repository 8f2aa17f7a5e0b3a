/** The checks on the rows of an insight file, shared by the CSV and XLSX readers. */
import type { InsightInput } from '../core/insight/model.ts'
import type { ColumnAt, InsightColumn } from './insight-columns.ts'
import { readInsightHeader } from './insight-columns.ts'
import { InsightFieldChecks, statedGroups } from './insight-fields.ts'
import type { FieldPlace, InsightFileOptions } from './insight-fields.ts'
import type { IssueCollector } from './issue-collector.ts'
import type { TableRows } from './table-sink.ts'

/** How the file reached LHS, and how its dates are written (for messages). */
export interface InsightTableFormat {
  readonly collectedVia: 'import_csv' | 'import_xlsx'
  readonly dateForm: string
}

/**
 * Checks each row of an insight file and keeps the valid ones in `insights`, in file order.
 * A row with any error is left out; every error in it is reported.
 */
export class InsightRows implements TableRows {
  readonly insights: InsightInput[] = []
  readonly #issues: IssueCollector
  readonly #check: InsightFieldChecks
  readonly #collectedVia: InsightTableFormat['collectedVia']
  #columns: ReadonlyMap<InsightColumn, ColumnAt> = new Map()

  /** Throws when `options.today` is not an ISO date. */
  constructor(options: InsightFileOptions, format: InsightTableFormat, issues: IssueCollector) {
    this.#issues = issues
    this.#check = new InsightFieldChecks(options, issues, format.dateForm)
    this.#collectedVia = format.collectedVia
  }

  header(fields: readonly string[], line: number): boolean {
    const columns = readInsightHeader(fields, line, this.#issues)
    if (columns !== undefined) this.#columns = columns
    return columns !== undefined
  }

  row(fields: readonly string[], line: number): void {
    const errorsBefore = this.#issues.errorCount
    /** A column's field and place; a column the file leaves out reads as empty. */
    const cell = (column: InsightColumn): [string, FieldPlace] => {
      const at = this.#columns.get(column)
      const name = at?.name ?? column
      return [at === undefined ? '' : (fields[at.index] ?? ''), { line, column: name, label: name }]
    }
    const check = this.#check
    const text = check.text(...cell('text'))
    const date = check.date(...cell('date'))
    const site = check.site(...cell('site'))
    const source = check.source(...cell('source'))
    const fft = check.fft(...cell('fft'))
    const groups = statedGroups({
      age_band: check.groupLabel(...cell('age_band')),
      ethnicity: check.groupLabel(...cell('ethnicity')),
      sex: check.groupLabel(...cell('sex')),
      imd_quintile: check.imdQuintile(...cell('imd_quintile')),
    })
    const tags = check.tags(...cell('tags'))
    if (this.#issues.errorCount !== errorsBefore) return
    if (text === undefined || date === undefined || site === undefined || source === undefined || fft === undefined || tags === undefined) return
    this.insights.push({ source, collectedVia: this.#collectedVia, date, site, groups, fft, text, tags })
  }
}
