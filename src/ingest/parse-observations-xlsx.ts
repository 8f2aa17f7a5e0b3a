/** Observation workbooks (XLSX): the first worksheet, laid out like the CSV file. */
import type { Parsed } from '../core/issues.ts'
import type { ObservationInput } from '../core/model.ts'
import { IssueCollector } from './issue-collector.ts'
import { ObservationRows } from './observation-rows.ts'
import type { ObservationFileContext } from './observation-rows.ts'
import { createTableSink } from './table-sink.ts'
import { readXlsxRecords } from './xlsx-records.ts'

const DATE_COLUMNS: ReadonlySet<string> = new Set(['period'])

/**
 * Read the first worksheet of an observation workbook: header in row 1, one observation per row,
 * with the same checks as {@link parseObservationsCsv}. Line numbers are worksheet row numbers.
 * Date cells and date serial numbers in `period` become ISO dates; formula cells give their result.
 */
export async function parseObservationsXlsx(input: Uint8Array, context: ObservationFileContext): Promise<Parsed<ObservationInput[]>> {
  const issues = new IssueCollector(context.file)
  const rows = new ObservationRows(context, issues)
  const sink = createTableSink(rows, issues)
  const failure = await readXlsxRecords(input, { dateColumns: DATE_COLUMNS }, (fields, line) => sink.record(fields, line))
  if (failure === undefined) {
    sink.finish()
  } else {
    issues.error({ code: 'bad_xlsx', problem: `the file cannot be read as an Excel workbook (${failure})`, expected: 'an .xlsx file saved by Excel or a compatible program' })
  }
  return { value: rows.observations, issues: issues.toArray() }
}
