/** Rows of the first worksheet of an XLSX workbook as text fields, read by exceljs. */
import ExcelJS from 'exceljs'
import type { CellValue, Row } from 'exceljs'
import { formatIsoDate } from '../core/period.ts'
import { excelSerialToIsoDate } from './excel-date.ts'

export interface XlsxRecordOptions {
  /** Header names of columns holding dates: numbers in them are read as Excel date serials. */
  readonly dateColumns: ReadonlySet<string>
}

/** Text of a cell as a person would read it: dates as ISO dates, formulas as their result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : formatIsoDate(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('error' in value) return value.error
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result)
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text)
  return ''
}

/** Fields of one row, 1-based cells to 0-based fields, without trailing empty cells. */
function rowFields(row: Row, dateIndexes: ReadonlySet<number>, date1904: boolean): string[] {
  const fields: string[] = []
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = cell.value
    const serialDate = typeof value === 'number' && dateIndexes.has(column - 1) ? excelSerialToIsoDate(value, date1904) : undefined
    fields[column - 1] = serialDate ?? cellText(value)
  })
  for (let i = 0; i < fields.length; i++) fields[i] ??= ''
  while (fields.length > 0 && fields[fields.length - 1]?.trim() === '') fields.pop()
  return fields
}

/**
 * Send each non-empty row of the first worksheet to `onRecord` with its row number (the header is
 * the first such row). Rows shorter than the header are padded with empty fields. Returns the reason
 * when the bytes are not a readable workbook.
 */
export async function readXlsxRecords(
  input: Uint8Array,
  options: XlsxRecordOptions,
  onRecord: (fields: readonly string[], line: number) => void,
): Promise<string | undefined> {
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs types its argument as an ArrayBuffer; a copy gives one for any Uint8Array.
    await workbook.xlsx.load(input.slice().buffer)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  const sheet = workbook.worksheets[0]
  if (sheet === undefined) return undefined
  const date1904 = workbook.properties.date1904 === true
  const noDates: ReadonlySet<number> = new Set()
  let header: { readonly width: number; readonly dateIndexes: ReadonlySet<number> } | undefined
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields = rowFields(row, header?.dateIndexes ?? noDates, date1904)
    if (fields.length === 0) return
    if (header === undefined) {
      const dateIndexes = new Set(fields.flatMap((name, i) => (options.dateColumns.has(name.trim()) ? [i] : [])))
      header = { width: fields.length, dateIndexes }
    }
    while (fields.length < header.width) fields.push('')
    onRecord(fields, rowNumber)
  })
  return undefined
}
