/**
 * The resources of a FHIR file, whatever its shape: a Bundle (collection, entries without a
 * request; or transaction, every entry with a POST or PUT request), one resource, or NDJSON (one
 * resource per line). Each comes with where it is (JSON path and NDJSON line) and its fullUrl.
 */
import type { IssueCollector } from './issue-collector.ts'
import { preview } from './issue-collector.ts'
import { checkCollectionRequest, fhirFileText, forEachBundleEntry, readJsonOrNdjson } from './fhir-file.ts'
import { isRecord } from './questionnaire-response-json.ts'

export type Json = Readonly<Record<string, unknown>>

export interface ResourceAt {
  readonly resource: Json
  /** JSON path for messages: `entry[3].resource`, or empty for a resource on its own. */
  readonly path: string
  /** NDJSON line; undefined in a JSON document. */
  readonly line: number | undefined
  readonly fullUrl: string | undefined
  /** False when the entry itself is wrong (a bad request): still indexed for references, never imported. */
  readonly usable: boolean
}

const FILE_RULE = 'a FHIR Bundle (collection or transaction), one resource, or NDJSON with one resource per line'
const METHODS: ReadonlySet<unknown> = new Set(['POST', 'PUT'])

/** `segment` after `path` in a JSON path. */
export function joinPath(path: string, segment: string): string {
  return path === '' ? segment : segment.startsWith('[') ? `${path}${segment}` : `${path}.${segment}`
}

/** Every resource in `input`, in file order; every problem with the file's structure is reported. */
export function readFhirResources(input: string | Uint8Array, issues: IssueCollector): ResourceAt[] {
  const text = fhirFileText(input)
  const found: ResourceAt[] = []
  if (text.trim() === '') {
    issues.error({ code: 'empty_file', problem: 'the file is empty', expected: FILE_RULE })
    return found
  }
  readJsonOrNdjson(text, issues, FILE_RULE, {
    document: (data) => fromDocument(data, issues, found),
    line: (data, line) => {
      if (isResource(data, '', line, issues)) found.push({ resource: data, path: '', line, fullUrl: undefined, usable: true })
    },
  })
  return found
}

function fromDocument(data: unknown, issues: IssueCollector, found: ResourceAt[]): void {
  if (!isResource(data, '', undefined, issues)) return
  if (data.resourceType !== 'Bundle') {
    found.push({ resource: data, path: '', line: undefined, fullUrl: undefined, usable: true })
    return
  }
  forEachBundleEntry(data, issues, 'a Bundle of type collection or transaction', (entry, path, type) => {
    const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined
    if (entry.fullUrl !== undefined && fullUrl === undefined) {
      issues.error({ code: 'wrong_type', column: joinPath(path, 'fullUrl'), value: preview(entry.fullUrl), problem: `fullUrl is ${preview(entry.fullUrl)}`, expected: 'a URI such as urn:uuid:…' })
    }
    const resourcePath = joinPath(path, 'resource')
    if (entry.resource === undefined) {
      issues.error({ code: 'missing_value', column: resourcePath, value: '', problem: 'the entry has no resource', expected: 'a FHIR resource in each entry' })
      return
    }
    if (isResource(entry.resource, resourcePath, undefined, issues)) found.push({ resource: entry.resource, path: resourcePath, line: undefined, fullUrl, usable: checkRequest(entry.request, type, path, issues) })
  })
}

function isResource(data: unknown, path: string, line: number | undefined, issues: IssueCollector): data is Json {
  if (isRecord(data) && typeof data.resourceType === 'string') return true
  const problem = `the ${path === '' ? 'file' : 'resource'} holds ${isRecord(data) ? 'a JSON object without a resourceType' : preview(data)}`
  issues.error({ code: 'wrong_type', line, column: joinPath(path, 'resourceType'), value: preview(data), problem, expected: path === '' && line === undefined ? FILE_RULE : 'a FHIR resource (a JSON object with a resourceType)' })
  return false
}

function checkRequest(request: unknown, type: 'collection' | 'transaction', path: string, issues: IssueCollector): boolean {
  const column = joinPath(path, 'request')
  if (type === 'collection') return checkCollectionRequest(request, column, issues)
  const expected = 'a request with method POST or PUT and a url, such as {"method":"POST","url":"MeasureReport"}'
  if (!isRecord(request) || !METHODS.has(request.method) || typeof request.url !== 'string' || request.url.trim() === '') {
    const problem = request === undefined ? 'an entry of a transaction Bundle has no request' : `the request ${preview(request)} cannot be imported`
    issues.error({ code: 'bad_entry', column, value: request === undefined ? '' : preview(request), problem, expected })
    return false
  }
  return true
}
