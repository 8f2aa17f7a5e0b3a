import { describe, expect, it } from 'vitest'
import { excelSerialToIsoDate } from './excel-date.ts'

// Serials from Excel itself (=DATEVALUE) and Microsoft's page on the 1900 and 1904 date systems.
describe('excelSerialToIsoDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45292, '2024-01-01'],
    [45355, '2024-03-04'],
    [45355.75, '2024-03-04'],
    [2958465, '9999-12-31'],
  ])('reads serial %d as %s in the 1900 system', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso)
  })

  it.each([0, -1, 60, 2958466, Number.NaN])('has no date for serial %d (60 is the fictitious 1900-02-29)', (serial) => {
    expect(excelSerialToIsoDate(serial)).toBeUndefined()
  })

  it('counts from 1904-01-01 in the 1904 system', () => {
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01')
    expect(excelSerialToIsoDate(43893, true)).toBe('2024-03-04')
  })
})
