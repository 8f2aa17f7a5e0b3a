/**
 * Finding the QuestionnaireResponse resources of a FHIR file: a Bundle (collection, or transaction
 * whose entries have a request), one resource, or NDJSON (one resource per line).
 */
import type { IssueCollector } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { isRecord, lineAndCharacter, parseJsonText } from './questionnaire-response-json.ts'
import type { JsonText } from './questionnaire-response-json.ts'

/** A QuestionnaireResponse found in the file, and where it is. */
export interface ResponseAt {
  readonly resource: Readonly<Record<string, unknown>>
  /** The NDJSON line it is on; undefined in a JSON document. */
  readonly line: number | undefined
  /** JSON path of the resource for messages: `entry[3]` in a Bundle, empty for a resource on its own. */
  readonly path: string
}

const RESPONSE = 'QuestionnaireResponse'
const FILE_RULE = 'a FHIR Bundle (collection or transaction) of QuestionnaireResponse resources, one QuestionnaireResponse, or NDJSON with one resource per line'
const BUNDLE_TYPE_RULE = 'a Bundle of type collection (a plain file, entries without request) or transaction (every entry with a request)'
const IMPORTED_METHODS: ReadonlySet<unknown> = new Set(['POST', 'PUT'])

/** `segment` after `path` in a JSON path (`entry[3]` + `status` = `entry[3].status`). */
export function joinPath(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`
}

/**
 * Call `visit` with each QuestionnaireResponse in `input`, in file order. Other resources get a
 * warning and are skipped; every problem with the file's structure is an issue.
 */
export function forEachResponse(input: string | Uint8Array, issues: IssueCollector, visit: (response: ResponseAt) => void): void {
  const text = (typeof input === 'string' ? input : new TextDecoder().decode(input)).replace(/^\uFEFF/, '')
  const errorsBefore = issues.errorCount
  let found = 0
  const count = (response: ResponseAt): void => {
    found++
    visit(response)
  }
  if (text.trim() !== '') readResponses(text, issues, count)
  if (found === 0 && issues.errorCount === errorsBefore) {
    issues.error({ code: 'empty_file', problem: 'the file holds no QuestionnaireResponse resources', expected: FILE_RULE })
  }
}

type Visit = (response: ResponseAt) => void

function readResponses(text: string, issues: IssueCollector, visit: Visit): void {
  const whole = parseJsonText(text)
  if (whole.ok) return fromDocument(whole.data, issues, visit)
  if (looksLikeNdjson(text)) return fromNdjson(text, issues, visit)
  reportBadJson(text, whole, undefined, issues)
}

/** Two or more lines, the first of which is a whole object on its own (a pretty-printed document's first line is `{`). */
function looksLikeNdjson(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).map((line) => line.trim()).filter((line) => line !== '')
  const first = lines[0] ?? ''
  return lines.length > 1 && first.startsWith('{') && first.endsWith('}')
}

function reportBadJson(text: string, json: Extract<JsonText, { ok: false }>, ndjsonLine: number | undefined, issues: IssueCollector): void {
  const at = lineAndCharacter(text, json.offset)
  const line = ndjsonLine ?? at.line
  const where = ndjsonLine === undefined ? `line ${at.line}, character ${at.character}` : `character ${at.character}`
  const problem = `${ndjsonLine === undefined ? 'the file' : 'the line'} is not valid JSON at ${where}: ${json.detail}`
  issues.error({ code: 'bad_json', line, problem, expected: ndjsonLine === undefined ? FILE_RULE : 'one FHIR resource as JSON on each line' })
}

function fromNdjson(text: string, issues: IssueCollector, visit: Visit): void {
  text.split(/\r\n|\n|\r/).forEach((lineText, i) => {
    if (lineText.trim() === '') return
    const line = i + 1
    const json = parseJsonText(lineText)
    if (!json.ok) return reportBadJson(lineText, json, line, issues)
    const resource = asResponse(json.data, { line, path: '' }, issues)
    if (resource !== undefined) visit({ resource, line, path: '' })
  })
}

function fromDocument(data: unknown, issues: IssueCollector, visit: Visit): void {
  if (isRecord(data) && data.resourceType === 'Bundle') return fromBundle(data, issues, visit)
  if (isRecord(data) && data.resourceType === RESPONSE) return visit({ resource: data, line: undefined, path: '' })
  const found = !isRecord(data) ? preview(data) : typeof data.resourceType === 'string' ? `a ${quote(data.resourceType)} resource` : 'a JSON object without a resourceType'
  issues.error({ code: 'wrong_type', column: 'resourceType', problem: `the file holds ${found}`, expected: FILE_RULE })
}

function fromBundle(bundle: Readonly<Record<string, unknown>>, issues: IssueCollector, visit: Visit): void {
  const type = bundle.type
  if (type !== 'collection' && type !== 'transaction') {
    const problem = type === undefined ? 'the Bundle has no type' : `a Bundle of type ${typeof type === 'string' ? quote(type) : preview(type)} cannot be imported`
    issues.error({ code: type === undefined ? 'missing_value' : 'invalid_choice', column: 'type', value: typeof type === 'string' ? type : preview(type), problem, expected: BUNDLE_TYPE_RULE })
    return
  }
  const entries = bundle.entry
  if (entries === undefined) return
  if (!Array.isArray(entries)) {
    issues.error({ code: 'wrong_type', column: 'entry', value: preview(entries), problem: `the Bundle's entry is ${preview(entries)}`, expected: 'a list of entries' })
    return
  }
  entries.forEach((entry: unknown, i) => {
    const path = `entry[${i}]`
    if (!isRecord(entry)) {
      issues.error({ code: 'wrong_type', column: path, value: preview(entry), problem: `the entry is ${preview(entry)}`, expected: 'an object with a resource' })
      return
    }
    const resource = asResponse(entry.resource, { line: undefined, path: joinPath(path, 'resource') }, issues)
    if (resource !== undefined && checkRequest(entry.request, type, path, issues)) visit({ resource, line: undefined, path })
  })
}

/** The resource when it is a QuestionnaireResponse; undefined after an error (not a resource) or a warning (another resource). */
function asResponse(data: unknown, place: { readonly line: number | undefined; readonly path: string }, issues: IssueCollector): Readonly<Record<string, unknown>> | undefined {
  const column = joinPath(place.path, 'resourceType')
  if (data === undefined) {
    issues.error({ code: 'missing_value', line: place.line, column: place.path, value: '', problem: 'the entry has no resource', expected: 'a FHIR resource in each entry' })
    return undefined
  }
  if (!isRecord(data) || typeof data.resourceType !== 'string') {
    const found = !isRecord(data) ? preview(data) : 'a JSON object without a resourceType'
    issues.error({ code: 'wrong_type', line: place.line, column, value: preview(data), problem: `the resource is ${found}`, expected: 'a FHIR resource (a JSON object with a resourceType)' })
    return undefined
  }
  if (data.resourceType === RESPONSE) return data
  const problem = `a ${quote(data.resourceType)} resource is not a QuestionnaireResponse and is skipped`
  issues.warning({ code: 'ignored_resource', line: place.line, column, value: data.resourceType, problem, expected: 'only QuestionnaireResponse resources' })
  return undefined
}

/** A collection's entries have no request; a transaction's each have one that creates or updates (POST or PUT). */
function checkRequest(request: unknown, type: 'collection' | 'transaction', path: string, issues: IssueCollector): boolean {
  const column = joinPath(path, 'request')
  if (type === 'collection') {
    if (request === undefined) return true
    issues.error({ code: 'bad_entry', column, value: preview(request), problem: 'an entry of a collection Bundle has a request', expected: 'no request in a collection (use a transaction Bundle to send requests)' })
    return false
  }
  const expected = 'a request with method POST or PUT and a url, such as {"method":"POST","url":"QuestionnaireResponse"}'
  if (!isRecord(request)) {
    const problem = request === undefined ? 'an entry of a transaction Bundle has no request' : `the request is ${preview(request)}`
    issues.error({ code: 'bad_entry', column, value: request === undefined ? '' : preview(request), problem, expected })
    return false
  }
  const { method, url } = request
  if (!IMPORTED_METHODS.has(method)) {
    const written = typeof method === 'string' ? method : preview(method)
    const problem = method === undefined ? 'the request has no method' : `a ${quote(written)} request cannot be imported`
    issues.error({ code: 'bad_entry', column: joinPath(column, 'method'), value: method === undefined ? '' : written, problem, expected })
    return false
  }
  if (typeof url !== 'string' || url.trim() === '') {
    issues.error({ code: 'bad_entry', column: joinPath(column, 'url'), value: url === undefined ? '' : preview(url), problem: 'the request has no url', expected })
    return false
  }
  return true
}
