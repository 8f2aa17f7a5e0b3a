import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { parseMeasuresCsv } from './parse-measures-csv.ts'

const HEADER = 'code,name,description,type,kind,rate_multiplier,direction,target,period,default_chart,numerator_definition,denominator_definition,unit'

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined }[] {
  return parsed.issues.map(({ code, line, column }) => ({ code, line, column }))
}

describe('parseMeasuresCsv', () => {
  it('reads every column, with defaults for the optional ones', () => {
    const parsed = parseMeasuresCsv(
      `${HEADER}\r\n` +
        'bp-control,BP controlled,"Patients with BP\r\nbelow target",outcome,proportion,,increase,0.8,month,xmr,Patients at target,Patients with hypertension,\r\n' +
        'falls-rate,Falls,,balancing,rate,1000,decrease,,week,,,,occupied bed days\r\n',
      'measures.csv',
    )
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual([
      {
        code: 'bp-control', name: 'BP controlled', description: 'Patients with BP\r\nbelow target', type: 'outcome', kind: 'proportion',
        rateMultiplier: null, direction: 'increase', target: 0.8, period: 'month', defaultChart: 'xmr',
        numeratorDefinition: 'Patients at target', denominatorDefinition: 'Patients with hypertension', unit: null,
      },
      {
        code: 'falls-rate', name: 'Falls', description: '', type: 'balancing', kind: 'rate', rateMultiplier: 1000,
        direction: 'decrease', target: null, period: 'week', defaultChart: 'xmr', numeratorDefinition: null, denominatorDefinition: null, unit: 'occupied bed days',
      },
    ])
  })

  it('takes the required columns in any order and the optional ones may be left out', () => {
    const parsed = parseMeasuresCsv('period,kind,direction,type,name,code\nday,count,neutral,process,Admissions,admissions\n', 'm.csv')
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]).toMatchObject({ code: 'admissions', kind: 'count', period: 'day', description: '', target: null, unit: null })
  })

  it.each([
    ['bad_code', 'BP Control,Name,,outcome,count,,increase,,month,,,,', 'code'],
    ['bad_code', `${'a'.repeat(65)},Name,,outcome,count,,increase,,month,,,,`, 'code'],
    ['missing_value', ',Name,,outcome,count,,increase,,month,,,,', 'code'],
    ['missing_value', 'm,,,outcome,count,,increase,,month,,,,', 'name'],
    ['invalid_choice', 'm,Name,,result,count,,increase,,month,,,,', 'type'],
    ['invalid_choice', 'm,Name,,outcome,ratio,,increase,,month,,,,', 'kind'],
    ['invalid_choice', 'm,Name,,outcome,count,,up,,month,,,,', 'direction'],
    ['invalid_choice', 'm,Name,,outcome,count,,increase,,year,,,,', 'period'],
    ['invalid_choice', 'm,Name,,outcome,count,,increase,,month,pie,,,', 'default_chart'],
    ['invalid_choice', 'm,Name,,outcome,count,,increase,,month,p,,,', 'default_chart'],
    ['invalid_choice', 'm,Name,,outcome,proportion,,increase,,month,up,,,', 'default_chart'],
    ['missing_value', 'm,Name,,outcome,rate,,increase,,month,,,,', 'rate_multiplier'],
    ['not_positive', 'm,Name,,outcome,rate,0,increase,,month,,,,', 'rate_multiplier'],
    ['not_a_number', 'm,Name,,outcome,rate,per 1000,increase,,month,,,,', 'rate_multiplier'],
    ['not_a_number', 'm,Name,,outcome,count,,increase,high,month,,,,', 'target'],
    ['out_of_range', 'm,Name,,outcome,proportion,,increase,85,month,,,,', 'target'],
  ])('reports %s for %j in column %s', (code, row, column) => {
    const parsed = parseMeasuresCsv(`${HEADER}\nok,Fine,,process,count,,neutral,,week,,,,\n${row}\n`, 'm.csv')
    expect(where(parsed)).toEqual([{ code, line: 3, column }])
    expect(parsed.value.map((m) => m.code)).toEqual(['ok'])
  })

  it('warns that a rate multiplier is ignored for other kinds, and keeps the measure', () => {
    const parsed = parseMeasuresCsv(`${HEADER}\nm,Name,,outcome,count,100,increase,,month,,,,\n`, 'm.csv')
    expect(parsed.issues).toMatchObject([{ severity: 'warning', code: 'ignored_value', line: 2, column: 'rate_multiplier' }])
    expect(parsed.value[0]?.rateMultiplier).toBeNull()
  })

  it('reports a repeated code with the line of the first', () => {
    const parsed = parseMeasuresCsv(`${HEADER}\nm,One,,outcome,count,,increase,,month,,,,\nm,Two,,outcome,count,,increase,,month,,,,\n`, 'm.csv')
    expect(where(parsed)).toEqual([{ code: 'duplicate_code', line: 3, column: 'code' }])
    expect(parsed.issues[0]?.message).toBe('m.csv:3:code: measure code "m" is already defined on line 2 (expected each measure code once in the file).')
  })

  it('reports every mistake in a row', () => {
    const parsed = parseMeasuresCsv(`${HEADER}\nBad Code,,,x,rate,-5,up,,fortnight,,,,\n`, 'm.csv')
    expect(where(parsed).map((i) => `${i.code}@${i.column}`)).toEqual([
      'bad_code@code', 'missing_value@name', 'invalid_choice@type', 'invalid_choice@direction', 'invalid_choice@period', 'not_positive@rate_multiplier',
    ])
  })

  it.each([
    ['a required column missing', 'code,name,type,kind,direction', 'is missing column "period"'],
    ['an unknown column', 'code,name,type,kind,direction,period,colour', 'has unexpected column "colour"'],
    ['a repeated column', 'code,name,type,kind,direction,period,name', 'repeats column "name"'],
  ])('reports bad_header for %s', (_name, header, says) => {
    const parsed = parseMeasuresCsv(`${header}\nm,Name,outcome,count,increase,month\n`, 'm.csv')
    expect(where(parsed)).toEqual([{ code: 'bad_header', line: 1, column: undefined }])
    expect(parsed.issues[0]?.message).toContain(says)
    expect(parsed.value).toEqual([])
  })

  it.each([
    ['a code starting with "-", which a spreadsheet would run as a formula', '-2-1,Name,,outcome,count,,increase,,month,,,,', 'bad_code', 'code'],
    ['another code starting with "-"', '-a1-b2,Name,,outcome,count,,increase,,month,,,,', 'bad_code', 'code'],
    ['a target near the largest float', 'm,Name,,outcome,count,,increase,1.7e308,month,,,,', 'out_of_range', 'target'],
    ['a subnormal target (its chart sent the tick loop on until V8 aborted)', 'm,Name,,outcome,count,,increase,4.4e-323,month,,,,', 'out_of_range', 'target'],
    ['a subnormal target for a proportion', 'm,Name,,outcome,proportion,,increase,4.4e-323,month,,,,', 'out_of_range', 'target'],
    ['a rate multiplier above 1e15', 'm,Name,,outcome,rate,1e16,increase,,month,,,,', 'out_of_range', 'rate_multiplier'],
    ['a NUL in a name', 'm,Na\u0000me,,outcome,count,,increase,,month,,,,', 'bad_character', 'name'],
    ['a NUL in a description', 'm,Name,"two\nlines\u0000",outcome,count,,increase,,month,,,,', 'bad_character', 'description'],
    ['a bell in a numerator definition', 'm,Name,,outcome,count,,increase,,month,,a\u0007b,,', 'bad_character', 'numerator_definition'],
    ['an escape in a denominator definition', 'm,Name,,outcome,count,,increase,,month,,,\u001B[0m,', 'bad_character', 'denominator_definition'],
    ['a NUL in a unit', 'm,Name,,outcome,count,,increase,,month,,,,days\u0000', 'bad_character', 'unit'],
  ])('reports %s', (_name, row, code, column) => {
    const parsed = parseMeasuresCsv(`${HEADER}\nok,Fine,,process,count,,neutral,,week,,,,\n${row}\n`, 'm.csv')
    expect(where(parsed)).toEqual([{ code, line: 3, column }])
    expect(parsed.value.map((m) => m.code)).toEqual(['ok'])
  })

  it('says what a code must start with, and what range a number must be in', () => {
    const parsed = parseMeasuresCsv(`${HEADER}\n-a1-b2,Name,,outcome,count,,increase,4.4e-323,month,,,,\n`, 'm.csv')
    expect(parsed.issues.map((i) => i.message)).toEqual([
      'm.csv:2:code: "-a1-b2" is not a valid measure code (expected a code of 1–64 lowercase letters, digits and hyphens that starts with a letter or digit, such as bp-control).',
      'm.csv:2:target: target "4.4e-323" is too close to 0 to store (expected a number between -1e15 and 1e15, and not smaller than 1e-300 in size unless it is 0).',
    ])
  })

  it('keeps tabs and line breaks in free text, and a code that only contains a hyphen', () => {
    const parsed = parseMeasuresCsv(`${HEADER}\na-1,"Name\twith tab","line one\r\nline two",outcome,count,,increase,0,month,,,,\n`, 'm.csv')
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]).toMatchObject({ code: 'a-1', name: 'Name\twith tab', description: 'line one\r\nline two', target: 0 })
  })

  it('quotes at most 100 characters of a 1 MB cell in a message', () => {
    const parsed = parseMeasuresCsv(`${HEADER}\nm,Name,,outcome,count,,increase,${'='.repeat(1_048_576)},month,,,,\n`, 'm.csv')
    expect(where(parsed)).toEqual([{ code: 'not_a_number', line: 2, column: 'target' }])
    expect(parsed.issues[0]?.message.length).toBeLessThan(300)
    expect(parsed.issues[0]?.message).toContain('…" (1,048,576 characters) is not a number')
  })

  it('reports an empty file', () => {
    expect(where(parseMeasuresCsv(`${HEADER}\n`, 'm.csv'))).toEqual([{ code: 'empty_file', line: undefined, column: undefined }])
  })
})
