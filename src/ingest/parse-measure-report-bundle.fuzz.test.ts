// Hostile input for the FHIR MeasureReport importer: any bytes, any JSON put anywhere in a valid
// Bundle, wrong types and deep nesting give issues, never an exception, and never a bad observation.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineCount } from '../../test/fuzz/csv-text.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { expectWellFormedIssues } from '../../test/fuzz/issue-checks.ts'
import { isPeriodStart } from '../core/period.ts'
import type { ObservationInput } from '../core/model.ts'
import { reportContext, testBundleJson } from './measure-report-test-context.ts'
import { parseMeasureReportBundle } from './parse-measure-report-bundle.ts'

const context = reportContext('hostile.json')

/** Every issue code the importer may use (README.md of src/ingest/). */
export const MEASURE_REPORT_ISSUE_CODES = new Set([
  'bad_json', 'wrong_type', 'empty_file', 'missing_value', 'invalid_choice', 'bad_entry', 'bad_reference', 'duplicate_full_url', 'unresolved_reference', 'ignored_resource',
  'unsupported_report_type', 'report_not_complete', 'unknown_measure', 'bad_date', 'misaligned_period', 'subject_not_in_organisation', 'bad_group', 'duplicate_stratifier',
  'mrp_2', 'unsupported_component', 'duplicate_stratum', 'strata_do_not_sum', 'strata_exceed_total', 'bad_population', 'duplicate_population', 'bad_count', 'bad_score',
  'zero_denominator', 'numerator_above_denominator', 'inconsistent_score', 'masked_value', 'duplicate_row', 'too_many_issues',
])

function parseChecked(input: string): ObservationInput[] {
  const parsed = parseMeasureReportBundle(input, context)
  expectWellFormedIssues(parsed.issues, { file: context.file, lines: lineCount(input), codes: MEASURE_REPORT_ISSUE_CODES })
  for (const row of parsed.value) {
    const measure = context.measures.get(row.measure)
    expect(measure, row.measure).toBeDefined()
    if (measure === undefined) continue
    expect(isPeriodStart(row.period, measure.period), row.period).toBe(true)
    expect(row.site === null || context.sites.has(row.site)).toBe(true)
    expect(row.dimension === null).toBe(row.group === null)
    expect(Number.isFinite(row.value)).toBe(true)
    if (measure.kind === 'proportion') expect(row.value >= 0 && row.value <= 1 && row.numerator !== null && row.denominator !== null && row.numerator <= row.denominator).toBe(true)
    if (measure.kind === 'count') expect(Number.isInteger(row.value) && row.value >= 0).toBe(true)
  }
  return parsed.value
}

/** Every path to a value inside a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix]
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))]
}

function replaceAt(root: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<string | number, unknown>
  copy[head as string] = replaceAt(copy[head as string], rest, replacement)
  return copy
}

const validBundle = testBundleJson()
const allPaths = paths(validBundle)
const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: [deep(depth - 1)] })
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 1.5, 1e308, '', 'masked', '2025-13-45', 'urn:uuid:nope', [], {}, deep(2000), 'x'.repeat(100_000)),
)

describe('parseMeasureReportBundle with hostile input', () => {
  it('reads any text without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void parseChecked(text)), fuzzParameters())
  })

  it('reads any JSON value placed anywhere in a valid Bundle without throwing or letting a bad value through', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: allPaths.length - 1 }), hostileValue, (index, value) => {
        void parseChecked(JSON.stringify(replaceAt(validBundle, allPaths[index] ?? [], value)))
      }),
      fuzzParameters(3),
    )
  })

  it('reads a valid Bundle cut short or as NDJSON lines without throwing', () => {
    const text = JSON.stringify(validBundle)
    fc.assert(fc.property(fc.integer({ min: 0, max: text.length }), (cut) => void parseChecked(text.slice(0, cut))), fuzzParameters())
    const lines = (validBundle.entry as { resource: unknown }[]).map((e) => JSON.stringify(e.resource)).join('\n')
    expect(parseChecked(lines).length).toBe(0)
  })
})
