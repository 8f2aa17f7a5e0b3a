/**
 * An extract file as DuckDB reads it: CSV (every column as text, the header read here with
 * csv-parse so names are exactly as written) or Parquet (its own column types). Gives the SQL that
 * reads the file and each column's kind, or issues when the file cannot be read.
 */
import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse } from 'csv-parse/sync'
import { quoteString, type ColumnInfo, type ColumnKind } from '../../core/extract/index.ts'
import type { IssueCollector } from '../issue-collector.ts'
import { quote } from '../issue-collector.ts'
import type { DuckDbSession } from './duckdb-session.ts'

export type ExtractFormat = 'csv' | 'parquet'

export interface ExtractFile {
  readonly path: string
  readonly format: ExtractFormat
  /** `read_csv(…)` or `read_parquet(…)`, for a FROM clause. */
  readonly source: string
  /** The same source with a row number (Parquet only, and not when the file has its own column named file_row_number; CSV lines are found by reading the file). */
  readonly numbered: { readonly source: string; readonly rowNumber: string } | undefined
  /** Columns in file order. */
  readonly columns: ReadonlyMap<string, ColumnInfo>
}

/** The header must fit in this many bytes at the start of a CSV file. */
const HEADER_BYTES = 1024 * 1024

/** `csv` or `parquet` from the file's extension, or undefined. */
export function extractFormatOf(path: string): ExtractFormat | undefined {
  const extension = extname(path).toLowerCase()
  if (extension === '.csv') return 'csv'
  if (extension === '.parquet' || extension === '.parq') return 'parquet'
  return undefined
}

/** What the compiler needs to know of a DuckDB type. */
export function columnKindOf(type: string): ColumnKind {
  if (type === 'VARCHAR') return 'text'
  if (type === 'BOOLEAN') return 'boolean'
  if (type === 'DATE') return 'date'
  if (/^TIMESTAMP(_S|_MS|_NS)?$/.test(type)) return 'timestamp'
  if (/^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/.test(type)) return 'number'
  return 'other'
}

/** Open `path` (absolute) in `session`; undefined after reporting why it cannot be read. */
export async function openExtractFile(session: DuckDbSession, path: string, format: ExtractFormat, issues: IssueCollector): Promise<ExtractFile | undefined> {
  if (/[*?[\]{}]/.test(path)) {
    issues.error({ code: 'bad_file_name', value: path, problem: `the file name ${quote(path)} holds a wildcard character (* ? [ ] { })`, expected: 'a file name without wildcards: rename the file' })
    return undefined
  }
  const file = quoteString(path)
  if (format === 'parquet') {
    const source = `read_parquet(${file})`
    const columns = await describe(session, source, path, issues)
    if (columns === undefined) return undefined
    const clash = [...columns.keys()].some((name) => name.toLowerCase() === 'file_row_number')
    return { path, format, source, numbered: clash ? undefined : { source: `read_parquet(${file}, file_row_number = true)`, rowNumber: 'file_row_number' }, columns }
  }
  const header = await readHeader(path, issues)
  if (header === undefined) return undefined
  const types = header.map((name) => `${quoteString(name)}: 'VARCHAR'`).join(', ')
  const source = `read_csv(${file}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})`
  const columns = new Map(header.map((name): [string, ColumnInfo] => [name, { kind: 'text', type: 'text' }]))
  return { path, format, source, numbered: undefined, columns }
}

async function describe(session: DuckDbSession, source: string, path: string, issues: IssueCollector): Promise<Map<string, ColumnInfo> | undefined> {
  try {
    const rows = await session.rows(`DESCRIBE SELECT * FROM ${source}`)
    return new Map(rows.map((row): [string, ColumnInfo] => [String(row.column_name), { kind: columnKindOf(String(row.column_type)), type: String(row.column_type) }]))
  } catch (error) {
    issues.error({ code: 'bad_parquet', problem: `the file cannot be read as Parquet: ${firstLine(error, path, issues.file)}`, expected: 'a Parquet file' })
    return undefined
  }
}

/** The CSV header's names: on line 1, each named once (DuckDB does not tell names apart by case). */
async function readHeader(path: string, issues: IssueCollector): Promise<string[] | undefined> {
  const handle = await open(path, 'r')
  let text: string
  try {
    const buffer = Buffer.alloc(HEADER_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0)
    text = buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
  const end = firstRecordEnd(text)
  if (end === undefined) {
    const problem = text.length === 0 ? 'the file is empty' : `the header does not end within the first ${HEADER_BYTES.toLocaleString('en-GB')} bytes`
    issues.error({ code: text.length === 0 ? 'empty_file' : 'bad_header', line: 1, problem, expected: 'a header line naming the columns, then one row per record' })
    return undefined
  }
  const names = (parse(text.slice(0, end), { bom: true, relax_column_count: true }) as string[][])[0] ?? []
  const seen = new Map<string, number>()
  let ok = true
  names.forEach((name, index) => {
    const key = name.toLowerCase()
    const first = seen.get(key)
    if (name.trim() === '') {
      issues.error({ code: 'bad_header', line: 1, value: name, problem: `column ${index + 1} of the header has no name`, expected: 'a name for every column' })
      ok = false
    } else if (first !== undefined) {
      issues.error({ code: 'bad_header', line: 1, column: name, value: name, problem: `the column ${quote(name)} has the same name as column ${first + 1} ${quote(names[first] ?? '')} (names are compared without regard to case)`, expected: 'each column named once' })
      ok = false
    } else seen.set(key, index)
  })
  return ok ? names : undefined
}

/** Index just past the first record's line break (outside quotes), or the end of a one-line file; undefined if it runs past the buffer. */
function firstRecordEnd(text: string): number | undefined {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) return i
  }
  return text.length > 0 && text.length < HEADER_BYTES ? text.length : undefined
}

/** The first line of an error's message, without DuckDB's "… Error: " prefix, and with the file's path given as its name. */
export function firstLine(error: unknown, path: string, name: string): string {
  const message = error instanceof Error ? error.message : String(error)
  return (message.split('\n')[0] ?? '').replace(/^[A-Za-z ]+ Error: /, '').replaceAll(path, name).trim()
}
