/**
 * What every FHIR file reader shares: the file's text, telling one JSON document from NDJSON (one
 * resource per line), reporting JSON that cannot be read, and walking the entries of a Bundle.
 */
import type { IssueCollector } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { isRecord, lineAndCharacter, parseJsonText, type JsonText } from './questionnaire-response-json.ts'

/** What to do with a whole JSON document, and with each resource line of an NDJSON file. */
export interface JsonOrNdjsonReader {
  readonly document: (data: unknown) => void
  readonly line: (data: unknown, line: number) => void
}

/** The file's text, without a byte order mark. */
export function fhirFileText(input: string | Uint8Array): string {
  return (typeof input === 'string' ? input : new TextDecoder().decode(input)).replace(/^\uFEFF/, '')
}

/**
 * Read `text` as one JSON document, or else as NDJSON, or else report where its JSON breaks.
 * `fileRule` says what the file should hold, for the messages.
 */
export function readJsonOrNdjson(text: string, issues: IssueCollector, fileRule: string, read: JsonOrNdjsonReader): void {
  const whole = parseJsonText(text)
  if (whole.ok) return read.document(whole.data)
  if (looksLikeNdjson(text)) return readNdjson(text, issues, fileRule, read)
  reportBadJson(text, whole, undefined, issues, fileRule)
}

/** Two or more lines, the first of which is a whole object on its own (a pretty-printed document's first line is `{`). */
function looksLikeNdjson(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/).map((line) => line.trim()).filter((line) => line !== '')
  const first = lines[0] ?? ''
  return lines.length > 1 && first.startsWith('{') && first.endsWith('}')
}

function readNdjson(text: string, issues: IssueCollector, fileRule: string, read: JsonOrNdjsonReader): void {
  text.split(/\r\n|\n|\r/).forEach((lineText, i) => {
    if (lineText.trim() === '') return
    const json = parseJsonText(lineText)
    if (!json.ok) return reportBadJson(lineText, json, i + 1, issues, fileRule)
    read.line(json.data, i + 1)
  })
}

function reportBadJson(text: string, json: Extract<JsonText, { ok: false }>, ndjsonLine: number | undefined, issues: IssueCollector, fileRule: string): void {
  const at = lineAndCharacter(text, json.offset)
  const where = ndjsonLine === undefined ? `line ${at.line}, character ${at.character}` : `character ${at.character}`
  const problem = `${ndjsonLine === undefined ? 'the file' : 'the line'} is not valid JSON at ${where}: ${json.detail}`
  issues.error({ code: 'bad_json', line: ndjsonLine ?? at.line, problem, expected: ndjsonLine === undefined ? fileRule : 'one FHIR resource as JSON on each line' })
}

/** One entry of a Bundle that is a JSON object, with its JSON path (`entry[3]`) and the Bundle's type. */
export type BundleEntryVisit = (entry: Readonly<Record<string, unknown>>, path: string, type: 'collection' | 'transaction') => void

/**
 * Call `visit` with each entry of a collection or transaction Bundle. Another Bundle type, an entry
 * that is not a list, and an entry that is not an object are errors; `typeRule` says which types
 * the reader takes, for the messages.
 */
export function forEachBundleEntry(bundle: Readonly<Record<string, unknown>>, issues: IssueCollector, typeRule: string, visit: BundleEntryVisit): void {
  const type = bundle.type
  if (type !== 'collection' && type !== 'transaction') {
    const written = typeof type === 'string' ? type : preview(type)
    const problem = type === undefined ? 'the Bundle has no type' : `a Bundle of type ${typeof type === 'string' ? quote(type) : written} cannot be imported`
    issues.error({ code: type === undefined ? 'missing_value' : 'invalid_choice', column: 'type', value: type === undefined ? '' : written, problem, expected: typeRule })
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
    if (isRecord(entry)) return visit(entry, path, type)
    issues.error({ code: 'wrong_type', column: path, value: preview(entry), problem: `the entry is ${preview(entry)}`, expected: 'an object with a resource' })
  })
}

/** True when an entry of a collection Bundle has no request, as it should; else an error at `column`. */
export function checkCollectionRequest(request: unknown, column: string, issues: IssueCollector): boolean {
  if (request === undefined) return true
  issues.error({ code: 'bad_entry', column, value: preview(request), problem: 'an entry of a collection Bundle has a request', expected: 'no request in a collection (use a transaction Bundle to send requests)' })
  return false
}
