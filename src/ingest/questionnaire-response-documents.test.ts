// The file around the responses: Bundles (collection, transaction, and what is refused), a resource
// on its own, NDJSON, and malformed JSON. The rules for each response are in parse-questionnaire-responses.test.ts.
import { describe, expect, it } from 'vitest'
import { hasErrors } from '../core/issues.ts'
import type { Parsed } from '../core/issues.ts'
import { insightTestOptions } from './insight-test-context.ts'
import { ISSUE_LIMIT } from './issue-collector.ts'
import { parseQuestionnaireResponses } from './parse-questionnaire-responses.ts'

const options = insightTestOptions('feedback.json')
type Json = Record<string, unknown>

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

describe('parseQuestionnaireResponses: Bundles', () => {
  it.each([
    ['a searchset', JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: response() }] }), 'invalid_choice', 'type'],
    ['a batch', JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [] }), 'invalid_choice', 'type'],
    ['a Bundle without a type', JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: response() }] }), 'missing_value', 'type'],
    ['entry that is not a list', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: {} }), 'wrong_type', 'entry'],
    ['an entry that is not an object', bundle([response()], 'collection', () => 7 as unknown as Json), 'wrong_type', 'entry[0]'],
    ['an entry without a resource', bundle([response()], 'collection', () => ({ fullUrl: 'urn:uuid:1' })), 'missing_value', 'entry[0].resource'],
    ['a resource without a resourceType', bundle([{ status: 'completed' }]), 'wrong_type', 'entry[0].resource.resourceType'],
    ['a request in a collection', bundle([response()], 'collection', (resource) => ({ resource, request: { method: 'POST', url: 'QuestionnaireResponse' } })), 'bad_entry', 'entry[0].request'],
    ['a transaction entry without a request', bundle([response()], 'transaction'), 'bad_entry', 'entry[0].request'],
    ['a DELETE in a transaction', bundle([response()], 'transaction', (resource) => ({ resource, request: { method: 'DELETE', url: 'QuestionnaireResponse/1' } })), 'bad_entry', 'entry[0].request.method'],
    ['a request without a url', bundle([response()], 'transaction', (resource) => ({ resource, request: { method: 'POST' } })), 'bad_entry', 'entry[0].request.url'],
  ])('refuses %s', (_name, text, code, column) => {
    const parsed = parseQuestionnaireResponses(text, options)
    expect(where(parsed)).toEqual([{ severity: 'error', code, line: undefined, column }])
    expect(parsed.value).toEqual([])
  })

  it('skips other resources with a warning, and says so when nothing is left', () => {
    const parsed = parse([{ resourceType: 'Patient', id: 'p1' }, response()])
    expect(where(parsed)).toEqual([{ severity: 'warning', code: 'ignored_resource', line: undefined, column: 'entry[0].resource.resourceType' }])
    expect(where(parse([{ resourceType: 'Observation' }])).map((i) => i.code)).toEqual(['ignored_resource', 'empty_file'])
  })
})

describe('parseQuestionnaireResponses: the file as a whole', () => {
  it.each([
    ['an empty file', ''],
    ['white space', ' \n\r\n'],
    ['an empty Bundle', JSON.stringify({ resourceType: 'Bundle', type: 'collection' })],
    ['a Bundle with no entries', JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] })],
  ])('reports empty_file for %s', (_name, text) => {
    expect(where(parseQuestionnaireResponses(text, options))).toEqual([{ severity: 'error', code: 'empty_file', line: undefined, column: undefined }])
  })

  it.each([
    ['a list', '[]', 'the file holds []'],
    ['a Patient', '{"resourceType":"Patient"}', 'the file holds a "Patient" resource'],
    ['an object without a resourceType', '{"entry":[]}', 'the file holds a JSON object without a resourceType'],
  ])('reports wrong_type for %s', (_name, text, says) => {
    const parsed = parseQuestionnaireResponses(text, options)
    expect(where(parsed)).toEqual([{ severity: 'error', code: 'wrong_type', line: undefined, column: 'resourceType' }])
    expect(parsed.issues[0]?.message).toContain(says)
  })

  it.each([
    ['a missing value', '{\n  "resourceType": "Bundle",\n  "type": \n}', 4, 1],
    ['a trailing comma', '{\n  "resourceType": "Bundle",\n  "entry": [1,]\n}', 3, 15],
    ['a cut-off file', '{\r\n  "resourceType": "Bun', 2, 23],
  ])('reports malformed JSON once, with its line and character: %s', (_name, text, line, character) => {
    const parsed = parseQuestionnaireResponses(text, options)
    expect(where(parsed)).toEqual([{ severity: 'error', code: 'bad_json', line, column: undefined }])
    expect(parsed.issues[0]?.message).toContain(`is not valid JSON at line ${line}, character ${character}:`)
  })

  it('reads NDJSON with CRLF, a BOM and blank lines, naming lines in issues', () => {
    const lines = ['\uFEFF' + JSON.stringify(response()), '', '{"resourceType": "QuestionnaireResponse", "status": }', '[1]', JSON.stringify(response([answer('fft', { valueInteger: 9 })])), JSON.stringify({ resourceType: 'Patient' })]
    const parsed = parseQuestionnaireResponses(new TextEncoder().encode(lines.join('\r\n')), options)
    expect(where(parsed)).toEqual([
      { severity: 'error', code: 'bad_json', line: 3, column: undefined },
      { severity: 'error', code: 'wrong_type', line: 4, column: 'resourceType' },
      { severity: 'error', code: 'invalid_choice', line: 5, column: 'item[fft]' },
      { severity: 'warning', code: 'ignored_resource', line: 6, column: 'resourceType' },
    ])
    expect(parsed.issues[0]?.message).toMatch(/^feedback\.json:3: the line is not valid JSON at character 53:/)
    expect(parsed.value).toHaveLength(1)
    expect(hasErrors(parsed.issues)).toBe(true)
  })

  it(`lists the first ${ISSUE_LIMIT} issues and counts the rest`, () => {
    const parsed = parse(Array.from({ length: 1500 }, () => response([], { authored: '2030-01-01' })))
    expect(parsed.issues).toHaveLength(ISSUE_LIMIT + 1)
    expect(parsed.issues[ISSUE_LIMIT]).toMatchObject({ severity: 'error', code: 'too_many_issues' })
  })

  it('throws on a today option that is not a date (a bug in the caller, not in the file)', () => {
    expect(() => parseQuestionnaireResponses('{}', { ...options, today: '2025-02-30' })).toThrow('invalid today')
  })
})
