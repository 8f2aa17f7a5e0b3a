// Hostile input for the measure JSON reader: any bytes, any JSON, wrong types, deep nesting, huge
// files and numbers out of range give issues, never an exception; free text is kept as written.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineCount } from '../../test/fuzz/csv-text.ts'
import { expectValidMeasures } from '../../test/fuzz/domain-checks.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { formulaText, hostileText, markupText } from '../../test/fuzz/hostile-text.ts'
import { expectWellFormedIssues, ISSUE_CODES } from '../../test/fuzz/issue-checks.ts'
import { MEASURE_COLUMNS, MEASURE_TEXT_FIELDS, validMeasures } from '../../test/fuzz/measure-files.ts'
import type { Parsed } from '../core/issues.ts'
import type { Measure } from '../core/model.ts'
import { ISSUE_LIMIT } from './issue-collector.ts'
import { parseMeasuresJson } from './parse-measures-json.ts'

const FILE = 'measures.json'
const FIELDS = Object.keys(MEASURE_COLUMNS) as (keyof Measure)[]

function parseChecked(input: string | Uint8Array): Parsed<Measure[]> {
  const parsed = parseMeasuresJson(input, FILE)
  expectWellFormedIssues(parsed.issues, { file: FILE, lines: lineCount(input), codes: ISSUE_CODES.measuresJson })
  expectValidMeasures(parsed.value)
  return parsed
}

/** The file as a list or as `{ "measures": [...] }`, and the JSON path of item `i`. */
const layout = fc.constantFrom(
  { wrap: (items: unknown[]): unknown => items, path: (i: number) => `[${i}]` },
  { wrap: (items: unknown[]): unknown => ({ measures: items }), path: (i: number) => `measures[${i}]` },
)

/** Any JSON value, objects with measure keys and hostile strings included. */
const anyJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), hostileText, formulaText),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS, 'measures', '__proto__', 'constructor', 'toString'), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
  ),
})).value

describe('parseMeasuresJson under hostile input', () => {
  it('reads any bytes or any text without throwing', () => {
    const input = fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 500 }), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ':', ',', '1', 'e', '\\', 'u', '\n', '\uFEFF'), maxLength: 200 }))
    fc.assert(fc.property(input, (i) => void parseChecked(i)), fuzzParameters())
  })

  it('reads any JSON value, at the top, as the list or as an item, without throwing and without touching Object.prototype', () => {
    fc.assert(
      fc.property(anyJson, fc.constantFrom('top', 'list', 'item'), (value, where) => {
        const data = where === 'top' ? value : where === 'list' ? { measures: value } : [value]
        parseChecked(JSON.stringify(data))
        expect(Object.prototype).not.toHaveProperty('code')
      }),
      fuzzParameters(),
    )
  })

  it('reads valid files back exactly, formulas and markup in the free text kept verbatim (trimmed) and never evaluated', () => {
    fc.assert(
      fc.property(validMeasures, layout, fc.boolean(), fc.boolean(), (measures, { wrap }, bom, numbersAsText) => {
        const items = measures.map((m) => (numbersAsText ? { ...m, rateMultiplier: m.rateMultiplier === null ? null : String(m.rateMultiplier), target: m.target === null ? null : String(m.target) } : m))
        const parsed = parseChecked(new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${JSON.stringify(wrap(items), null, 2)}`))
        expect(parsed.issues).toEqual([])
        expect(parsed.value).toEqual(measures)
      }),
      fuzzParameters(),
    )
  })

  it('rejects a value of the wrong type in any field with an error at its JSON path', () => {
    const field = fc.constantFrom(...FIELDS.filter((f) => !(MEASURE_TEXT_FIELDS as readonly string[]).includes(f) || f === 'name'))
    // JSON.stringify writes Infinity as null, so numbers out of range go in as text.
    const wrong = fc.oneof(fc.boolean(), fc.array(anyJson, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), anyJson, { maxKeys: 3 }), fc.constantFrom('RAW:1e400', 'RAW:-1e400'))
    fc.assert(
      fc.property(validMeasures, layout, field, wrong, (measures, { wrap, path }, key, value) => {
        const items: Record<string, unknown>[] = measures.map((m) => ({ ...m }))
        items[0]![key] = value
        const parsed = parseChecked(JSON.stringify(wrap(items)).replace(/"RAW:([^"]*)"/g, '$1'))
        expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', column: `${path(0)}.${key}` }))
        expect(parsed.value.map((m) => m.code)).toEqual(measures.slice(1).map((m) => m.code))
      }),
      fuzzParameters(),
    )
  })

  it('reads JSON nested 10,000 deep wherever it is put, without throwing', () => {
    const places = ['top', 'list', 'item', 'field', 'unknown field'] as const
    const opens = ['[', '{"a":'] as const
    const cases = places.flatMap((place) => opens.map((open) => [place, open] as const))
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 10_000, max: 12_000 }), ([place, open], depth) => {
        const close = open === '[' ? ']' : '}'
        const deep = `${open.repeat(depth)}${open === '[' ? '' : '1'}${close.repeat(depth)}`
        const valid = JSON.stringify({ code: 'a', name: 'A', type: 'process', kind: 'count', direction: 'increase', period: 'week' })
        const text = { top: deep, list: `{"measures":${deep}}`, item: `[${deep}]`, field: `[${valid.slice(0, -1)},"unit":${deep}}]`, 'unknown field': `[${valid.slice(0, -1)},"extra":${deep}}]` }[place]
        const parsed = parseChecked(text)
        expect(parsed.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0)
      }),
      fuzzParameters(0.05),
    )
  })

  it('reads huge files: a 1 MB description is kept, thousands of bad items are capped at the issue limit', () => {
    fc.assert(
      fc.property(validMeasures, fc.integer({ min: 1_000_000, max: 1_100_000 }), fc.integer({ min: ISSUE_LIMIT, max: 5_000 }), (measures, size, count) => {
        const description = 'd'.repeat(size)
        expect(parseChecked(JSON.stringify([{ ...measures[0], description }])).value[0]?.description).toBe(description)
        const capped = parseChecked(JSON.stringify(Array.from({ length: count }, (_, i) => i)))
        expect(capped.issues).toHaveLength(count > ISSUE_LIMIT ? ISSUE_LIMIT + 1 : ISSUE_LIMIT)
      }),
      fuzzParameters(0.05, 3),
    )
  })

  it('keeps markup and formulas in a description exactly as written, and rejects them as a code', () => {
    fc.assert(
      fc.property(validMeasures, fc.oneof(formulaText, markupText), (measures, text) => {
        const parsed = parseChecked(JSON.stringify([{ ...measures[0], description: text }, { ...measures[0], code: text }]))
        expect(parsed.value[0]?.description).toBe(text.trim())
        expect(parsed.issues).toContainEqual(expect.objectContaining({ code: 'bad_code', column: '[1].code' }))
      }),
      fuzzParameters(),
    )
  })
})
