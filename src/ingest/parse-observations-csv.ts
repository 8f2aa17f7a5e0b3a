/** Observation CSV files: one row per measure, period, site and group. */
import type { Parsed } from '../core/issues.ts'
import type { ObservationInput } from '../core/model.ts'
import { readCsvRecords, readCsvRecordsStream } from './csv-records.ts'
import { IssueCollector } from './issue-collector.ts'
import { ObservationRows } from './observation-rows.ts'
import type { ObservationFileContext } from './observation-rows.ts'
import { createTableSink } from './table-sink.ts'

/**
 * Read an observation CSV (header `measure,period,site,dimension,group,numerator,denominator,value`).
 * Every problem is an issue with its file line; `value` holds the rows without errors, and callers
 * should write nothing when any issue is an error.
 */
export function parseObservationsCsv(input: string | Uint8Array, context: ObservationFileContext): Parsed<ObservationInput[]> {
  const issues = new IssueCollector(context.file)
  const rows = new ObservationRows(context, issues)
  const sink = createTableSink(rows, issues)
  readCsvRecords(input, sink)
  sink.finish()
  return { value: rows.observations, issues: issues.toArray() }
}

/**
 * The same as {@link parseObservationsCsv} for a file read in chunks (e.g. `fs.createReadStream`),
 * calling `onProgress` with the bytes read so far after each chunk. Rejects only when the stream does.
 */
export async function parseObservationsCsvStream(
  stream: AsyncIterable<Uint8Array | string>,
  context: ObservationFileContext,
  onProgress?: (bytesRead: number) => void,
): Promise<Parsed<ObservationInput[]>> {
  const issues = new IssueCollector(context.file)
  const rows = new ObservationRows(context, issues)
  const sink = createTableSink(rows, issues)
  await readCsvRecordsStream(stream, sink, onProgress)
  sink.finish()
  return { value: rows.observations, issues: issues.toArray() }
}
