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
