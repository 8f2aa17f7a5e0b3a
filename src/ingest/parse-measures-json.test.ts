import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { parseMeasuresJson } from './parse-measures-json.ts'

const admissions = { code: 'admissions', name: 'Admissions', type: 'process', kind: 'count', direction: 'neutral', period: 'week' }

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined }[] {
  return parsed.issues.map(({ code, line, column }) => ({ code, line, column }))
}

describe('parseMeasuresJson', () => {
  it('reads an array, filling in the optional fields', () => {
    const parsed = parseMeasuresJson(JSON.stringify([admissions]), 'm.json')
    expect(parsed).toEqual({
      value: [{ ...admissions, description: '', rateMultiplier: null, target: null, defaultChart: 'xmr', numeratorDefinition: null, denominatorDefinition: null, unit: null }],
      issues: [],
    })
  })

  it('reads { "measures": [...] } with every field given', () => {
    const full = { ...admissions, code: 'falls', kind: 'rate', rateMultiplier: 1000, target: 4.5, description: 'd', defaultChart: 'xmr', numeratorDefinition: 'n', denominatorDefinition: null, unit: 'per 1,000 bed days' }
    const parsed = parseMeasuresJson(new TextEncoder().encode(`\uFEFF${JSON.stringify({ measures: [full] })}`), 'm.json')
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]).toEqual({ ...full, denominatorDefinition: null })
  })

  it.each([
    ['bad_code', { code: 'Falls' }, 'measures[1].code'],
    ['missing_value', { name: undefined }, 'measures[1].name'],
    ['wrong_type', { name: 42 }, 'measures[1].name'],
    ['wrong_type', { target: true }, 'measures[1].target'],
    ['invalid_choice', { kind: 'ratio' }, 'measures[1].kind'],
    ['not_a_number', { target: 'high' }, 'measures[1].target'],
    ['missing_value', { kind: 'rate' }, 'measures[1].rateMultiplier'],
    ['not_positive', { kind: 'rate', rateMultiplier: -1 }, 'measures[1].rateMultiplier'],
    ['out_of_range', { kind: 'proportion', target: 90 }, 'measures[1].target'],
    ['unknown_field', { colour: 'red' }, 'measures[1].colour'],
    ['duplicate_code', { code: 'admissions' }, 'measures[1].code'],
  ])('reports %s for %j at %s', (code, change, column) => {
    const second = { ...admissions, code: 'second', ...change }
    const parsed = parseMeasuresJson(JSON.stringify({ measures: [admissions, second] }), 'm.json')
    expect(where(parsed)).toEqual([{ code, line: undefined, column }])
    expect(parsed.value.map((m) => m.code)).toEqual(['admissions'])
  })

  it('writes the JSON path into the message', () => {
    const parsed = parseMeasuresJson(JSON.stringify([{ ...admissions, period: 'fortnight' }]), 'm.json')
    expect(parsed.issues[0]?.message).toBe('m.json:[0].period: "fortnight" is not a period (expected one of day, week, month, quarter).')
  })

  it.each([
    ['an item that is not an object', '[1]', 'wrong_type', '[0]'],
    ['a number', '42', 'wrong_type', undefined],
    ['an object without measures', '{"items": []}', 'wrong_type', undefined],
    ['an empty list', '[]', 'empty_file', undefined],
  ])('reports %s', (_name, text, code, column) => {
    expect(where(parseMeasuresJson(text, 'm.json'))).toEqual([{ code, line: undefined, column }])
  })

  it.each([
    ['a code starting with "-"', { code: '-2-1' }, 'bad_code', 'measures[1].code'],
    ['a subnormal target (its chart sent the tick loop on until V8 aborted)', { target: 4.4e-323 }, 'out_of_range', 'measures[1].target'],
    ['a target near the largest float', { target: 1.7e308 }, 'out_of_range', 'measures[1].target'],
    ['a negative target beyond -1e15', { target: '-2e15' }, 'out_of_range', 'measures[1].target'],
    ['a subnormal rate multiplier', { kind: 'rate', rateMultiplier: 5e-324 }, 'out_of_range', 'measures[1].rateMultiplier'],
    ['a NUL in a name', { name: 'Na\u0000me' }, 'bad_character', 'measures[1].name'],
    ['a NUL in a description', { description: 'd\u0000' }, 'bad_character', 'measures[1].description'],
    ['a NUL in a definition', { numeratorDefinition: '\u0000' }, 'bad_character', 'measures[1].numeratorDefinition'],
    ['a control character in a unit', { unit: 'days\u0008' }, 'bad_character', 'measures[1].unit'],
    ['a lone high surrogate in a name (it was stored as U+FFFD)', { name: 'Falls \uD83D' }, 'bad_character', 'measures[1].name'],
    ['a lone low surrogate in a description', { description: '\uDE00 after' }, 'bad_character', 'measures[1].description'],
  ])('reports %s', (_name, change, code, column) => {
    const second = { ...admissions, code: 'second', ...change }
    const parsed = parseMeasuresJson(JSON.stringify({ measures: [admissions, second] }), 'm.json')
    expect(where(parsed)).toEqual([{ code, line: undefined, column }])
    expect(parsed.value.map((m) => m.code)).toEqual(['admissions'])
  })

  it('names the lone surrogate and where it is, escaped in the message', () => {
    const parsed = parseMeasuresJson('[{"code":"a","name":"Falls \\ud83d","type":"process","kind":"count","direction":"neutral","period":"week"}]', 'm.json')
    expect(parsed.issues).toMatchObject([{ code: 'bad_character', column: '[0].name', value: 'Falls \uD83D' }])
    expect(parsed.issues[0]?.message).toBe(
      'm.json:[0].name: name "Falls \\ud83d" contains a lone surrogate (U+D83D, half of a character cut in two) at character 7 (expected text without control characters (tabs and line breaks are fine) and without lone surrogates).',
    )
  })

  it('keeps a character made of a surrogate pair, and tabs and line breaks in a description', () => {
    const parsed = parseMeasuresJson(JSON.stringify([{ ...admissions, name: 'Falls \u{1F4C8}', description: 'one\ttwo\r\nthree' }]), 'm.json')
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]).toMatchObject({ name: 'Falls \u{1F4C8}', description: 'one\ttwo\r\nthree' })
  })

  it.each([
    ['a field', (deep: string) => `[{"code":"a","name":"A","type":"process","kind":"count","direction":"neutral","period":"week","unit":${deep}}]`, '[0].unit'],
    ['a number field', (deep: string) => `[{"code":"a","name":"A","type":"process","kind":"count","direction":"neutral","period":"week","target":${deep}}]`, '[0].target'],
    ['an item', (deep: string) => `[${deep}]`, '[0]'],
    ['the list', (deep: string) => `{"measures":[${deep}]}`, 'measures[0]'],
  ])('quotes a value nested 4,100 deep in %s a few levels deep instead of throwing RangeError', (_name, place, column) => {
    const deep = `${'['.repeat(4_100)}${']'.repeat(4_100)}`
    const parsed = parseMeasuresJson(place(deep), 'm.json')
    expect(where(parsed)).toEqual([{ code: 'wrong_type', line: undefined, column }])
    expect(parsed.issues[0]?.message).toContain('[[[[…]]]]')
    expect(parsed.issues[0]?.value).toBe('[[[[…]]]]')
  })

  it('quotes a huge top-level value or a huge item in at most about 80 characters', () => {
    const text = parseMeasuresJson(JSON.stringify('x'.repeat(1_048_576)), 'm.json')
    expect(text.issues[0]?.message.length).toBeLessThan(300)
    const keys = parseMeasuresJson(JSON.stringify(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]))), 'm.json')
    expect(keys.issues[0]?.message).toContain('"k9", … (5,000 keys)')
    expect(keys.issues[0]?.message.length).toBeLessThan(300)
    const item = parseMeasuresJson(JSON.stringify([Array.from({ length: 100_000 }, (_, i) => i)]), 'm.json')
    expect(item.issues[0]?.value).toMatch(/^\[0,1,2,.*…$/)
    expect(item.issues[0]?.value?.length).toBeLessThanOrEqual(81)
  })

  it('reports malformed JSON once, with the line of the parser position', () => {
    const parsed = parseMeasuresJson('[\n  {"code": "a",\n   "name" "b"}\n]', 'm.json')
    expect(where(parsed)).toEqual([{ code: 'bad_json', line: 3, column: undefined }])
    expect(parsed.issues[0]?.message).toContain('at line 3, character 11')
    expect(parsed.value).toEqual([])
  })

  it('reports a file cut short at its last line', () => {
    const parsed = parseMeasuresJson('[\n  {"code": "a"', 'm.json')
    expect(where(parsed)).toEqual([{ code: 'bad_json', line: 2, column: undefined }])
  })
})
