/**
 * Where the rows that fail a check are: Parquet rows by number (DuckDB's file_row_number), CSV
 * rows by line, found by reading the file with the same CSV reader as every other import and
 * matching the failing values DuckDB named (so a quoted line break cannot shift the count).
 */
import { createReadStream } from 'node:fs'
import { failingRowsQuery, failingValuesQuery, type RowCheck } from '../../core/extract/index.ts'
import { readCsvRecordsStream } from '../csv-records.ts'
import type { DuckDbSession } from './duckdb-session.ts'
import type { ExtractFile } from './extract-file.ts'

/** A failing row: its 1-based line (CSV, the header being line 1) or row (Parquet; undefined when it cannot be numbered), and the value as text (null when empty). */
export interface FailingRow {
  readonly line: number | undefined
  readonly value: string | null
}

/** Failing values sought per check in a CSV: enough to find the first rows of a file full of mistakes. */
const VALUES_PER_CHECK = 1000

/** Up to `limit` failing rows of each check, in file order. */
export async function findFailingRows(session: DuckDbSession, file: ExtractFile, checks: readonly RowCheck[], limit: number): Promise<FailingRow[][]> {
  if (file.numbered !== undefined) {
    const { source, rowNumber } = file.numbered
    return Promise.all(
      checks.map(async (check) => {
        const rows = await session.rows(failingRowsQuery(source, rowNumber, check, limit))
        return rows.map((row) => ({ line: Number(row.lhs_row) + 1, value: row.lhs_value === null ? null : String(row.lhs_value) }))
      }),
    )
  }
  const wanted = await Promise.all(
    checks.map(async (check) => {
      const rows = await session.rows(failingValuesQuery(file.source, check, file.format === 'csv' ? VALUES_PER_CHECK : limit))
      // DuckDB reads an empty field as NULL; csv-parse reads it as "".
      return new Set(rows.map((row) => (row.lhs_value === null ? '' : String(row.lhs_value))))
    }),
  )
  // A Parquet file with its own file_row_number column: the failing values, without their rows.
  if (file.format !== 'csv') return wanted.map((values) => [...values].map((value) => ({ line: undefined, value: value === '' ? null : value })))
  const names = [...file.columns.keys()]
  const indexes = checks.map((check) => names.indexOf(check.column))
  const found: FailingRow[][] = checks.map(() => [])
  let header = true
  await readCsvRecordsStream(createReadStream(file.path), {
    record(fields, line) {
      if (fields.length !== names.length) return
      if (header) {
        header = false
        return
      }
      checks.forEach((_, i) => {
        const field = fields[indexes[i] as number] ?? ''
        const list = found[i] as FailingRow[]
        if (list.length < limit && (wanted[i] as Set<string>).has(field)) list.push({ line, value: field === '' ? null : field })
      })
    },
    broken() {},
  })
  return found
}
