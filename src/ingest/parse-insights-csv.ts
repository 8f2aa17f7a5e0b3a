/** Insight CSV files: one piece of free-text feedback per row. */
import type { InsightInput } from '../core/insight/model.ts'
import type { Parsed } from '../core/issues.ts'
import { readCsvRecords, readCsvRecordsStream } from './csv-records.ts'
import type { InsightFileOptions } from './insight-fields.ts'
import { InsightRows } from './insight-rows.ts'
import type { InsightTableFormat } from './insight-rows.ts'
import { IssueCollector } from './issue-collector.ts'
import { createTableSink } from './table-sink.ts'

const CSV_FORMAT: InsightTableFormat = { collectedVia: 'import_csv', dateForm: 'YYYY-MM-DD' }

/**
 * Read an insight CSV: columns `text` and `date`, and optionally `site`, `source`, `fft`, `age_band`,
 * `ethnicity`, `sex`, `imd_quintile` and `tags`, in any order and any case. Every problem is an issue
 * with its line and column; `value` holds the rows without errors, texts as written (trimmed, not yet
 * redacted), and callers should write nothing when any issue is an error. Throws only when
 * `options.today` is not an ISO date.
 */
export function parseInsightsCsv(input: string | Uint8Array, options: InsightFileOptions): Parsed<InsightInput[]> {
  const issues = new IssueCollector(options.file)
  const rows = new InsightRows(options, CSV_FORMAT, issues)
  const sink = createTableSink(rows, issues)
  readCsvRecords(input, sink)
  sink.finish()
  return { value: rows.insights, issues: issues.toArray() }
}

/**
 * The same as {@link parseInsightsCsv} for a file read in chunks (e.g. `fs.createReadStream`),
 * calling `onProgress` with the bytes read so far after each chunk. Rejects only when the stream does.
 */
export async function parseInsightsCsvStream(
  stream: AsyncIterable<Uint8Array | string>,
  options: InsightFileOptions,
  onProgress?: (bytesRead: number) => void,
): Promise<Parsed<InsightInput[]>> {
  const issues = new IssueCollector(options.file)
  const rows = new InsightRows(options, CSV_FORMAT, issues)
  const sink = createTableSink(rows, issues)
  await readCsvRecordsStream(stream, sink, onProgress)
  sink.finish()
  return { value: rows.insights, issues: issues.toArray() }
}
