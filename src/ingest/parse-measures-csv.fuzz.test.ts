// Hostile input for the measure CSV reader: any bytes, hostile cells, formulas and huge fields give
// issues, never an exception; free text (names, descriptions, units) is kept as written.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvStyle, csvText, lineCount } from '../../test/fuzz/csv-text.ts'
import { expectValidMeasures } from '../../test/fuzz/domain-checks.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { formulaText, hostileText, markupText, numberLookalike } from '../../test/fuzz/hostile-text.ts'
import { expectWellFormedIssues, ISSUE_CODES } from '../../test/fuzz/issue-checks.ts'
import { MEASURE_COLUMNS, MEASURE_TEXT_FIELDS, measureColumns, measureCsvRow, validMeasures } from '../../test/fuzz/measure-files.ts'
import type { Parsed } from '../core/issues.ts'
import type { Measure } from '../core/model.ts'
import { parseMeasuresCsv } from './parse-measures-csv.ts'

const FILE = 'measures.csv'

function parseChecked(input: string | Uint8Array): Parsed<Measure[]> {
  const parsed = parseMeasuresCsv(input, FILE)
  expectWellFormedIssues(parsed.issues, { file: FILE, lines: lineCount(input), codes: ISSUE_CODES.measuresCsv })
  expectValidMeasures(parsed.value)
  return parsed
}

/** What a measure reads as from a file without some optional columns (a rate keeps its multiplier column). */
const DEFAULTS = { description: '', rateMultiplier: null, target: null, defaultChart: 'xmr', numeratorDefinition: null, denominatorDefinition: null, unit: null } as const

/** A valid file as rows of fields, with the measures it holds. */
const validFile = fc.tuple(validMeasures, measureColumns).map(([written, chosen]) => {
  const columns: (keyof Measure)[] = written.some((m) => m.kind === 'rate') && !chosen.includes('rateMultiplier') ? [...chosen, 'rateMultiplier'] : chosen
  const absent = Object.fromEntries(Object.entries(DEFAULTS).filter(([field]) => !columns.includes(field as keyof Measure)))
  return {
    measures: written.map((m) => ({ ...m, ...absent })),
    rows: [columns.map((f) => MEASURE_COLUMNS[f]), ...written.map((m) => measureCsvRow(m, columns))],
  }
})

describe('parseMeasuresCsv under hostile input', () => {
  it('reads any bytes, or any text after a valid header, without throwing', () => {
    const header = Object.values(MEASURE_COLUMNS).join(',')
    const input = fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 600 }).map((text) => `${header}\n${text}`))
    fc.assert(fc.property(input, (i) => void parseChecked(i)), fuzzParameters())
  })

  it('reads valid files back exactly, columns in any order, formulas and markup in the free text kept as text', () => {
    fc.assert(
      fc.property(validFile, csvStyle, ({ measures, rows }, style) => {
        const parsed = parseChecked(csvText(rows, style))
        expect(parsed.issues).toEqual([])
        expect(parsed.value).toEqual(measures)
      }),
      fuzzParameters(),
    )
  })

  it('turns hostile cells in any column into issues, and keeps only valid measures', () => {
    const file = validFile.chain(({ rows }) =>
      fc.tuple(fc.constant(rows[0]!), ...rows.slice(1).map((row) => fc.tuple(...row.map((cell) => fc.oneof({ weight: 2, arbitrary: fc.constant(cell) }, hostileText, formulaText, numberLookalike))))),
    )
    fc.assert(fc.property(file, csvStyle, ([head, ...rows], style) => void parseChecked(csvText([head, ...rows], style))), fuzzParameters())
  })

  it('rejects a formula as a code or a number, and keeps it verbatim (trimmed) as free text', () => {
    const field = fc.constantFrom<keyof Measure>('code', 'target', 'rateMultiplier', ...MEASURE_TEXT_FIELDS)
    fc.assert(
      fc.property(validMeasures, field, fc.oneof(formulaText, markupText), (measures, column, text) => {
        const measure: Measure = column === 'rateMultiplier' ? { ...measures[0]!, kind: 'rate', rateMultiplier: 1000 } : measures[0]!
        const fields = Object.keys(MEASURE_COLUMNS) as (keyof Measure)[]
        const row = measureCsvRow(measure, fields).map((cell, i) => (fields[i] === column ? text : cell))
        const parsed = parseChecked(csvText([Object.values(MEASURE_COLUMNS), row]))
        const kept = text.trim()
        if ((MEASURE_TEXT_FIELDS as readonly string[]).includes(column)) {
          expect(parsed.value.map((m) => m[column])).toEqual([kept])
        } else {
          expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 2, column: MEASURE_COLUMNS[column], code: column === 'code' ? 'bad_code' : 'not_a_number' }))
          expect(parsed.value).toEqual([])
        }
      }),
      fuzzParameters(),
    )
  })

  it('reads a 1 MB cell and a header of thousands of columns without throwing', () => {
    const huge = fc.tuple(fc.constantFrom('x', '9', '=', '\u202E', '"'), fc.integer({ min: 1_000_000, max: 1_100_000 })).map(([c, n]) => c.repeat(n))
    fc.assert(
      fc.property(validFile, fc.nat(), huge, fc.integer({ min: 14, max: 20_000 }), ({ rows }, at, cell, width) => {
        const [head, first, ...rest] = rows
        const index = at % head!.length
        parseChecked(csvText([head!, first!.map((c, i) => (i === index ? cell : c)), ...rest]))
        const wide = parseChecked(csvText([Array.from({ length: width }, (_, i) => `c${i}`), ['x']]))
        expect(wide.issues.map((i) => i.code)).toEqual(['bad_header'])
      }),
      fuzzParameters(0.02, 3),
    )
  })
})
