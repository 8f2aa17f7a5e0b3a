/**
 * A measure's extract definition: how its observations are worked out from a patient-level extract
 * (which column holds the date, the site and the community groups; what is counted, or averaged).
 * `parseExtractDefinition` checks the JSON form and parses its conditions. @see docs/methods/extracts.md
 */
import type { MeasureKind } from '../model.ts'
import type { Condition } from './condition.ts'
import { parseCondition } from './parse-condition.ts'

export interface ExtractGroup {
  /** The observation's dimension, such as `imd_quintile`. */
  readonly dimension: string
  /** The extract column whose values are the groups. */
  readonly column: string
}

/** What each cell's numbers are: rows counted, a numerator and denominator of rows, or a column averaged. */
export type ExtractValue =
  | { readonly kind: 'count' }
  | { readonly kind: 'ratio'; readonly numerator: Condition; readonly denominator: Condition | null }
  | { readonly kind: 'mean'; readonly column: string }

/** The JSON form, as stored on the measure (`measures.extract_definition`). */
export interface ExtractDefinitionJson {
  readonly date: string
  readonly site?: string
  readonly groups?: Readonly<Record<string, string>>
  readonly where?: string
  readonly count?: true
  readonly numerator?: string
  readonly denominator?: string
  readonly mean?: string
}

/** What a measure catalogue entry may say about extracts: a definition, null to remove one, or nothing (left as stored). */
export interface MeasureExtract {
  readonly extract?: ExtractDefinitionJson | null
}

export interface ExtractDefinition {
  readonly date: string
  /** Null: every row is the whole organisation's. */
  readonly site: string | null
  readonly groups: readonly ExtractGroup[]
  readonly where: Condition | null
  readonly value: ExtractValue
  /** The definition as written, with its keys in a fixed order. */
  readonly json: ExtractDefinitionJson
}

/** One thing wrong with a definition; `field` is its path, such as `extract.numerator`. */
export interface DefinitionProblem {
  readonly code: string
  readonly field: string
  readonly problem: string
  readonly expected: string
  readonly value?: string
}

export type ParsedDefinition = { readonly ok: true; readonly definition: ExtractDefinition } | { readonly ok: false; readonly problems: readonly DefinitionProblem[] }

const FIELDS = ['date', 'site', 'groups', 'where', 'count', 'numerator', 'denominator', 'mean'] as const
const DIMENSION = /^[a-z][a-z0-9_]{0,63}$/
/** Group columns one definition may break down by. */
export const GROUP_LIMIT = 10
export const COLUMN_NAME_MAX = 255
// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
const CONTROL = /[\u0000-\u001F\u007F]|\p{Cs}/u
const COLUMN_RULE = `a column name of 1–${COLUMN_NAME_MAX} characters without control characters`
const VALUE_FOR_KIND: Record<MeasureKind, string> = { count: '"count": true', proportion: '"numerator" (and optionally "denominator")', rate: '"numerator" (and optionally "denominator")', mean: '"mean"' }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

/**
 * Check `raw` (the measure's `extract` object) for the measure `code` of `kind`; every problem is
 * returned, each naming the measure and the field.
 */
export function parseExtractDefinition(raw: unknown, measure: { readonly code: string; readonly kind?: MeasureKind | undefined }): ParsedDefinition {
  const problems: DefinitionProblem[] = []
  const named = `measure "${measure.code}"`
  const report = (code: string, field: string, problem: string, expected: string, value?: unknown) =>
    problems.push({ code, field, problem: `${named}: ${problem}`, expected, ...(value === undefined ? {} : { value: typeof value === 'string' ? value : show(value) }) })
  if (!isRecord(raw)) {
    report('wrong_type', 'extract', `extract is ${show(raw)}`, 'an object such as {"date": "appointment_date", "count": true}', raw)
    return { ok: false, problems }
  }
  for (const key of Object.keys(raw)) {
    if (!(FIELDS as readonly string[]).includes(key)) report('unknown_field', `extract.${key}`, `"${key}" is not a field of an extract definition`, `only the fields ${FIELDS.join(', ')}`, key)
  }
  const column = (field: string, required: boolean): string | null => {
    const value = raw[field]
    if (value === undefined || value === null) {
      if (required) report('missing_value', `extract.${field}`, `extract.${field} is missing`, COLUMN_RULE)
      return null
    }
    if (typeof value !== 'string') return report('wrong_type', `extract.${field}`, `extract.${field} is ${show(value)}, not text`, COLUMN_RULE, value), null
    if (!columnNameOk(value)) return report('bad_column', `extract.${field}`, `extract.${field} ${show(value)} is not a usable column name`, COLUMN_RULE, value), null
    return value
  }
  const condition = (field: string): Condition | null => {
    const value = raw[field]
    if (value === undefined || value === null) return null
    if (typeof value !== 'string') return report('wrong_type', `extract.${field}`, `extract.${field} is ${show(value)}, not text`, "a condition in double quotes, such as \"attended = 'N'\"", value), null
    const parsed = parseCondition(value)
    if (parsed.ok) return parsed.condition
    const { position, expected, found } = parsed.problem
    report('bad_condition', `extract.${field}`, `extract.${field} ${show(value)} cannot be read at character ${position}: found ${found}`, expected, value)
    return null
  }
  const date = column('date', true)
  const site = column('site', false)
  const groups = readGroups(raw.groups, report)
  const where = condition('where')
  const value = readValue(raw, measure.kind, report, column, condition)
  if (problems.length > 0 || date === null || value === undefined) return { ok: false, problems }
  const json: ExtractDefinitionJson = {
    date,
    ...(site === null ? {} : { site }),
    ...(groups.length === 0 ? {} : { groups: Object.fromEntries(groups.map((g) => [g.dimension, g.column])) }),
    ...(typeof raw.where === 'string' ? { where: raw.where } : {}),
    ...(value.kind === 'count' ? { count: true as const } : {}),
    ...(value.kind === 'ratio' ? { numerator: raw.numerator as string, ...(typeof raw.denominator === 'string' ? { denominator: raw.denominator } : {}) } : {}),
    ...(value.kind === 'mean' ? { mean: value.column } : {}),
  }
  return { ok: true, definition: { date, site, groups, where, value, json } }
}

type Report = (code: string, field: string, problem: string, expected: string, value?: unknown) => void

function columnNameOk(name: string): boolean {
  return name.length > 0 && name.length <= COLUMN_NAME_MAX && !CONTROL.test(name)
}

function readGroups(raw: unknown, report: Report): ExtractGroup[] {
  if (raw === undefined || raw === null) return []
  const expected = `an object naming each dimension and its column, such as {"imd_quintile": "imd"}, at most ${GROUP_LIMIT} of them`
  if (!isRecord(raw)) return report('wrong_type', 'extract.groups', `extract.groups is ${show(raw)}`, expected, raw), []
  const entries = Object.entries(raw)
  if (entries.length > GROUP_LIMIT) report('too_many_groups', 'extract.groups', `extract.groups names ${entries.length} dimensions`, expected)
  const groups: ExtractGroup[] = []
  for (const [dimension, column] of entries) {
    const field = `extract.groups.${dimension}`
    if (!DIMENSION.test(dimension)) report('bad_dimension', field, `the dimension name ${show(dimension)} is not allowed`, 'a dimension name of lowercase letters, digits and _ that starts with a letter, such as imd_quintile', dimension)
    else if (typeof column !== 'string') report('wrong_type', field, `${field} is ${show(column)}, not text`, COLUMN_RULE, column)
    else if (!columnNameOk(column)) report('bad_column', field, `${field} ${show(column)} is not a usable column name`, COLUMN_RULE, column)
    else groups.push({ dimension, column })
  }
  return groups
}

function readValue(
  raw: Record<string, unknown>,
  kind: MeasureKind | undefined,
  report: Report,
  column: (field: string, required: boolean) => string | null,
  condition: (field: string) => Condition | null,
): ExtractValue | undefined {
  const given = (['count', 'numerator', 'mean'] as const).filter((f) => raw[f] !== undefined && raw[f] !== null)
  const expected = kind === undefined ? 'exactly one of "count": true, "numerator" (with an optional "denominator") or "mean"' : `${VALUE_FOR_KIND[kind]}, as the measure is a ${kind}`
  if (raw.denominator !== undefined && raw.denominator !== null && !given.includes('numerator')) {
    report('missing_value', 'extract.numerator', 'extract has a denominator but no numerator', 'a numerator condition beside the denominator')
    return undefined
  }
  if (given.length !== 1) {
    const problem = given.length === 0 ? 'extract says nothing about what to count or average' : `extract gives ${given.join(' and ')}, which exclude each other`
    report(given.length === 0 ? 'missing_value' : 'conflicting_fields', 'extract', problem, expected)
    return undefined
  }
  const field = given[0] as 'count' | 'numerator' | 'mean'
  const wanted = kind === undefined ? field : kind === 'count' ? 'count' : kind === 'mean' ? 'mean' : 'numerator'
  if (wanted !== field) {
    report('kind_mismatch', `extract.${field}`, `extract.${field} does not fit a ${kind} measure`, expected)
    return undefined
  }
  if (field === 'count') {
    if (raw.count !== true) return report('wrong_type', 'extract.count', `extract.count is ${show(raw.count)}`, 'true (the value is the number of rows, restricted by "where")', raw.count), undefined
    return { kind: 'count' }
  }
  if (field === 'mean') {
    const name = column('mean', true)
    return name === null ? undefined : { kind: 'mean', column: name }
  }
  const numerator = condition('numerator')
  const denominator = condition('denominator')
  return numerator === null ? undefined : { kind: 'ratio', numerator, denominator }
}
