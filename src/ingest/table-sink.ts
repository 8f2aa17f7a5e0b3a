/** The shape every tabular file shares: blank lines skipped, a header, then rows of the same width. */
import type { CsvFailure, CsvRecordSink } from './csv-records.ts'
import type { IssueCollector } from './issue-collector.ts'

/** What a file format does with its header and rows. */
export interface TableRows {
  /** Check the header; false means it is unusable and no rows are read. */
  header(fields: readonly string[], line: number): boolean
  /** One non-blank row with as many fields as the header. */
  row(fields: readonly string[], line: number): void
}

export interface TableSink extends CsvRecordSink {
  /** Report an empty file; call once after the last record. */
  finish(): void
}

/** True when every field is empty or spaces (a blank line, or a line of bare commas). */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) {
    if (field.length > 0 && field.trim() !== '') return false
  }
  return true
}

/**
 * Route records to `rows`: the first non-blank record is the header; later ones are rows, and a row
 * whose field count differs from the header's is reported (`wrong_field_count`) instead of read.
 */
export function createTableSink(rows: TableRows, issues: IssueCollector): TableSink {
  let headerWidth = -1
  let reading = true
  let rowCount = 0
  let broken = false
  return {
    record(fields, line) {
      if (!reading || isBlank(fields)) return
      if (headerWidth === -1) {
        headerWidth = fields.length
        reading = rows.header(fields, line)
        return
      }
      rowCount++
      if (fields.length === headerWidth) rows.row(fields, line)
      else reportFieldCount(issues, fields, headerWidth, line)
    },
    broken(failure) {
      broken = true
      reportBrokenCsv(issues, failure)
    },
    finish() {
      if (broken || !reading) return
      if (headerWidth === -1) {
        issues.error({ code: 'empty_file', problem: 'the file is empty', expected: 'a header line and at least one row' })
      } else if (rowCount === 0) {
        issues.error({ code: 'empty_file', problem: 'the file has a header but no rows', expected: 'at least one row after the header' })
      }
    },
  }
}

function reportFieldCount(issues: IssueCollector, fields: readonly string[], width: number, line: number): void {
  issues.error({
    code: 'wrong_field_count',
    line,
    value: fields.join(','),
    problem: `the row has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'}`,
    expected: `${width} fields, one for each column of the header`,
  })
}

function reportBrokenCsv(issues: IssueCollector, failure: CsvFailure): void {
  const unclosed = failure.code === 'CSV_QUOTE_NOT_CLOSED'
  issues.error({
    code: 'bad_csv',
    line: failure.line,
    problem: unclosed
      ? 'a quoted field that starts in the row on this line is never closed, so the rest of the file cannot be read'
      : `the file cannot be read as CSV from this line on (${failure.detail})`,
    expected: unclosed ? 'a closing double quote (") at the end of the quoted field' : 'comma-separated values',
  })
}
