/**
 * Records of a CSV file with the 1-based line each one starts on, read by csv-parse.
 * csv-parse counts a CRLF inside a quoted field as two lines, so lines are counted here from the
 * fields themselves: every record starts on the line after the previous one ends.
 */
import { Parser } from 'csv-parse'
import type { Options } from 'csv-parse'
import { parse } from 'csv-parse/sync'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'

/** Where reading stopped because csv-parse could not go on (in practice: a quote never closed). */
export interface CsvFailure {
  /** Line on which the unreadable record starts. */
  readonly line: number
  /** csv-parse's error code, e.g. `CSV_QUOTE_NOT_CLOSED`. */
  readonly code: string
  readonly detail: string
}

export interface CsvRecordSink {
  /** One record, blank lines included (as a single empty field). */
  record(fields: readonly string[], line: number): void
  /** Called at most once, after the last readable record. */
  broken(failure: CsvFailure): void
}

/** Blank lines are kept (and counted) so that every line of the file belongs to some record. */
function csvOptions(onSkip: (error: unknown) => void): Options {
  return {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_records_with_error: true,
    on_skip: (error) => {
      onSkip(error)
      return undefined
    },
  }
}

/** Line breaks inside the fields of a record (a CRLF counts once). */
function lineBreaksIn(fields: readonly string[]): number {
  let breaks = 0
  for (const field of fields) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue
    for (let i = 0; i < field.length; i++) {
      const char = field.charCodeAt(i)
      if (char === 10 || (char === 13 && field.charCodeAt(i + 1) !== 10)) breaks++
    }
  }
  return breaks
}

/** Feeds records to a sink with their lines, stopping at the first record csv-parse had to skip. */
class LineTracker {
  #nextLine = 1
  #records = 0
  #failure: { readonly records: number; readonly code: string; readonly detail: string } | undefined
  readonly #sink: CsvRecordSink

  constructor(sink: CsvRecordSink) {
    this.#sink = sink
  }

  record(fields: readonly string[]): void {
    if (this.#failure !== undefined && this.#records >= this.#failure.records) return
    this.#records++
    const line = this.#nextLine
    this.#nextLine += 1 + lineBreaksIn(fields)
    this.#sink.record(fields, line)
  }

  /** csv-parse reports how many records it had emitted when it hit the error. */
  skipped(error: unknown): void {
    if (this.#failure !== undefined) return
    const { code, message, records } = error as { code?: unknown; message?: unknown; records?: unknown }
    this.#failure = {
      records: typeof records === 'number' ? records : this.#records,
      code: typeof code === 'string' ? code : 'CSV_ERROR',
      detail: typeof message === 'string' ? message : String(error),
    }
  }

  end(): void {
    if (this.#failure === undefined) return
    const { code, detail } = this.#failure
    this.#sink.broken({ line: this.#nextLine, code, detail })
  }
}

/** Read all of `input` (UTF-8, BOM allowed, LF/CRLF/CR line ends) into `sink`. */
export function readCsvRecords(input: string | Uint8Array, sink: CsvRecordSink): void {
  const tracker = new LineTracker(sink)
  const records: string[][] = parse(toBuffer(input), csvOptions((error) => tracker.skipped(error)))
  for (let i = 0; i < records.length; i++) {
    tracker.record(records[i] ?? [])
  }
  tracker.end()
}

/**
 * Read a CSV stream into `sink` chunk by chunk, calling `onProgress` with the bytes read so far
 * after each chunk (for a progress bar). Memory stays bounded by what the sink keeps.
 */
export async function readCsvRecordsStream(
  stream: AsyncIterable<Uint8Array | string>,
  sink: CsvRecordSink,
  onProgress?: (bytesRead: number) => void,
): Promise<void> {
  const tracker = new LineTracker(sink)
  const parser = new Parser(csvOptions((error) => tracker.skipped(error)))
  parser.on('data', (fields: string[]) => tracker.record(fields))
  const done = finished(parser)
  try {
    let bytesRead = 0
    for await (const chunk of stream) {
      const bytes = toBuffer(chunk)
      bytesRead += bytes.byteLength
      if (!parser.write(bytes)) await once(parser, 'drain')
      onProgress?.(bytesRead)
    }
    parser.end()
    await done
  } catch (error) {
    // A failing source is an IO error for the caller, not an issue in the data.
    done.catch(() => undefined)
    parser.destroy()
    throw error
  }
  tracker.end()
}

function toBuffer(input: string | Uint8Array): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8')
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength)
}
