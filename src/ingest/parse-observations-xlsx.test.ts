import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { OBSERVATION_COLUMNS } from './observation-rows.ts'
import { observationTestContext } from './observation-test-context.ts'
import { parseObservationsXlsx } from './parse-observations-xlsx.ts'

const context = observationTestContext('obs.xlsx')

type Cell = ExcelJS.CellValue

/** A workbook whose first sheet holds `rows` at the given row numbers, the header in row 1. */
async function workbook(rows: Record<number, Cell[]>, options: { date1904?: boolean; header?: Cell[] } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  if (options.date1904) book.properties.date1904 = true
  const sheet = book.addWorksheet('Observations')
  sheet.getRow(1).values = options.header ?? [...OBSERVATION_COLUMNS]
  for (const [number, values] of Object.entries(rows)) sheet.getRow(Number(number)).values = values
  book.addWorksheet('Notes').getCell('A1').value = 'not read'
  return new Uint8Array(await book.xlsx.writeBuffer())
}

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined; value: string | undefined }[] {
  return parsed.issues.map(({ code, line, column, value }) => ({ code, line, column, value }))
}

describe('parseObservationsXlsx', () => {
  it('reads date cells, serial dates, numbers, formulas and rich text, with row numbers as lines', async () => {
    const bytes = await workbook({
      2: ['admissions', new Date(Date.UTC(2024, 2, 4)), 'A81001', null, null, null, null, 12],
      3: ['bp-control', 45352, { richText: [{ text: 'A81' }, { text: '002', font: { bold: true } }] }, '', '', 3, 4, { formula: 'F3/G3', result: 0.75 }],
      5: ['admissions', '2024-03-11', '', '', '', '', '', 'twelve'],
      6: ['admissions', 45356, '', '', '', '', '', 1],
      7: ['admissions', 45362, '', '', '', '', '', 1, 'note'],
    })
    const parsed = await parseObservationsXlsx(bytes, context)
    expect(parsed.value).toEqual([
      { measure: 'admissions', period: '2024-03-04', site: 'A81001', dimension: null, group: null, numerator: null, denominator: null, value: 12 },
      { measure: 'bp-control', period: '2024-03-01', site: 'A81002', dimension: null, group: null, numerator: 3, denominator: 4, value: 0.75 },
    ])
    expect(where(parsed)).toEqual([
      { code: 'not_a_number', line: 5, column: 'value', value: 'twelve' },
      { code: 'misaligned_period', line: 6, column: 'period', value: '2024-03-05' },
      { code: 'wrong_field_count', line: 7, column: undefined, value: 'admissions,2024-03-11,,,,,,1,note' },
    ])
  })

  it('reads serial dates in the 1904 date system', async () => {
    const parsed = await parseObservationsXlsx(await workbook({ 2: ['admissions', 43893, '', '', '', '', '', 5] }, { date1904: true }), context)
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]?.period).toBe('2024-03-04')
  })

  it('gives a formula without a stored result no value', async () => {
    const parsed = await parseObservationsXlsx(await workbook({ 2: ['admissions', '2024-03-04', '', '', '', '', '', { formula: 'SUM(B1:B2)' }] }), context)
    expect(where(parsed)).toEqual([{ code: 'missing_value', line: 2, column: 'value', value: '' }])
  })

  it('reports a bad header in row 1 and reads no rows', async () => {
    const parsed = await parseObservationsXlsx(await workbook({ 2: ['admissions', '2024-03-04', '', '', '', '', '', 5] }, { header: ['measure', 'period', 'value'] }), context)
    expect(where(parsed)).toMatchObject([{ code: 'bad_header', line: 1 }])
    expect(parsed.value).toEqual([])
  })

  it('reports a sheet with only a header as an empty file', async () => {
    const parsed = await parseObservationsXlsx(await workbook({}), context)
    expect(where(parsed)).toMatchObject([{ code: 'empty_file' }])
  })

  it('reports bytes that are not a workbook', async () => {
    const parsed = await parseObservationsXlsx(new TextEncoder().encode('measure,period\n'), context)
    expect(where(parsed)).toMatchObject([{ code: 'bad_xlsx', line: undefined }])
    expect(parsed.issues[0]?.message).toMatch(/^obs\.xlsx: the file cannot be read as an Excel workbook/)
  })
})
