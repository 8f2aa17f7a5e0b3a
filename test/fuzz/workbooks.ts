/** Real .xlsx workbooks built with exceljs, and hostile cell values to put in them. */
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { formulaText, hostileText, markupText, numberLookalike } from './hostile-text.ts'

/** The bytes of a workbook whose first sheet holds `rows` from row 1 (plus a second sheet that is never read). */
export async function workbookBytes(rows: readonly (readonly ExcelJS.CellValue[])[], options: { date1904?: boolean } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  if (options.date1904) book.properties.date1904 = true
  const sheet = book.addWorksheet('Observations')
  rows.forEach((values, i) => {
    sheet.getRow(i + 1).values = [...values]
  })
  book.addWorksheet('Notes').getCell('A1').value = '=cmd|\' /C calc\'!A0'
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** exceljs calls `hasOwnProperty` on cell values, so they need Object's prototype. */
const plain = { noNullPrototype: true }

/**
 * `text` with the characters a worksheet cannot hold as written (XML 1.0 has no C0 controls, and
 * reading XML turns CR and CRLF into LF) replaced by "x".
 */
export function sheetSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, 'x')
}

/** Cell values of every type exceljs writes, with hostile text wherever text can go. */
export const hostileCell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constant(null),
  hostileText,
  formulaText,
  numberLookalike,
  fc.double(),
  fc.integer({ min: -3_000_000, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }),
  fc.record({ formula: fc.constantFrom('HYPERLINK("http://evil.example","x")', 'A1+1', 'cmd|\' /C calc\'!A0'), result: fc.oneof(fc.double(), hostileText, fc.constant(undefined)) }, plain) as fc.Arbitrary<ExcelJS.CellValue>,
  fc.record({ richText: fc.array(fc.record({ text: fc.oneof(hostileText, markupText) }, plain), { minLength: 1, maxLength: 3 }) }, plain),
  fc.record({ text: fc.oneof(hostileText, markupText), hyperlink: fc.constantFrom('http://evil.example', 'javascript:alert(1)') }, plain),
  fc.constantFrom({ error: '#N/A' as const }, { error: '#DIV/0!' as const }, { error: '#REF!' as const }),
)
