/** Insight workbooks (XLSX): the first worksheet, laid out like the CSV file. */
import type { InsightInput } from '../core/insight/model.ts'
import type { Parsed } from '../core/issues.ts'
import { insightColumnKey } from './insight-columns.ts'
import type { InsightFileOptions } from './insight-fields.ts'
import { InsightRows } from './insight-rows.ts'
import type { InsightTableFormat } from './insight-rows.ts'
import { IssueCollector } from './issue-collector.ts'
import { createTableSink } from './table-sink.ts'
import { readXlsxRecords } from './xlsx-records.ts'

const XLSX_FORMAT: InsightTableFormat = { collectedVia: 'import_xlsx', dateForm: 'YYYY-MM-DD or an Excel date' }

/**
 * The date column under any spelling the header allows (`Date`, ` DATE `): the workbook reader asks
 * `has(name)` of each header name, so the set compares names as the insight header does.
 */
class InsightDateColumns extends Set<string> {
  constructor() {
    super(['date'])
  }

  override has(name: string): boolean {
    return super.has(insightColumnKey(name))
  }
}

/**
 * Read the first worksheet of an insight workbook: header in row 1, one insight per row, with the
 * same checks as {@link parseInsightsCsv}. Line numbers are worksheet row numbers. Date cells and
 * date serial numbers in the date column become ISO dates; formula cells give their result.
 */
export async function parseInsightsXlsx(input: Uint8Array, options: InsightFileOptions): Promise<Parsed<InsightInput[]>> {
  const issues = new IssueCollector(options.file)
  const rows = new InsightRows(options, XLSX_FORMAT, issues)
  const sink = createTableSink(rows, issues)
  const failure = await readXlsxRecords(input, { dateColumns: new InsightDateColumns() }, (fields, line) => sink.record(fields, line))
  if (failure === undefined) {
    sink.finish()
  } else {
    issues.error({ code: 'bad_xlsx', problem: `the file cannot be read as an Excel workbook (${failure})`, expected: 'an .xlsx file saved by Excel or a compatible program' })
  }
  return { value: rows.insights, issues: issues.toArray() }
}
