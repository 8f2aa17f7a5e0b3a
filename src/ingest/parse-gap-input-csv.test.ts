import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { parseGapInputCsv } from './parse-gap-input-csv.ts'

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined; value: string | undefined }[] {
  return parsed.issues.map(({ code, line, column, value }) => ({ code, line, column, value }))
}

describe('parseGapInputCsv', () => {
  it('reads period,group,numerator,denominator in file order, listing the groups in order of first appearance', () => {
    const parsed = parseGapInputCsv('\uFEFFperiod,group,numerator,denominator\r\n2024-02-01,Q5,60,200\r\n\r\n2024-01-01, Q1 ,30,200\r\n2024-01-01,Q5,0,200\r\n', 'g.csv')
    expect(parsed).toEqual({
      value: {
        rows: [
          { period: '2024-02-01', group: 'Q5', numerator: 60, denominator: 200 },
          { period: '2024-01-01', group: 'Q1', numerator: 30, denominator: 200 },
          { period: '2024-01-01', group: 'Q5', numerator: 0, denominator: 200 },
        ],
        groups: ['Q5', 'Q1'],
      },
      issues: [],
    })
  })

  it('names file, line, column, value and what was expected', () => {
    const text = [
      'period,group,numerator,denominator',
      '2024-01-32,Q1,1,10',
      '2024-01-01,,1,10',
      '2024-01-01,Q1,x,10',
      '2024-01-01,Q1,1,',
      '2024-01-01,Q1,1,0',
      '2024-01-01,Q1,11,10',
      '2024-01-01,Q2,1,10',
      '2024-01-01,Q2,2,10',
    ].join('\n')
    const parsed = parseGapInputCsv(text, 'g.csv')
    expect(where(parsed)).toEqual([
      { code: 'bad_date', line: 2, column: 'period', value: '2024-01-32' },
      { code: 'missing_value', line: 3, column: 'group', value: '' },
      { code: 'not_a_number', line: 4, column: 'numerator', value: 'x' },
      { code: 'missing_value', line: 5, column: 'denominator', value: '' },
      { code: 'zero_denominator', line: 6, column: 'denominator', value: '0' },
      { code: 'numerator_above_denominator', line: 7, column: 'numerator', value: '11' },
      { code: 'duplicate_row', line: 9, column: 'group', value: 'Q2' },
    ])
    expect(parsed.issues[5]!.message).toBe('g.csv:7:numerator: numerator "11" is above denominator "10" (expected a numerator no larger than the denominator for a proportion (or --measure rate)).')
    expect(parsed.value.groups).toEqual(['Q2'])
  })

  it('rates may have more events than exposure', () => {
    expect(parseGapInputCsv('period,group,numerator,denominator\n2024-01-01,Q1,11,10\n', 'g.csv', { measure: 'rate' }).issues).toEqual([])
  })

  it('bad headers and empty files', () => {
    expect(where(parseGapInputCsv('period,group,count,denominator\n2024-01-01,Q1,1,2\n', 'g.csv'))[0]!.code).toBe('bad_header')
    expect(where(parseGapInputCsv('', 'g.csv'))[0]!.code).toBe('empty_file')
  })
})
