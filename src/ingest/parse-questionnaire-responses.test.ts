import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Parsed } from '../core/issues.ts'
import { INSIGHT_TODAY, insightTestOptions } from './insight-test-context.ts'
import { FFT_ANSWER_SYSTEM, IMD_QUINTILE_SYSTEM, INSIGHT_SOURCE_SYSTEM } from './insight-questionnaire.ts'
import { parseQuestionnaireResponses } from './parse-questionnaire-responses.ts'

const options = insightTestOptions('feedback.json')
type Json = Record<string, unknown>

/** A completed response with a comment, and `items` after it. */
function response(items: Json[] = [], fields: Json = {}): Json {
  return { resourceType: 'QuestionnaireResponse', status: 'completed', authored: '2025-03-04T10:00:00+01:00', item: [{ linkId: 'comment', answer: [{ valueString: 'A comment' }] }, ...items], ...fields }
}

function answer(linkId: string, ...answers: Json[]): Json {
  return { linkId, answer: answers }
}

function bundle(resources: unknown[], type = 'collection', entry: (resource: unknown) => Json = (resource) => ({ resource })): string {
  return JSON.stringify({ resourceType: 'Bundle', type, entry: resources.map(entry) })
}

function parse(resources: unknown[]): Parsed<ReturnType<typeof parseQuestionnaireResponses>['value']> {
  return parseQuestionnaireResponses(bundle(resources), options)
}

function where(parsed: Parsed<unknown>): { severity: string; code: string; line: number | undefined; column: string | undefined }[] {
  return parsed.issues.map(({ severity, code, line, column }) => ({ severity, code, line, column }))
}

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/insight/${name}`, import.meta.url))

describe('parseQuestionnaireResponses: valid files', () => {
  it('reads the example collection Bundle: nested groups walked, narrative ignored, subject dropped with a warning', () => {
    const parsed = parseQuestionnaireResponses(fixture('feedback-bundle.json'), options)
    expect(where(parsed)).toEqual([{ severity: 'warning', code: 'ignored_value', line: undefined, column: 'entry[1].subject' }])
    expect(parsed.value).toEqual([
      {
        source: 'carer', collectedVia: 'import_fhir', date: '2025-03-03', site: 'A81001', fft: 1,
        groups: { age_band: '40-59', ethnicity: 'Indian or British Indian', sex: 'Male', imd_quintile: '1' },
        text: 'The pharmacist rang me back the same day.', tags: ['pharmacy', 'phone'],
      },
      { source: 'patient', collectedVia: 'import_fhir', date: '2025-03-04', site: null, fft: 4, groups: {}, text: 'Parking was full again.', tags: [] },
    ])
    expect(JSON.stringify(parsed)).not.toContain('A. Person')
    expect(JSON.stringify(parsed)).not.toContain('Narrative')
  })

  it('reads the example NDJSON, skipping an in-progress response with a warning on its line', () => {
    const parsed = parseQuestionnaireResponses(fixture('feedback.ndjson'), insightTestOptions('feedback.ndjson'))
    expect(where(parsed)).toEqual([{ severity: 'warning', code: 'not_imported', line: 2, column: 'status' }])
    expect(parsed.value.map((i) => [i.date, i.fft, i.site, i.text])).toEqual([
      ['2025-03-03', 2, null, 'Friendly reception staff.'],
      ['2025-03-04', 5, 'A81002', 'Nobody answered the phone.'],
    ])
  })

  it('reads a transaction Bundle whose entries create (POST) or update (PUT), and one resource on its own', () => {
    const requests = [{ method: 'POST', url: 'QuestionnaireResponse' }, { method: 'PUT', url: 'QuestionnaireResponse/r2' }]
    let i = 0
    const transaction = bundle([response(), response()], 'transaction', (resource) => ({ resource, request: requests[i++] }))
    expect(parseQuestionnaireResponses(transaction, options)).toMatchObject({ issues: [], value: [{ text: 'A comment' }, { text: 'A comment' }] })
    expect(parseQuestionnaireResponses(JSON.stringify(response()), options)).toMatchObject({ issues: [], value: [{ collectedVia: 'import_fhir' }] })
  })

  it('reads every kind of answer each question accepts', () => {
    const parsed = parse([
      response([
        answer('fft', { valueInteger: 6 }),
        answer('site', { valueString: ' A81002 ' }),
        answer('source-type', { valueCoding: { code: 'Staff' } }),
        { linkId: 'about-you', item: [answer('age-band', { valueCoding: { code: '80+' } }), answer('sex', { valueCoding: { code: 'F', display: '' } }), answer('imd-quintile', { valueInteger: 3 })] },
        answer('ethnicity', { valueString: 'White' }),
        answer('tags', { valueCoding: { display: 'access' } }, { valueString: 'parking, access' }),
      ]),
      response([answer('fft', { valueCoding: { code: '3' } }), answer('imd-quintile', { valueString: '5' })], { status: 'amended', authored: '2025-06-01T23:59:59.123-11:00' }),
      response([answer('imd-quintile', { valueCoding: { system: IMD_QUINTILE_SYSTEM, code: '4', display: '4' } }), answer('source-type', { valueCoding: { system: INSIGHT_SOURCE_SYSTEM, code: 'community' } })], { authored: '2000-01-01' }),
    ])
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual([
      { source: 'staff', collectedVia: 'import_fhir', date: '2025-03-04', site: 'A81002', fft: 6, groups: { age_band: '80+', ethnicity: 'White', sex: 'F', imd_quintile: '3' }, text: 'A comment', tags: ['access', 'parking'] },
      { source: 'patient', collectedVia: 'import_fhir', date: INSIGHT_TODAY, site: null, fft: 3, groups: { imd_quintile: '5' }, text: 'A comment', tags: [] },
      { source: 'community', collectedVia: 'import_fhir', date: '2000-01-01', site: null, fft: null, groups: { imd_quintile: '4' }, text: 'A comment', tags: [] },
    ])
  })

  it('walks questions nested under answers, and takes a blank source from the defaultSource option', () => {
    const nested = { linkId: 'fft', answer: [{ valueInteger: 2, item: [answer('comment', { valueString: 'Why: quick' })] }] }
    const parsed = parseQuestionnaireResponses(bundle([{ ...response(), item: [nested] }]), { ...options, defaultSource: 'staff' })
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toMatchObject([{ fft: 2, text: 'Why: quick', source: 'staff' }])
  })

  it('keeps texts as written (trimmed): the caller redacts them before storage', () => {
    const text = 'Call me on 07700 900123, NHS number 999 000 0026.'
    const parsed = parse([{ ...response(), item: [answer('comment', { valueString: `  ${text}\n` })] }])
    expect(parsed.value[0]?.text).toBe(text)
  })
})

describe('parseQuestionnaireResponses: the rules for each response', () => {
  it.each([
    ['no status', { status: undefined }, 'missing_value', 'entry[0].status'],
    ['an unknown status', { status: 'done' }, 'invalid_choice', 'entry[0].status'],
    ['a status that is not text', { status: 1 }, 'invalid_choice', 'entry[0].status'],
    ['no authored date', { authored: undefined }, 'missing_value', 'entry[0].authored'],
    ['authored as a number', { authored: 20250304 }, 'wrong_type', 'entry[0].authored'],
    ['authored with only a month', { authored: '2025-03' }, 'bad_date', 'entry[0].authored'],
    ['authored with a time but no zone', { authored: '2025-03-04T10:00:00' }, 'bad_date', 'entry[0].authored'],
    ['authored on a day that does not exist', { authored: '2025-02-29T10:00:00Z' }, 'bad_date', 'entry[0].authored'],
    ['authored before 2000', { authored: '1999-12-31T23:59:59Z' }, 'out_of_range', 'entry[0].authored'],
    ['authored after today', { authored: '2025-06-02' }, 'out_of_range', 'entry[0].authored'],
    ['a modifierExtension', { modifierExtension: [{ url: 'https://example.org/x', valueBoolean: true }] }, 'modifier_extension', 'entry[0].modifierExtension'],
    ['no items', { item: undefined }, 'missing_value', 'entry[0].item[comment]'],
    ['items that are not a list', { item: { linkId: 'comment' } }, 'wrong_type', 'entry[0].item'],
  ])('reports %s', (_name, fields, code, column) => {
    const parsed = parse([response([], fields), response()])
    expect(where(parsed).filter((i) => i.severity === 'error')).toContainEqual({ severity: 'error', code, line: undefined, column })
    expect(parsed.value).toHaveLength(1)
  })

  it.each([
    ['no comment', [answer('fft', { valueInteger: 1 })], 'missing_value', 'entry[0].item[comment]'],
    ['a blank comment', [answer('comment', { valueString: ' \n ' })], 'missing_value', 'entry[0].item[comment]'],
    ['a comment of the wrong type', [answer('comment', { valueInteger: 5 })], 'wrong_type', 'entry[0].item[comment]'],
    ['a valueString that is not text', [answer('comment', { valueString: ['A'] })], 'wrong_type', 'entry[0].item[comment]'],
    ['a comment of 20,001 characters', [answer('comment', { valueString: 'x'.repeat(20_001) })], 'too_long', 'entry[0].item[comment]'],
    ['a NUL in the comment', [answer('comment', { valueString: 'a\u0000b' })], 'bad_character', 'entry[0].item[comment]'],
    ['two comments', [answer('comment', { valueString: 'A' }, { valueString: 'B' })], 'duplicate_answer', 'entry[0].item[comment]'],
  ])('reports %s', (_name, items, code, column) => {
    const parsed = parse([{ ...response(), item: items }])
    expect(where(parsed)).toEqual([{ severity: 'error', code, line: undefined, column }])
    expect(parsed.value).toEqual([])
  })

  it.each([
    ['fft as text', answer('fft', { valueString: 'Good' }), 'wrong_type', 'fft'],
    ['fft code 7', answer('fft', { valueCoding: { system: FFT_ANSWER_SYSTEM, code: '7' } }), 'invalid_choice', 'fft'],
    ['fft coding without a code', answer('fft', { valueCoding: { display: 'Good' } }), 'invalid_choice', 'fft'],
    ['fft from another code system', answer('fft', { valueCoding: { system: 'http://example.org/old-fft', code: '1' } }), 'invalid_choice', 'fft'],
    ['fft integer 0', answer('fft', { valueInteger: 0 }), 'invalid_choice', 'fft'],
    ['fft integer 2.5', answer('fft', { valueInteger: 2.5 }), 'wrong_type', 'fft'],
    ['a coding whose code is a number', answer('fft', { valueCoding: { code: 1 } }), 'wrong_type', 'fft'],
    ['a coding that is text', answer('fft', { valueCoding: '1' }), 'wrong_type', 'fft'],
    ['two fft answers', answer('fft', { valueInteger: 1 }, { valueInteger: 2 }), 'duplicate_answer', 'fft'],
    ['an unknown site', answer('site', { valueString: 'Z99999' }), 'unknown_site', 'site'],
    ['a site as a coding', answer('site', { valueCoding: { code: 'A81001' } }), 'wrong_type', 'site'],
    ['an unknown source type', answer('source-type', { valueCoding: { code: 'visitor' } }), 'invalid_choice', 'source-type'],
    ['a source type as text', answer('source-type', { valueString: 'carer' }), 'wrong_type', 'source-type'],
    ['a source type from another system', answer('source-type', { valueCoding: { system: FFT_ANSWER_SYSTEM, code: 'carer' } }), 'invalid_choice', 'source-type'],
    ['an age band as a number', answer('age-band', { valueInteger: 40 }), 'wrong_type', 'age-band'],
    ['a control character in ethnicity', answer('ethnicity', { valueString: 'Wh\u001Bite' }), 'bad_character', 'ethnicity'],
    ['a 201-character sex', answer('sex', { valueString: 'x'.repeat(201) }), 'too_long', 'sex'],
    ['two answers for sex', answer('sex', { valueString: 'Female' }, { valueString: 'Male' }), 'duplicate_answer', 'sex'],
    ['quintile 6', answer('imd-quintile', { valueInteger: 6 }), 'invalid_choice', 'imd-quintile'],
    ['quintile "Q1"', answer('imd-quintile', { valueString: 'Q1' }), 'invalid_choice', 'imd-quintile'],
    ['a quintile from another system', answer('imd-quintile', { valueCoding: { system: 'http://example.org/imd-decile', code: '1' } }), 'invalid_choice', 'imd-quintile'],
    ['a quintile as a boolean', answer('imd-quintile', { valueBoolean: true }), 'wrong_type', 'imd-quintile'],
    ['a tag of 101 characters', answer('tags', { valueString: 'x'.repeat(101) }), 'too_long', 'tags'],
    ['a tag as a date', answer('tags', { valueDate: '2025-01-01' }), 'wrong_type', 'tags'],
  ])('reports %s, naming the item', (_name, item, code, linkId) => {
    const parsed = parse([response([item])])
    expect(where(parsed)).toEqual([{ severity: 'error', code, line: undefined, column: `entry[0].item[${linkId}]` }])
    expect(parsed.issues[0]?.message).toMatch(new RegExp(`^feedback\\.json:entry\\[0\\]\\.item\\[${linkId}\\]: `))
    expect(parsed.value).toEqual([])
  })

  it('says which answer type was given and which were expected', () => {
    const parsed = parse([response([answer('fft', { valueString: 'Good' })])])
    expect(parsed.issues[0]).toMatchObject({
      value: 'Good',
      expected: `valueCoding with code "1"–"6" from ${FFT_ANSWER_SYSTEM}, or valueInteger 1–6`,
      message: `feedback.json:entry[0].item[fft]: item "fft" answers with valueString "Good" (expected valueCoding with code "1"–"6" from ${FFT_ANSWER_SYSTEM}, or valueInteger 1–6).`,
    })
  })

  it('reports a question answered in two places, and the second place of a comment', () => {
    const parsed = parse([response([{ linkId: 'about-you', item: [answer('comment', { valueString: 'B' })] }])])
    expect(where(parsed)).toEqual([{ severity: 'error', code: 'duplicate_answer', line: undefined, column: 'entry[0].item[comment]' }])
    expect(parsed.issues[0]?.message).toContain('has 2 answers in 2 items')
  })

  it('reports items that are not objects, have no linkId, carry a modifierExtension or nest too deep', () => {
    let deep: Json = answer('tags', { valueString: 'deep' })
    for (let i = 0; i < 12; i++) deep = { linkId: `g${i}`, item: [deep] }
    const parsed = parse([response(['not an item' as unknown as Json, { text: 'no linkId', answer: [{ valueString: 'x' }] }, { ...answer('fft', { valueInteger: 1 }), modifierExtension: [{}] }, answer('sex', 'Female' as unknown as Json), deep])])
    expect(where(parsed).map((i) => [i.code, i.column])).toEqual([
      ['wrong_type', 'entry[0].item[1]'],
      ['missing_value', 'entry[0].item[2]'],
      ['modifier_extension', 'entry[0].item[fft].modifierExtension'],
      ['wrong_type', 'entry[0].item[sex].answer[0]'],
      ['too_deep', 'entry[0].item[g11].item[g10].item[g9].item[g8].item[g7].item[g6].item[g5].item[g4].item[g3].item[g2].item'],
    ])
    expect(parsed.value).toEqual([])
  })

  it('ignores empty answers and answers with no value, and reports an answer with two', () => {
    const quiet = parse([response([answer('fft'), answer('sex', {}), { linkId: 'site' }])])
    expect(quiet.issues).toEqual([])
    expect(quiet.value).toMatchObject([{ fft: null, site: null, groups: {} }])
    const loud = parse([response([answer('fft', { valueInteger: 1, valueString: '1' })])])
    expect(where(loud)).toEqual([{ severity: 'error', code: 'wrong_type', line: undefined, column: 'entry[0].item[fft].answer[0]' }])
  })
})

describe('parseQuestionnaireResponses: warnings', () => {
  it.each(['in-progress', 'entered-in-error', 'stopped'])('skips a response with status %s, with a warning and no other check', (status) => {
    const parsed = parse([{ resourceType: 'QuestionnaireResponse', status }, response()])
    expect(where(parsed)).toEqual([{ severity: 'warning', code: 'not_imported', line: undefined, column: 'entry[0].status' }])
    expect(parsed.value).toHaveLength(1)
  })

  it('never reads or quotes a subject, encounter, author or source: one warning names the fields', () => {
    const person = { reference: 'Patient/9990000018', display: 'Test Person' }
    const parsed = parse([response([], { subject: person, author: person, source: person, encounter: { reference: 'Encounter/1' } })])
    expect(where(parsed)).toEqual([{ severity: 'warning', code: 'ignored_value', line: undefined, column: 'entry[0].subject' }])
    expect(parsed.issues[0]?.message).toContain('subject and encounter and author and source are ignored and never stored')
    expect(JSON.stringify(parsed)).not.toMatch(/9990000018|Test Person/)
    expect(parsed.value).toHaveLength(1)
  })

  it('warns about a response to another Questionnaire, and about questions it does not ask, and reads the rest', () => {
    const parsed = parse([
      response([answer('mood', { valueString: 'fine' }), { linkId: 'page-2', item: [answer('visit-reason', { valueString: 'x' })] }], { questionnaire: 'https://example.org/Questionnaire/other' }),
      response([], { questionnaire: 'https://lhs.example.org/fhir/Questionnaire/feedback|1' }),
      response([], { questionnaire: 'https://lhs.example.org/fhir/Questionnaire/feedback' }),
    ])
    expect(where(parsed)).toEqual([
      { severity: 'warning', code: 'unknown_questionnaire', line: undefined, column: 'entry[0].questionnaire' },
      { severity: 'warning', code: 'unknown_item', line: undefined, column: 'entry[0].item[mood]' },
    ])
    expect(parsed.issues[1]?.message).toContain('item "mood", item "visit-reason" are not questions of LHS\'s feedback Questionnaire and are ignored')
    expect(parsed.value).toHaveLength(3)
  })
})
