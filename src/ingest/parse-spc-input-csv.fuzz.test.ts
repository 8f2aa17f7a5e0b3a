// Hostile input for the `lhs spc` series reader: any bytes, hostile cells, formulas and look-alike
// numbers give issues, never an exception; points come back in period order, one per date.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvStyle, csvText, lineCount, rowLines } from '../../test/fuzz/csv-text.ts'
import { expectValidSpcInput } from '../../test/fuzz/domain-checks.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { formulaText, hostileText, numberLookalike, storableNumber, utf8RoundTrip } from '../../test/fuzz/hostile-text.ts'
import { expectWellFormedIssues, ISSUE_CODES } from '../../test/fuzz/issue-checks.ts'
import { periodStart } from '../../test/fuzz/observation-files.ts'
import type { Parsed } from '../core/issues.ts'
import { parseSpcInputCsv, type SpcInput } from './parse-spc-input-csv.ts'

const FILE = 'series.csv'

function parseChecked(input: string | Uint8Array): Parsed<SpcInput> {
  const parsed = parseSpcInputCsv(input, FILE)
  expectWellFormedIssues(parsed.issues, { file: FILE, lines: lineCount(input), codes: ISSUE_CODES.spcInputCsv })
  expectValidSpcInput(parsed.value)
  return parsed
}

/** A valid series: distinct dates, each with a value (or a numerator and denominator), some missing. */
const validSeries = fc.boolean().chain((proportion) =>
  fc
    .uniqueArray(periodStart('day'), { minLength: 1, maxLength: 30 })
    .chain((periods) =>
      fc.tuple(
        ...periods.map((period) =>
          proportion
            ? fc.option(fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([d, f]) => [String(storableNumber(d * f)), String(d)]), { freq: 8 }).map((nd) => ({ period, fields: nd ?? ['', ''], value: nd ? Number(nd[0]) / Number(nd[1]) : null }))
            : fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(storableNumber), { freq: 8 }).map((v) => ({ period, fields: [v === null ? '' : String(v)], value: v })),
        ),
      ),
    )
    .map((points) => ({ header: proportion ? ['period', 'numerator', 'denominator'] : ['period', 'value'], points })),
)

describe('parseSpcInputCsv under hostile input', () => {
  it('reads any bytes, or any text after a header, without throwing', () => {
    const header = fc.constantFrom('period,value', 'period,numerator,denominator')
    const input = fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.tuple(header, fc.string({ unit: 'binary', maxLength: 400 })).map(([h, text]) => `${h}\n${text}`))
    fc.assert(fc.property(input, (i) => void parseChecked(i)), fuzzParameters())
  })

  it('reads valid series back in period order, whatever the row order and CSV style', () => {
    fc.assert(
      fc.property(validSeries, csvStyle, ({ header, points }, style) => {
        const parsed = parseChecked(csvText([header, ...points.map((p) => [p.period, ...p.fields])], style))
        expect(parsed.issues).toEqual([])
        expect(parsed.value.points).toEqual([...points].sort((a, b) => (a.period < b.period ? -1 : 1)).map(({ period, value }) => ({ period, value })))
      }),
      fuzzParameters(),
    )
  })

  it('keeps only valid points from rows of hostile cells', () => {
    const file = validSeries.chain(({ header, points }) =>
      fc.tuple(fc.constant(header), fc.tuple(...points.map((p) => fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(p.period, ...p.fields) }, hostileText), { minLength: header.length - 1, maxLength: header.length + 1 })))),
    )
    fc.assert(fc.property(file, csvStyle, ([header, rows], style) => void parseChecked(csvText([header, ...rows], style))), fuzzParameters())
  })

  it('rejects a formula or a look-alike number as a value, on its line', () => {
    fc.assert(
      fc.property(validSeries, fc.nat(), fc.oneof(formulaText, numberLookalike), ({ header, points }, at, cell) => {
        const index = at % points.length
        const rows = [header, ...points.map((p, i) => [p.period, ...(i === index ? p.fields.map(() => cell) : p.fields)])]
        const parsed = parseChecked(csvText(rows))
        expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'not_a_number', line: rowLines(rows)[index + 1], column: header[1], value: utf8RoundTrip(cell) }))
        expect(parsed.value.points.map((p) => p.period)).not.toContain(points[index]!.period)
      }),
      fuzzParameters(),
    )
  })
})
