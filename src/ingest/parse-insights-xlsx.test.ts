import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { INSIGHT_TODAY, insightTestOptions } from './insight-test-context.ts'
import { parseInsightsXlsx } from './parse-insights-xlsx.ts'

const options = insightTestOptions('feedback.xlsx')

type Cell = ExcelJS.CellValue

/** A workbook whose first sheet holds `header` in row 1 and `rows` at the given row numbers. */
async function workbook(header: Cell[], rows: Record<number, Cell[]>, options: { date1904?: boolean } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  if (options.date1904) book.properties.date1904 = true
  const sheet = book.addWorksheet('Feedback')
  sheet.getRow(1).values = header
  for (const [number, values] of Object.entries(rows)) sheet.getRow(Number(number)).values = values
  book.addWorksheet('Notes').getCell('A1').value = 'not read'
  return new Uint8Array(await book.xlsx.writeBuffer())
}

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined; value: string | undefined }[] {
  return parsed.issues.map(({ code, line, column, value }) => ({ code, line, column, value }))
}

describe('parseInsightsXlsx', () => {
  it('reads date cells and serial dates under any spelling of the date column, numbers, formulas and rich text, with row numbers as lines', async () => {
    const bytes = await workbook(['Text', ' DATE ', 'FFT', 'IMD quintile', 'Site', 'Tags'], {
      2: [{ richText: [{ text: 'Kind ' }, { text: 'staff', font: { bold: true } }] }, new Date(Date.UTC(2025, 2, 4, 15, 30)), 1, 2, 'A81001', 'kindness; staff'],
      3: ['Long wait', 45721, { formula: 'B3-B2+4', result: 4 }, null, null, null],
      5: ['Too late', new Date(Date.UTC(2025, 5, 2)), 6, 5, null, null],
      6: ['Serial out of range', 0, null, null, null, null],
    })
    const parsed = await parseInsightsXlsx(bytes, options)
    expect(parsed.value).toEqual([
      { source: 'patient', collectedVia: 'import_xlsx', date: '2025-03-04', site: 'A81001', groups: { imd_quintile: '2' }, fft: 1, text: 'Kind staff', tags: ['kindness', 'staff'] },
      { source: 'patient', collectedVia: 'import_xlsx', date: '2025-03-05', site: null, groups: {}, fft: 4, text: 'Long wait', tags: [] },
    ])
    expect(where(parsed)).toEqual([
      { code: 'out_of_range', line: 5, column: 'DATE', value: '2025-06-02' },
      { code: 'bad_date', line: 6, column: 'DATE', value: '0' },
    ])
    expect(parsed.issues[0]?.expected).toBe(`a date from 2000-01-01 to today (${INSIGHT_TODAY}), as YYYY-MM-DD or an Excel date`)
  })

  it('reads serial dates in the 1904 date system', async () => {
    const parsed = await parseInsightsXlsx(await workbook(['text', 'date'], { 2: ['A', 44259] }, { date1904: true }), options)
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]?.date).toBe('2025-03-05')
  })

  it('rejects a number that is not a Friends and Family Test answer or a quintile', async () => {
    const parsed = await parseInsightsXlsx(await workbook(['text', 'date', 'fft', 'imd_quintile'], { 2: ['A', '2025-01-02', 1.5, 6] }), options)
    expect(where(parsed)).toEqual([
      { code: 'invalid_choice', line: 2, column: 'fft', value: '1.5' },
      { code: 'invalid_choice', line: 2, column: 'imd_quintile', value: '6' },
    ])
  })

  it('warns about unknown columns and reports a missing text column in row 1, reading no rows', async () => {
    const parsed = await parseInsightsXlsx(await workbook(['Comment', 'date'], { 2: ['A', '2025-01-02'] }), options)
    expect(parsed.issues.map((i) => [i.severity, i.code, i.line])).toEqual([['warning', 'unknown_column', 1], ['error', 'bad_header', 1]])
    expect(parsed.value).toEqual([])
  })

  it('reports a sheet with only a header as an empty file', async () => {
    expect(where(await parseInsightsXlsx(await workbook(['text', 'date'], {}), options))).toMatchObject([{ code: 'empty_file' }])
  })

  it('reports bytes that are not a workbook', async () => {
    const parsed = await parseInsightsXlsx(new TextEncoder().encode('text,date\n'), options)
    expect(where(parsed)).toMatchObject([{ code: 'bad_xlsx', line: undefined }])
    expect(parsed.issues[0]?.message).toMatch(/^feedback\.xlsx: the file cannot be read as an Excel workbook/)
  })
})
