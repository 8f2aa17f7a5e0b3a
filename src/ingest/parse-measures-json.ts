/** Measure definition JSON files: an array of measures, or `{ "measures": [...] }`, each with an optional extract definition. */
import { parseExtractDefinition, type ExtractDefinitionJson, type MeasureExtract } from '../core/extract/index.ts'
import type { Parsed } from '../core/issues.ts'
import type { Measure } from '../core/model.ts'
import { IssueCollector, preview, quote } from './issue-collector.ts'
import { checkMeasure } from './measure-fields.ts'
import type { MeasureField, MeasureFields } from './measure-fields.ts'

const FIELDS: ReadonlySet<string> = new Set<MeasureField>([
  'code', 'name', 'description', 'type', 'kind', 'rateMultiplier', 'direction',
  'target', 'period', 'defaultChart', 'numeratorDefinition', 'denominatorDefinition', 'unit',
])
/** Not a field of `Measure`: how the measure is worked out from a patient-level extract (docs/methods/extracts.md). */
const EXTRACT = 'extract'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Line (1-based) and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset)
  const lines = before.split(/\r\n|\r|\n/)
  return { line: lines.length, character: (lines[lines.length - 1]?.length ?? 0) + 1 }
}

/** Character offset of a JSON syntax error, when V8's message gives it (not all of them do). */
function errorOffset(detail: string, text: string): number | undefined {
  const offset = /at position (\d+)/.exec(detail)?.[1]
  if (offset !== undefined) return Number(offset)
  return detail.includes('end of JSON input') ? text.length : undefined
}

function readJson(input: string, issues: IssueCollector): { ok: true; data: unknown } | { ok: false } {
  const text = input.replace(/^\uFEFF/, '')
  try {
    return { ok: true, data: JSON.parse(text) as unknown }
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\r?\n|\r/g, '\\n')
    const offset = errorOffset(detail, text)
    const at = offset === undefined ? undefined : lineAndColumn(text, offset)
    const where = at === undefined ? '' : ` at line ${at.line}, character ${at.character}`
    const expected = 'a JSON array of measures, or an object with a "measures" array'
    issues.error({ code: 'bad_json', line: at?.line, problem: `the file is not valid JSON${where}: ${detail}`, expected })
    return { ok: false }
  }
}

/** Keys listed in a message before "…". */
const LISTED_KEYS = 10

function listKeys(keys: readonly string[]): string {
  if (keys.length === 0) return 'none'
  const shown = keys.slice(0, LISTED_KEYS).map((key) => quote(key)).join(', ')
  return keys.length > LISTED_KEYS ? `${shown}, … (${keys.length.toLocaleString('en-GB')} keys)` : shown
}

/** The measure array and the JSON path prefix of its items (`measures` or empty for a top-level array). */
function measureList(data: unknown, issues: IssueCollector): { items: readonly unknown[]; path: string } | undefined {
  if (Array.isArray(data)) return { items: data, path: '' }
  if (isRecord(data) && Array.isArray(data.measures)) return { items: data.measures, path: 'measures' }
  const found = Array.isArray(data) ? 'an array' : isRecord(data) ? `an object with keys ${listKeys(Object.keys(data))}` : preview(data)
  issues.error({ code: 'wrong_type', problem: `the file holds ${found}`, expected: 'a JSON array of measures, or an object with a "measures" array' })
  return undefined
}

/**
 * Read measure definitions from JSON with the camelCase keys of `Measure` (optional ones may be left
 * out) and an optional `extract` definition (`null` removes a stored one; absent leaves it as it
 * is, as a CSV catalogue does). Issues name the place as a JSON path in `column`, e.g.
 * `measures[3].kind` or `measures[3].extract.numerator`.
 */
export function parseMeasuresJson(input: string | Uint8Array, file: string): Parsed<(Measure & MeasureExtract)[]> {
  const issues = new IssueCollector(file)
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input)
  const json = readJson(text, issues)
  const list = json.ok ? measureList(json.data, issues) : undefined
  if (list === undefined) return { value: [], issues: issues.toArray() }
  if (list.items.length === 0) {
    issues.error({ code: 'empty_file', column: list.path || undefined, problem: 'the file defines no measures', expected: 'at least one measure' })
  }
  const measures: (Measure & MeasureExtract)[] = []
  const firstPaths = new Map<string, string>()
  list.items.forEach((item, index) => {
    const path = `${list.path}[${index}]`
    const measure = checkItem(item, path, issues)
    const code = isRecord(item) && typeof item.code === 'string' ? item.code.trim() : ''
    const first = firstPaths.get(code)
    if (code !== '' && first !== undefined) {
      const problem = `measure code ${quote(code)} is already defined at ${first}`
      issues.error({ code: 'duplicate_code', column: `${path}.code`, value: code, problem, expected: 'each measure code once in the file' })
      return
    }
    if (code !== '') firstPaths.set(code, path)
    if (measure !== undefined) measures.push(measure)
  })
  return { value: measures, issues: issues.toArray() }
}

function checkItem(item: unknown, path: string, issues: IssueCollector): (Measure & MeasureExtract) | undefined {
  if (!isRecord(item)) {
    const written = preview(item)
    issues.error({ code: 'wrong_type', column: path, value: written, problem: `the item is ${written}`, expected: 'an object describing a measure' })
    return undefined
  }
  const errorsBefore = issues.errorCount
  for (const key of Object.keys(item)) {
    if (FIELDS.has(key) || key === EXTRACT) continue
    const problem = `${quote(key)} is not a field of a measure`
    issues.error({ code: 'unknown_field', column: `${path}.${key}`, value: key, problem, expected: `only the fields ${[...FIELDS, EXTRACT].join(', ')}` })
  }
  const measure = checkMeasure(item as MeasureFields, (field) => ({ column: `${path}.${field}`, label: field }), issues)
  const extract = checkExtract(item, measure, path, issues)
  if (issues.errorCount !== errorsBefore || measure === undefined) return undefined
  return extract === undefined ? measure : { ...measure, extract }
}

/** The measure's extract definition as it will be stored (null: remove it; undefined: not given); problems become issues at `path.extract…`. */
function checkExtract(item: Record<string, unknown>, measure: Measure | undefined, path: string, issues: IssueCollector): ExtractDefinitionJson | null | undefined {
  const raw = item[EXTRACT]
  if (raw === undefined || raw === null) return raw
  const code = measure?.code ?? (typeof item.code === 'string' ? item.code.trim() : `at ${path}`)
  const parsed = parseExtractDefinition(raw, { code, kind: measure?.kind })
  if (parsed.ok) return parsed.definition.json
  for (const p of parsed.problems) issues.error({ code: p.code, column: `${path}.${p.field}`, value: p.value, problem: p.problem, expected: p.expected })
  return null
}
