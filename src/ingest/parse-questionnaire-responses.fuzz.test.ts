// Hostile input for the FHIR QuestionnaireResponse reader: any bytes, any JSON in any place, wrong
// types, deep nesting and huge values give issues, never an exception, and never a bad insight.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineCount } from '../../test/fuzz/csv-text.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { formulaText, hostileText, markupText } from '../../test/fuzz/hostile-text.ts'
import { expectWellFormedIssues } from '../../test/fuzz/issue-checks.ts'
import type { InsightInput } from '../core/insight/model.ts'
import type { Parsed } from '../core/issues.ts'
import { INSIGHT_ISSUE_CODES, validInsights } from './insight-fuzz-cases.ts'
import type { InsightCase } from './insight-fuzz-cases.ts'
import { FEEDBACK_LINK_IDS as LINK, FFT_ANSWER_SYSTEM } from './insight-questionnaire.ts'
import { insightProblems, insightTestOptions } from './insight-test-context.ts'
import { parseQuestionnaireResponses } from './parse-questionnaire-responses.ts'

const options = insightTestOptions('hostile.json')
type Json = Record<string, unknown>

function parseChecked(input: string | Uint8Array): Parsed<InsightInput[]> {
  const parsed = parseQuestionnaireResponses(input, options)
  expectWellFormedIssues(parsed.issues, { file: options.file, lines: lineCount(input), codes: INSIGHT_ISSUE_CODES.fhir })
  for (const insight of parsed.value) expect(insightProblems(insight, options, 'import_fhir'), JSON.stringify(insight).slice(0, 300)).toEqual([])
  return parsed
}

/** How a valid case is written as answers: which value types, whether the groups are nested, and the time of day. */
interface Writing {
  readonly integers: boolean
  readonly codings: boolean
  readonly nested: boolean
  readonly time: string
}

const writing: fc.Arbitrary<Writing> = fc.record({ integers: fc.boolean(), codings: fc.boolean(), nested: fc.boolean(), time: fc.constantFrom('', 'T00:00:00Z', 'T23:59:59.5+14:00', 'T12:30:00-11:00') })

function answer(linkId: string, value: Json | undefined): Json[] {
  return value === undefined ? [] : [{ linkId, answer: [value] }]
}

/** A QuestionnaireResponse that must read back as `c.expected`. */
function responseOf(c: InsightCase, how: Writing): Json {
  const [text, date, site, source, , ageBand, ethnicity, sex, imd, tags] = c.fields as string[]
  const label = (written: string | undefined): Json | undefined => (written ? (how.codings ? { valueCoding: { code: 'x', display: written } } : { valueString: written }) : undefined)
  const score = c.expected.fft
  const groups = [
    ...answer(LINK.ageBand, label(ageBand)),
    ...answer(LINK.ethnicity, label(ethnicity)),
    ...answer(LINK.sex, label(sex)),
    ...answer(LINK.imdQuintile, imd ? (how.integers ? { valueInteger: Number(imd) } : { valueString: imd }) : undefined),
  ]
  const item = [
    ...answer(LINK.comment, { valueString: text }),
    ...answer(LINK.fft, score === null ? undefined : how.integers ? { valueInteger: score } : { valueCoding: { system: FFT_ANSWER_SYSTEM, code: String(score) } }),
    ...answer(LINK.site, site ? { valueString: site } : undefined),
    ...answer(LINK.sourceType, source ? { valueCoding: { code: source } } : undefined),
    ...(how.nested ? [{ linkId: 'about-you', item: groups }] : groups),
    ...(tags ? [{ linkId: LINK.tags, answer: [{ valueString: tags }] }] : []),
  ]
  return { resourceType: 'QuestionnaireResponse', status: 'completed', authored: `${date}${how.time}`, item }
}

const validResponses = fc.tuple(validInsights(options, 'import_fhir'), fc.array(writing, { minLength: 8, maxLength: 8 })).map(([cases, hows]) => ({
  cases,
  resources: cases.map((c, i) => responseOf(c, hows[i % hows.length]!)),
}))

const FHIR_KEYS = [
  'resourceType', 'type', 'entry', 'resource', 'request', 'method', 'url', 'status', 'authored', 'item', 'linkId', 'answer', 'valueString', 'valueCoding',
  'valueInteger', 'valueBoolean', 'code', 'system', 'display', 'subject', 'questionnaire', 'modifierExtension', 'text', '__proto__', 'constructor', 'toString',
] as const
const FHIR_WORDS = ['QuestionnaireResponse', 'Bundle', 'Patient', 'collection', 'transaction', 'searchset', 'completed', 'in-progress', 'POST', 'DELETE', ...Object.values(LINK), '2025-01-02', '1', FFT_ANSWER_SYSTEM] as const

/** Any JSON value, objects with FHIR keys and hostile strings included. */
const anyJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 9 }), hostileText, formulaText, markupText, fc.constantFrom(...FHIR_WORDS)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FHIR_KEYS), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
  ),
})).value

/** A valid response with `value` put in one place of it. */
function withHostile(resource: Json, value: unknown, place: number): Json {
  const item: unknown[] = Array.isArray(resource.item) ? resource.item : []
  const comment: unknown = item[0]
  switch (place % 7) {
    case 0: return { ...resource, status: value }
    case 1: return { ...resource, authored: value }
    case 2: return { ...resource, item: value }
    case 3: return { ...resource, item: [...item, value] }
    case 4: return { ...resource, item: [{ ...(comment as Json), answer: [value] }, ...item.slice(1)] }
    case 5: return { ...resource, item: [{ ...(comment as Json), answer: [{ valueString: value }] }, ...item.slice(1)] }
    default: return { ...resource, item: [...item, { linkId: LINK.fft, answer: [{ valueCoding: value }] }] }
  }
}

const ENTRY = /^entry\[(\d+)\]/

/** Each entry became an insight, or has an error or a warning saying it was skipped, on its own path. */
function expectEveryEntryAccounted(parsed: Parsed<InsightInput[]>, entries: number): void {
  const skipped = new Set(
    parsed.issues.filter((i) => i.severity === 'error' || i.code === 'ignored_resource' || i.code === 'not_imported').map((i) => Number(ENTRY.exec(i.column ?? '')?.[1] ?? Number.NaN)),
  )
  expect(skipped.has(Number.NaN), 'every error names its entry').toBe(false)
  expect(parsed.value).toHaveLength(entries - skipped.size)
}

describe('parseQuestionnaireResponses under hostile input', () => {
  it('reads any bytes or any text without throwing', () => {
    const input = fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 500 }), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ':', ',', '1', 'e', '\\', 'u', '\n', '\r', '\uFEFF'), maxLength: 200 }))
    fc.assert(fc.property(input, (i) => void parseChecked(i)), fuzzParameters())
  })

  it('reads any JSON value as the file, an entry, a resource or an NDJSON line without throwing or touching Object.prototype', () => {
    fc.assert(
      fc.property(anyJson, fc.constantFrom('top', 'entry', 'resource', 'ndjson'), (value, where) => {
        const text =
          where === 'top' ? JSON.stringify(value)
            : where === 'ndjson' ? `${JSON.stringify({ resourceType: 'Patient' })}\n${JSON.stringify(value) ?? 'null'}`
              : JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [where === 'entry' ? value : { resource: value }] })
        parseChecked(text ?? 'null')
        expect(Object.prototype).not.toHaveProperty('linkId')
      }),
      fuzzParameters(),
    )
  })

  it('reads valid responses back exactly, as a collection, a transaction or NDJSON, nested or flat, however the answers are typed', () => {
    fc.assert(
      fc.property(validResponses, fc.constantFrom('collection', 'transaction', 'ndjson'), ({ cases, resources }, layout) => {
        const text =
          layout === 'ndjson' ? resources.map((r) => JSON.stringify(r)).join('\n')
            : JSON.stringify({ resourceType: 'Bundle', type: layout, entry: resources.map((resource) => ({ resource, ...(layout === 'transaction' ? { request: { method: 'POST', url: 'QuestionnaireResponse' } } : {}) })) })
        const parsed = parseChecked(text)
        expect(parsed.issues).toEqual([])
        expect(parsed.value).toEqual(cases.map((c) => c.expected))
      }),
      fuzzParameters(),
    )
  })

  it('turns hostile JSON in any part of a response into issues on that entry, keeping the other entries', () => {
    fc.assert(
      fc.property(validResponses, fc.array(fc.tuple(fc.nat(), anyJson, fc.nat()), { maxLength: 4 }), ({ resources }, damage) => {
        const entries = [...resources]
        for (const [at, value, place] of damage) entries[at % entries.length] = withHostile(entries[at % entries.length]!, value, place)
        const parsed = parseChecked(JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries.map((resource) => ({ resource })) }))
        expectEveryEntryAccounted(parsed, entries.length)
      }),
      fuzzParameters(),
    )
  })

  it('reads items nested thousands deep and megabyte values without throwing, and quotes them briefly', () => {
    const huge = fc.tuple(fc.constantFrom('x', '\u202E', '"', '\n', '\u{1F469}'), fc.integer({ min: 300_000, max: 600_000 })).map(([c, n]) => c.repeat(n))
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 5000 }), huge, fc.constantFrom('comment', 'linkId', 'status'), (depth, big, where) => {
        // Written by hand: JSON.stringify itself overflows the stack on an object nested thousands deep.
        const deep = `${'{"linkId":"group","item":['.repeat(depth)}{"linkId":"tags","answer":[{"valueString":"deep"}]}${']}'.repeat(depth)}`
        const comment = JSON.stringify({ linkId: where === 'linkId' ? big : LINK.comment, answer: [{ valueString: where === 'comment' ? big : 'A comment' }] })
        const status = JSON.stringify(where === 'status' ? big : 'completed')
        const text = `{"resourceType":"QuestionnaireResponse","status":${status},"authored":"2025-01-02","item":[${comment},${deep}]}`
        const parsed = parseChecked(text)
        expect(parsed.issues).toContainEqual(expect.objectContaining({ code: 'too_deep' }))
        expect(parsed.value).toEqual([])
        for (const issue of parsed.issues) expect(issue.message.length, issue.code).toBeLessThan(1500)
      }),
      fuzzParameters(0.05, 3),
    )
  })
})
