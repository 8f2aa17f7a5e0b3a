/**
 * Finding the QuestionnaireResponse resources of a FHIR file: a Bundle (collection, or transaction
 * whose entries have a request), one resource, or NDJSON (one resource per line).
 */
import type { IssueCollector } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { checkCollectionRequest, fhirFileText, forEachBundleEntry, readJsonOrNdjson } from './fhir-file.ts'
import { isRecord } from './questionnaire-response-json.ts'

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
  const text = fhirFileText(input)
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
  readJsonOrNdjson(text, issues, FILE_RULE, {
    document: (data) => fromDocument(data, issues, visit),
    line: (data, line) => {
      const resource = asResponse(data, { line, path: '' }, issues)
      if (resource !== undefined) visit({ resource, line, path: '' })
    },
  })
}

function fromDocument(data: unknown, issues: IssueCollector, visit: Visit): void {
  if (isRecord(data) && data.resourceType === 'Bundle') return fromBundle(data, issues, visit)
  if (isRecord(data) && data.resourceType === RESPONSE) return visit({ resource: data, line: undefined, path: '' })
  const found = !isRecord(data) ? preview(data) : typeof data.resourceType === 'string' ? `a ${quote(data.resourceType)} resource` : 'a JSON object without a resourceType'
  issues.error({ code: 'wrong_type', column: 'resourceType', problem: `the file holds ${found}`, expected: FILE_RULE })
}

function fromBundle(bundle: Readonly<Record<string, unknown>>, issues: IssueCollector, visit: Visit): void {
  forEachBundleEntry(bundle, issues, BUNDLE_TYPE_RULE, (entry, path, type) => {
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
  if (type === 'collection') return checkCollectionRequest(request, column, issues)
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
