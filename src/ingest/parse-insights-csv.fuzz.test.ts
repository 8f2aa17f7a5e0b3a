// Hostile input for the insight CSV reader: any bytes or text, hostile cells, formulas, Unicode
// tricks, huge fields and many columns give issues, never an exception, and never a bad insight.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvStyle, csvText, lineCount, rowLines } from '../../test/fuzz/csv-text.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { formulaText, hostileText, numberLookalike, utf8RoundTrip } from '../../test/fuzz/hostile-text.ts'
import { errorsIn, expectWellFormedIssues } from '../../test/fuzz/issue-checks.ts'
import type { InsightInput } from '../core/insight/model.ts'
import type { Parsed } from '../core/issues.ts'
import { INSIGHT_COLUMNS } from './insight-columns.ts'
import { anyHeaderSpelling, INSIGHT_ISSUE_CODES, validInsights } from './insight-fuzz-cases.ts'
import { insightProblems, insightTestOptions } from './insight-test-context.ts'
import { parseInsightsCsv, parseInsightsCsvStream } from './parse-insights-csv.ts'

const options = insightTestOptions('hostile.csv')
const HEADER = [...INSIGHT_COLUMNS]

/** Parse, then check what must hold whatever the input: well-formed issues and valid insights. */
function parseChecked(input: string | Uint8Array): Parsed<InsightInput[]> {
  const parsed = parseInsightsCsv(input, options)
  expectWellFormedIssues(parsed.issues, { file: options.file, lines: lineCount(input), codes: INSIGHT_ISSUE_CODES.csv })
  for (const insight of parsed.value) expect(insightProblems(insight, options, 'import_csv'), JSON.stringify(insight).slice(0, 300)).toEqual([])
  return parsed
}

/** Each non-blank row of `rows` (written after the header) became an insight or has an error on its line, not both. */
function expectEveryRowAccounted(parsed: Parsed<InsightInput[]>, rows: readonly (readonly string[])[]): void {
  const lines = rowLines([HEADER, ...rows]).slice(1)
  const errorLines = new Set(errorsIn(parsed.issues).map((i) => i.line))
  const read = rows.filter((fields, i) => fields.some((f) => f.trim() !== '') && !errorLines.has(lines[i]))
  expect(parsed.value, 'rows without an error, in file order').toHaveLength(read.length)
}

/** A row of ten cells, each valid, hostile or a formula, or a row of another width. */
const hostileRow: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 4, arbitrary: validInsights(options, 'import_csv', (t) => t, 1).chain(([c]) => fc.array(fc.tuple(fc.nat(9), fc.oneof(hostileText, formulaText, numberLookalike)), { maxLength: 3 }).map((swaps) => {
    const fields = [...c!.fields]
    for (const [at, cell] of swaps) fields[at] = cell
    return fields
  })) },
  fc.array(fc.oneof(hostileText, formulaText, fc.constant('')), { minLength: 0, maxLength: 12 }),
)

describe('parseInsightsCsv under hostile input', () => {
  it('reads any bytes without throwing', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => void parseChecked(bytes)), fuzzParameters())
  })

  it('reads any text after a valid header, lone surrogates and all', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), fc.string({ unit: fc.constantFrom(',', ';', '"', '\r', '\n', 'a', '1', '-', '\uFEFF', '\u0000', '\uD800'), maxLength: 200 }))
    fc.assert(fc.property(anyText, (text) => void parseChecked(`${HEADER.join(',')}\n${text}`)), fuzzParameters())
  })

  it('reads valid files back exactly, whatever the line ends, quoting, BOM, header spelling and Unicode in the free text', () => {
    fc.assert(
      fc.property(validInsights(options, 'import_csv'), csvStyle, anyHeaderSpelling, (cases, style, header) => {
        const parsed = parseChecked(csvText([header, ...cases.map((c) => c.fields.map(utf8RoundTrip))], style))
        expect(parsed.issues).toEqual([])
        expect(parsed.value).toEqual(cases.map((c) => c.expected))
      }),
      fuzzParameters(),
    )
  })

  it('turns rows of hostile cells into issues and keeps only valid insights: each row is read or has an error on its line', () => {
    fc.assert(
      fc.property(fc.array(hostileRow, { maxLength: 12 }), csvStyle, (rows, style) => {
        expectEveryRowAccounted(parseChecked(csvText([HEADER, ...rows], style)), rows)
      }),
      fuzzParameters(),
    )
  })

  it('keeps a formula in free text as written (trimmed), never evaluated, and rejects one as a date, site, answer or quintile', () => {
    const columns = ['text', 'date', 'site', 'fft', 'imd_quintile', 'ethnicity'] as const
    fc.assert(
      fc.property(validInsights(options, 'import_csv', (t) => t, 1), fc.constantFrom(...columns), formulaText, ([c], column, formula) => {
        const fields = [...c!.fields]
        fields[HEADER.indexOf(column)] = formula
        const parsed = parseChecked(csvText([HEADER, fields]))
        const written = utf8RoundTrip(formula)
        if (column === 'text') expect(parsed.value[0]?.text).toBe(written.trim())
        else if (column === 'ethnicity') expect(parsed.value[0]?.groups.ethnicity).toBe(written.trim())
        else expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 2, column, value: written }))
      }),
      fuzzParameters(),
    )
  })

  it('reads a 1 MB field in any column without throwing: too long for text, an issue for a date', () => {
    const huge = fc.tuple(fc.constantFrom('x', '9', '\u202E', '"', ',', '\n9', '=', '\u00A0x'), fc.integer({ min: 500_000, max: 1_100_000 })).map(([c, n]) => c.repeat(n))
    fc.assert(
      fc.property(validInsights(options, 'import_csv', (t) => t, 2), fc.nat(9), huge, (cases, column, cell) => {
        const rows = cases.map((c, i) => (i === 0 ? c.fields.map((f, j) => (j === column ? cell : f)) : c.fields))
        const parsed = parseChecked(csvText([HEADER, ...rows]))
        if (column <= 1) expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 2 }))
        expect(parsed.value.length).toBeLessThanOrEqual(cases.length)
      }),
      fuzzParameters(0.02, 3),
    )
  })

  it('reports a row with thousands of columns once, and warns once about a header with thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 20_000 }), fc.boolean(), (width, inHeader) => {
        const wide = Array.from({ length: width }, (_, i) => (i < 10 ? HEADER[i]! : `extra${i}`))
        const rows = inHeader ? [wide, ['A', '2025-01-02', ...Array.from({ length: width - 2 }, () => '')]] : [HEADER, wide]
        const parsed = parseChecked(csvText(rows))
        expect(parsed.issues.map((i) => [i.code, i.line])).toEqual([inHeader ? ['unknown_column', 1] : ['wrong_field_count', 2]])
        expect(parsed.issues[0]!.message.length).toBeLessThan(1000)
      }),
      fuzzParameters(0.1),
    )
  })

  it('gives the same result read as a stream, however the bytes are cut into chunks', async () => {
    const file = fc.tuple(fc.array(hostileRow, { maxLength: 8 }), csvStyle).map(([rows, style]) => new TextEncoder().encode(csvText([HEADER, ...rows], style)))
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 12 }), async (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((from, i) => bytes.subarray(from, [...points, bytes.length][i]))
        const streamed = await parseInsightsCsvStream((async function* () { yield* chunks })(), options)
        expect(streamed).toEqual(parseInsightsCsv(bytes, options))
      }),
      fuzzParameters(),
    )
  })
})
