import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { parseSpcInputCsv } from './parse-spc-input-csv.ts'

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined }[] {
  return parsed.issues.map(({ code, line, column }) => ({ code, line, column }))
}

describe('parseSpcInputCsv', () => {
  it('reads period,value with empty values as missing points, in period order', () => {
    const parsed = parseSpcInputCsv('\uFEFFperiod,value\r\n2024-02-01,-1.5\r\n2024-01-01,3\r\n\r\n2024-03-01,\r\n', 'spc.csv')
    expect(parsed).toEqual({
      value: {
        kind: 'value',
        points: [
          { period: '2024-01-01', value: 3 },
          { period: '2024-02-01', value: -1.5 },
          { period: '2024-03-01', value: null },
        ],
      },
      issues: [],
    })
  })

  it('reads period,numerator,denominator as proportions', () => {
    const parsed = parseSpcInputCsv('period,numerator,denominator\n2024-01-01,1,4\n2024-01-08,,\n', 'spc.csv')
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual({ kind: 'proportion', points: [{ period: '2024-01-01', value: 0.25 }, { period: '2024-01-08', value: null }] })
  })

  it.each([
    ['period,value', '2024-13-01,1', 'bad_date', 'period'],
    ['period,value', ',1', 'missing_value', 'period'],
    ['period,value', '2024-02-01,lots', 'not_a_number', 'value'],
    ['period,numerator,denominator', '2024-02-01,5,4', 'numerator_above_denominator', 'numerator'],
    ['period,numerator,denominator', '2024-02-01,0,0', 'zero_denominator', 'denominator'],
    ['period,numerator,denominator', '2024-02-01,-1,4', 'negative_value', 'numerator'],
    ['period,numerator,denominator', '2024-02-01,1,', 'missing_value', 'denominator'],
    ['period,value', '2024-01-01,2', 'duplicate_period', 'period'],
    ['period,value', '2024-02-01', 'wrong_field_count', undefined],
    ['period,value', '2024-02-01,1.7e308', 'out_of_range', 'value'],
    ['period,value', '2024-02-01,4.4e-323', 'out_of_range', 'value'],
    ['period,numerator,denominator', '2024-02-01,1e-290,1e15', 'out_of_range', 'numerator'],
  ])('with header %s reports %j as %s in column %s', (header, row, code, column) => {
    const filler = header === 'period,value' ? '2024-01-01,1' : '2024-01-01,1,2'
    const parsed = parseSpcInputCsv(`${header}\n${filler}\n${row}\n`, 'spc.csv')
    expect(where(parsed)).toEqual([{ code, line: 3, column }])
    expect(parsed.value.points).toHaveLength(1)
  })

  it('reports all mistakes, on the right lines after a quoted line break', () => {
    const parsed = parseSpcInputCsv('period,value\n"2024-01\n-01",1\n2024-02-01,x\n2024-02-01,2\n', 'spc.csv')
    expect(where(parsed)).toEqual([
      { code: 'bad_date', line: 2, column: 'period' },
      { code: 'not_a_number', line: 4, column: 'value' },
      { code: 'duplicate_period', line: 5, column: 'period' },
    ])
  })

  it.each([
    ['period,values', 'is missing column "value", has unexpected column "values"'],
    ['period,numerator', 'is missing column "denominator"'],
    ['value,period', 'in the wrong order'],
  ])('reports bad_header for %j', (header, says) => {
    const parsed = parseSpcInputCsv(`${header}\n2024-01-01,1\n`, 'spc.csv')
    expect(where(parsed)).toEqual([{ code: 'bad_header', line: 1, column: undefined }])
    expect(parsed.issues[0]?.message).toContain(says)
    expect(parsed.issues[0]?.message).toContain('(expected "period,value" or "period,numerator,denominator")')
  })

  it('reports an empty file', () => {
    expect(where(parseSpcInputCsv('', 'spc.csv'))).toEqual([{ code: 'empty_file', line: undefined, column: undefined }])
  })
})
