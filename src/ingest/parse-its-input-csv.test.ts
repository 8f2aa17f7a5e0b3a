import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { parseItsInputCsv } from './parse-its-input-csv.ts'

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined }[] {
  return parsed.issues.map(({ code, line, column }) => ({ code, line, column }))
}

describe('parseItsInputCsv', () => {
  it('reads period,value in period order', () => {
    const parsed = parseItsInputCsv('\uFEFFperiod,value\r\n2024-02-01,-1.5\r\n2024-01-01,3\r\n\r\n2024-03-01,0\r\n', 'its.csv')
    expect(parsed).toEqual({
      value: {
        kind: 'value',
        points: [
          { period: '2024-01-01', value: 3, population: null },
          { period: '2024-02-01', value: -1.5, population: null },
          { period: '2024-03-01', value: 0, population: null },
        ],
      },
      issues: [],
    })
  })

  it('reads period,count,population as counts', () => {
    const parsed = parseItsInputCsv('period,count,population\n2024-01-08,0,1000.5\n2024-01-01,12,1000\n', 'its.csv')
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual({
      kind: 'count',
      points: [
        { period: '2024-01-01', value: 12, population: 1000 },
        { period: '2024-01-08', value: 0, population: 1000.5 },
      ],
    })
  })

  it.each([
    ['period,value', '2024-13-01,1', 'bad_date', 'period'],
    ['period,value', ',1', 'missing_value', 'period'],
    ['period,value', '2024-02-01,', 'missing_value', 'value'],
    ['period,value', '2024-02-01,lots', 'not_a_number', 'value'],
    ['period,value', '2024-01-01,2', 'duplicate_period', 'period'],
    ['period,value', '2024-02-01', 'wrong_field_count', undefined],
    ['period,count,population', '2024-02-01,1.5,100', 'not_a_whole_number', 'count'],
    ['period,count,population', '2024-02-01,-1,100', 'negative_value', 'count'],
    ['period,count,population', '2024-02-01,,100', 'missing_value', 'count'],
    ['period,count,population', '2024-02-01,3,0', 'zero_population', 'population'],
    ['period,count,population', '2024-02-01,3,', 'missing_value', 'population'],
    ['period,count,population', '2024-02-01,3,-5', 'negative_value', 'population'],
  ])('%s with row %j: %s in column %s on line 3, the row left out', (header, row, code, column) => {
    const first = header === 'period,value' ? '2024-01-01,1' : '2024-01-01,1,100'
    const parsed = parseItsInputCsv(`${header}\n${first}\n${row}\n`, 'its.csv')
    expect(where(parsed)).toEqual([{ code, line: 3, column }])
    expect(parsed.value.points.map((p) => p.period)).toEqual(['2024-01-01'])
  })

  it('names the file, line, column, value and what was expected', () => {
    const parsed = parseItsInputCsv('period,count,population\n2024-01-01,2.5,100\n', 'its.csv')
    expect(parsed.issues[0]?.message).toBe('its.csv:2:count: "2.5" is not a whole number (expected a whole number of 0 or more).')
  })

  it.each([['period,count'], ['period,value,population'], ['date,value'], ['period;value']])('a wrong header %j is one bad_header error and no rows', (header) => {
    const parsed = parseItsInputCsv(`${header}\n2024-01-01,1\n`, 'its.csv')
    expect(where(parsed)).toEqual([{ code: 'bad_header', line: 1, column: undefined }])
    expect(parsed.issues[0]?.message).toContain('"period,value" or "period,count,population"')
    expect(parsed.value.points).toEqual([])
  })
})
