import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { parseFunnelInputCsv } from './parse-funnel-input-csv.ts'

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined; value: string | undefined }[] {
  return parsed.issues.map(({ code, line, column, value }) => ({ code, line, column, value }))
}

describe('parseFunnelInputCsv', () => {
  it('reads unit,numerator,denominator in file order (BOM, CRLF, blank lines, spaces), as a proportion funnel by default', () => {
    const parsed = parseFunnelInputCsv('\uFEFFunit,numerator,denominator\r\nb, 3 ,10\r\n\r\na,0,5\r\n', 'f.csv')
    expect(parsed).toEqual({
      value: { type: 'proportion', columns: 'numerator,denominator', units: [{ unit: 'b', numerator: 3, denominator: 10 }, { unit: 'a', numerator: 0, denominator: 5 }] },
      issues: [],
    })
  })

  it('reads unit,observed,expected as a ratio funnel, with an expected count below the observed', () => {
    const parsed = parseFunnelInputCsv('unit,observed,expected\ne,120,100\n', 'f.csv')
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual({ type: 'ratio', columns: 'observed,expected', units: [{ unit: 'e', numerator: 120, denominator: 100 }] })
  })

  it('takes the type it is given', () => {
    expect(parseFunnelInputCsv('unit,numerator,denominator\na,12,10\n', 'f.csv', { type: 'rate' }).value.type).toBe('rate')
  })

  it('names file, line, column, value and what was expected', () => {
    const parsed = parseFunnelInputCsv('unit,numerator,denominator\na,x,10\nb,1,0\nc,11,10\n,1,10\nd,1,\nd2,-1,10\ne,1,10\ne,2,10\n', 'f.csv')
    expect(where(parsed)).toEqual([
      { code: 'not_a_number', line: 2, column: 'numerator', value: 'x' },
      { code: 'zero_denominator', line: 3, column: 'denominator', value: '0' },
      { code: 'numerator_above_denominator', line: 4, column: 'numerator', value: '11' },
      { code: 'missing_value', line: 5, column: 'unit', value: '' },
      { code: 'missing_value', line: 6, column: 'denominator', value: '' },
      { code: 'negative_value', line: 7, column: 'numerator', value: '-1' },
      { code: 'duplicate_unit', line: 9, column: 'unit', value: 'e' },
    ])
    expect(parsed.issues[0]!.message).toBe('f.csv:2:numerator: "x" is not a number (expected a number of 0 or more, such as 12 or 0.5).')
    expect(parsed.issues[6]!.message).toBe('f.csv:9:unit: unit "e" already has a row on line 8 (expected one row per unit).')
    expect(parsed.value.units.map((u) => u.unit)).toEqual(['e'])
  })

  it('SHMI cannot take O = 0; CQC can', () => {
    const text = 'unit,observed,expected\na,0,10\n'
    expect(where(parseFunnelInputCsv(text, 'f.csv'))).toEqual([{ code: 'zero_numerator', line: 2, column: 'observed', value: '0' }])
    expect(parseFunnelInputCsv(text, 'f.csv', { method: 'cqc' }).issues).toEqual([])
  })

  it('an observed,expected header is only for ratios', () => {
    const parsed = parseFunnelInputCsv('unit,observed,expected\na,1,10\n', 'f.csv', { type: 'proportion' })
    expect(where(parsed)).toEqual([{ code: 'bad_header', line: 1, column: undefined, value: 'unit,observed,expected' }])
  })

  it('a rate funnel needs at least one event', () => {
    const parsed = parseFunnelInputCsv('unit,numerator,denominator\na,0,10\nb,0,5\n', 'f.csv', { type: 'rate', method: 'cqc' })
    expect(where(parsed)).toEqual([{ code: 'no_events', line: undefined, column: undefined, value: undefined }])
  })

  it('bad headers, rows of the wrong width and empty files', () => {
    expect(where(parseFunnelInputCsv('site,numerator,denominator\na,1,2\n', 'f.csv'))[0]!.code).toBe('bad_header')
    expect(where(parseFunnelInputCsv('unit,numerator,denominator\na,1\n', 'f.csv'))).toEqual([{ code: 'wrong_field_count', line: 2, column: undefined, value: 'a,1' }])
    expect(where(parseFunnelInputCsv('', 'f.csv'))[0]!.code).toBe('empty_file')
    expect(where(parseFunnelInputCsv('unit,numerator,denominator\n', 'f.csv'))[0]!.code).toBe('empty_file')
  })
})
