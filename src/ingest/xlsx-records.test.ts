import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { cellText, readXlsxRecords } from './xlsx-records.ts'

describe('cellText', () => {
  it.each<[string, ExcelJS.CellValue, string]>([
    ['empty', null, ''],
    ['text', ' A81001 ', ' A81001 '],
    ['a number', 0.125, '0.125'],
    ['a boolean', true, 'TRUE'],
    ['a date (time of day dropped)', new Date(Date.UTC(2024, 2, 4, 15, 30)), '2024-03-04'],
    ['an invalid date', new Date(Number.NaN), 'invalid date'],
    ['rich text', { richText: [{ text: 'bp-' }, { text: 'control' }] }, 'bp-control'],
    ['a hyperlink', { text: 'A81001', hyperlink: 'https://example.org' }, 'A81001'],
    ['an error', { error: '#DIV/0!' }, '#DIV/0!'],
    ['a formula', { formula: 'A1*2', result: 42 }, '42'],
    ['a shared formula with a date result', { sharedFormula: 'B2', result: new Date(Date.UTC(2024, 0, 1)) }, '2024-01-01'],
  ])('reads %s', (_name, value, text) => {
    expect(cellText(value)).toBe(text)
  })
})

describe('readXlsxRecords', () => {
  it('pads short rows to the header, skips empty rows and converts serials only in date columns', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Data')
    sheet.getRow(1).values = ['when', 'count', 'note']
    sheet.getRow(2).values = [45355, 45355]
    sheet.getRow(4).values = [new Date(Date.UTC(2024, 2, 11)), 3, 'x']
    const records: [readonly string[], number][] = []
    const failure = await readXlsxRecords(new Uint8Array(await book.xlsx.writeBuffer()), { dateColumns: new Set(['when']) }, (fields, line) => records.push([fields, line]))
    expect(failure).toBeUndefined()
    expect(records).toEqual([
      [['when', 'count', 'note'], 1],
      [['2024-03-04', '45355', ''], 2],
      [['2024-03-11', '3', 'x'], 4],
    ])
  })

  it('reads nothing from a workbook without sheets', async () => {
    const records: unknown[] = []
    const failure = await readXlsxRecords(new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer()), { dateColumns: new Set() }, (fields) => records.push(fields))
    expect({ failure, records }).toEqual({ failure: undefined, records: [] })
  })
})
