// Hostile input for the observation CSV reader: any bytes or text, hostile cells, formulas, Unicode
// tricks, huge fields and many columns give issues, never an exception, and never a bad row.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvStyle, csvText, lineCount, rowLines } from '../../test/fuzz/csv-text.ts'
import { expectValidObservations } from '../../test/fuzz/domain-checks.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { decimalText, formulaText, numberLookalike, utf8RoundTrip } from '../../test/fuzz/hostile-text.ts'
import { errorsIn, expectWellFormedIssues, ISSUE_CODES } from '../../test/fuzz/issue-checks.ts'
import { HEADER_FIELDS, hostileObservationRow, validObservations } from '../../test/fuzz/observation-files.ts'
import type { Parsed } from '../core/issues.ts'
import type { ObservationInput } from '../core/model.ts'
import { observationTestContext } from './observation-test-context.ts'
import { parseObservationsCsv, parseObservationsCsvStream } from './parse-observations-csv.ts'

const context = observationTestContext('hostile.csv')

/** Parse, then check what must hold whatever the input: well-formed issues and valid rows. */
function parseChecked(input: string | Uint8Array): Parsed<ObservationInput[]> {
  const parsed = parseObservationsCsv(input, context)
  expectWellFormedIssues(parsed.issues, { file: context.file, lines: lineCount(input), codes: ISSUE_CODES.observationsCsv })
  expectValidObservations(parsed.value, context)
  return parsed
}

/** Each non-blank row of `rows` (written after the header) became an observation or has an error on its line, not both. */
function expectEveryRowAccounted(parsed: Parsed<ObservationInput[]>, rows: readonly (readonly string[])[]): void {
  const lines = rowLines([HEADER_FIELDS, ...rows]).slice(1)
  const errorLines = new Set(errorsIn(parsed.issues).map((i) => i.line))
  const read = rows.filter((fields, i) => fields.some((f) => f.trim() !== '') && !errorLines.has(lines[i]))
  expect(parsed.value, 'rows without an error, in file order').toHaveLength(read.length)
}

const header = fc.constantFrom(HEADER_FIELDS.join(','), `\uFEFF${HEADER_FIELDS.join(',')}`, HEADER_FIELDS.map((f) => ` ${f} `).join(','))

describe('parseObservationsCsv under hostile input', () => {
  it('reads any bytes without throwing', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => void parseChecked(bytes)), fuzzParameters())
  })

  it('reads any text after a valid header, lone surrogates and all', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', 'a', '1', '\uFEFF', '\u0000', '\uD800'), maxLength: 200 }))
    fc.assert(fc.property(header, anyText, (head, text) => void parseChecked(`${head}\n${text}`)), fuzzParameters())
  })

  it('reads valid files back exactly, whatever the line ends, quoting, BOM, padding and Unicode in the groups', () => {
    fc.assert(
      fc.property(validObservations(context), csvStyle, (cases, style) => {
        const parsed = parseChecked(csvText([HEADER_FIELDS, ...cases.map((c) => c.fields)], style))
        expect(parsed.issues).toEqual([])
        expect(parsed.value).toEqual(cases.map((c) => c.expected))
      }),
      fuzzParameters(),
    )
  })

  it('turns rows of hostile cells into issues and keeps only valid rows: each row is read or has an error on its line', () => {
    const rows = fc.array(fc.oneof({ weight: 6, arbitrary: hostileObservationRow(context) }, fc.constant(['']), fc.constant(['', '', ''])), { maxLength: 20 })
    fc.assert(
      fc.property(rows, csvStyle, (cells, style) => {
        expectEveryRowAccounted(parseChecked(csvText([HEADER_FIELDS, ...cells], style)), cells)
      }),
      fuzzParameters(),
    )
  })

  it('judges any numbers in the number columns by the kind of measure', () => {
    const number = fc.oneof(decimalText, fc.constant(''), fc.integer({ min: -5, max: 5 }).map(String))
    const rows = validObservations(context, 10).chain((cases) => fc.tuple(...cases.map((c) => fc.tuple(number, number, number).map((numbers) => [...c.fields.slice(0, 5), ...numbers]))))
    fc.assert(fc.property(rows, (cells) => expectEveryRowAccounted(parseChecked(csvText([HEADER_FIELDS, ...cells])), cells)), fuzzParameters())
  })

  it('rejects a formula or a look-alike number in a number column, quoting the cell on its line and column', () => {
    const columns = ['numerator', 'denominator', 'value'] as const
    fc.assert(
      fc.property(validObservations(context, 10), fc.nat(), fc.constantFrom(...columns), fc.oneof(formulaText, numberLookalike), csvStyle, (cases, at, column, cell, style) => {
        const index = at % cases.length
        const rows = cases.map((c, i) => (i === index ? c.fields.map((f, j) => (HEADER_FIELDS[j] === column ? cell : f)) : c.fields))
        const parsed = parseChecked(csvText([HEADER_FIELDS, ...rows], style))
        const line = rowLines([HEADER_FIELDS, ...rows])[index + 1]
        expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'not_a_number', line, column, value: utf8RoundTrip(cell) }))
        expect(parsed.value).toEqual(cases.filter((_, i) => i !== index).map((c) => c.expected))
      }),
      fuzzParameters(),
    )
  })

  it('rejects a formula as a measure, site or period, and keeps one as a dimension and group verbatim (trimmed), never evaluated', () => {
    const codes = { measure: 'unknown_measure', site: 'unknown_site', period: 'bad_date' } as const
    fc.assert(
      fc.property(validObservations(context, 1), fc.constantFrom('measure', 'site', 'period', 'who'), formulaText, (cases, column, formula) => {
        const fields = [...cases[0]!.fields]
        if (column === 'who') fields.splice(3, 2, formula, formula)
        else fields[HEADER_FIELDS.indexOf(column)] = formula
        const parsed = parseChecked(csvText([HEADER_FIELDS, fields]))
        if (column === 'who') {
          expect(parsed.issues).toEqual([])
          expect(parsed.value).toEqual([{ ...cases[0]!.expected, dimension: utf8RoundTrip(formula).trim(), group: utf8RoundTrip(formula).trim() }])
        } else {
          expect(parsed.issues).toContainEqual(expect.objectContaining({ code: codes[column], line: 2, column, value: utf8RoundTrip(formula) }))
          expect(parsed.value).toEqual([])
        }
      }),
      fuzzParameters(),
    )
  })

  it('reads a 1 MB field in any column without throwing: text for a group, an issue anywhere else', () => {
    // Never all white space: that is an empty field, whatever its size.
    const huge = fc.tuple(fc.constantFrom('x', '9', '\u202E', '"', ',', '\n9', '=', '\u00A0x'), fc.integer({ min: 500_000, max: 1_100_000 })).map(([c, n]) => c.repeat(n))
    fc.assert(
      fc.property(validObservations(context, 3), fc.integer({ min: 0, max: 7 }), huge, (cases, column, cell) => {
        const rows = cases.map((c, i) => (i === 0 ? c.fields.map((f, j) => (j === column ? cell : f)) : c.fields))
        const parsed = parseChecked(csvText([HEADER_FIELDS, ...rows]))
        if (column === 3 || column === 4) expect(parsed.value.length).toBeLessThanOrEqual(cases.length)
        else expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 2 }))
      }),
      fuzzParameters(0.02, 3),
    )
  })

  it('reports a header or a row with thousands of columns once, without throwing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 9, max: 20_000 }), fc.boolean(), (width, inHeader) => {
        const wide = Array.from({ length: width }, (_, i) => HEADER_FIELDS[i % 8]!)
        const rows = inHeader ? [wide, ['admissions', '2024-03-04', '', '', '', '', '', '1']] : [HEADER_FIELDS, wide]
        const parsed = parseChecked(csvText(rows))
        expect(parsed.issues.map((i) => [i.code, i.line])).toEqual([inHeader ? ['bad_header', 1] : ['wrong_field_count', 2]])
      }),
      fuzzParameters(0.1),
    )
  })

  it('gives the same result read as a stream, however the bytes are cut into chunks', async () => {
    const file = fc.tuple(fc.array(hostileObservationRow(context), { maxLength: 10 }), csvStyle).map(([rows, style]) => new TextEncoder().encode(csvText([HEADER_FIELDS, ...rows], style)))
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 12 }), async (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((from, i) => bytes.subarray(from, [...points, bytes.length][i]))
        const streamed = await parseObservationsCsvStream((async function* () { yield* chunks })(), context)
        expect(streamed).toEqual(parseObservationsCsv(bytes, context))
      }),
      fuzzParameters(),
    )
  })
})
