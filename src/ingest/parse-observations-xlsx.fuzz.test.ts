// Hostile input for the observation workbook reader: random bytes, cut or corrupted workbooks and
// hostile cells of every type give issues (bad_xlsx when unreadable), never an exception.
import type ExcelJS from 'exceljs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectValidObservations } from '../../test/fuzz/domain-checks.ts'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { formulaText } from '../../test/fuzz/hostile-text.ts'
import { expectWellFormedIssues, ISSUE_CODES } from '../../test/fuzz/issue-checks.ts'
import { HEADER_FIELDS, validObservations, type ObservationCase } from '../../test/fuzz/observation-files.ts'
import { hostileCell, sheetSafe, workbookBytes } from '../../test/fuzz/workbooks.ts'
import type { Parsed } from '../core/issues.ts'
import type { ObservationInput } from '../core/model.ts'
import { observationTestContext } from './observation-test-context.ts'
import { parseObservationsXlsx } from './parse-observations-xlsx.ts'

const context = observationTestContext('hostile.xlsx')

async function parseChecked(bytes: Uint8Array, rows: number): Promise<Parsed<ObservationInput[]>> {
  const parsed = await parseObservationsXlsx(bytes, context)
  expectWellFormedIssues(parsed.issues, { file: context.file, lines: Math.max(rows, 1), codes: ISSUE_CODES.observationsXlsx })
  expectValidObservations(parsed.value, context)
  return parsed
}

/** A valid case with its texts made fit for a worksheet (the groups are the only free text). */
function forSheet({ fields, expected }: ObservationCase): ObservationCase {
  const safe = fields.map(sheetSafe)
  return { fields: safe, expected: { ...expected, dimension: expected.dimension === null ? null : safe[3]!.trim(), group: expected.group === null ? null : safe[4]!.trim() } }
}

/** Cases whose keys are still distinct after `forSheet`. */
function distinct(cases: readonly ObservationCase[]): ObservationCase[] {
  const keys = new Set<string>()
  return cases.filter(({ expected: e }) => {
    const key = JSON.stringify([e.measure, e.period, e.site, e.dimension, e.group])
    return !keys.has(key) && Boolean(keys.add(key))
  })
}

function expectUnreadable(parsed: Parsed<ObservationInput[]>): void {
  expect(parsed.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'bad_xlsx']])
  expect(parsed.value).toEqual([])
}

describe('parseObservationsXlsx under hostile input', () => {
  let good: Uint8Array
  beforeAll(async () => {
    good = await workbookBytes([HEADER_FIELDS, ['admissions', new Date(Date.UTC(2024, 2, 4)), 'A81001', null, null, null, null, 12], ['bp-control', 45352, '', '', '', 3, 4, null]])
  })

  it('answers bad_xlsx for bytes that are not a workbook, zip signature or not', async () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail])))
    await fc.assert(fc.asyncProperty(bytes, async (b) => expectUnreadable(await parseChecked(b, 1))), fuzzParameters())
  })

  it('answers bad_xlsx for a real workbook cut short anywhere', async () => {
    expect((await parseChecked(good, 3)).value).toHaveLength(2)
    await fc.assert(fc.asyncProperty(fc.nat(), async (at) => expectUnreadable(await parseChecked(good.subarray(0, at % good.length), 3))), fuzzParameters())
  })

  it('reads a real workbook with corrupted bytes without throwing', async () => {
    const damage = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 })
    await fc.assert(
      fc.asyncProperty(damage, async (changes) => {
        const bytes = good.slice()
        for (const [at, xor] of changes) bytes[at % bytes.length] = bytes[at % bytes.length]! ^ xor
        await parseChecked(bytes, 3)
      }),
      fuzzParameters(0.5),
    )
  })

  it('reads sheets of hostile cells of every type into issues and valid rows only', async () => {
    const row = fc.array(hostileCell, { maxLength: 10 })
    const sheet = fc.tuple(fc.constantFrom<ExcelJS.CellValue[]>([...HEADER_FIELDS], [...HEADER_FIELDS].reverse(), []), fc.array(fc.oneof(row, validObservations(context, 1).map((cases) => [...cases[0]!.fields])), { maxLength: 8 }))
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async ([header, rows], date1904) => {
        await parseChecked(await workbookBytes([header, ...rows], { date1904 }), rows.length + 1)
      }),
      fuzzParameters(0.3),
    )
  })

  it('reads valid rows back exactly, and rejects a formula typed as text in a number cell', async () => {
    await fc.assert(
      fc.asyncProperty(validObservations(context, 5).map((cases) => distinct(cases.map(forSheet))), fc.option(fc.tuple(formulaText, fc.constantFrom(5, 6, 7))), async (cases, formula) => {
        const rows = cases.map((c, i) => (formula && i === 0 ? c.fields.map((f, j) => (j === formula[1] ? formula[0] : f)) : [...c.fields]))
        const parsed = await parseChecked(await workbookBytes([HEADER_FIELDS, ...rows]), rows.length + 1)
        if (formula === null) {
          expect(parsed.issues).toEqual([])
          expect(parsed.value).toEqual(cases.map((c) => c.expected))
        } else {
          expect(parsed.issues).toContainEqual(expect.objectContaining({ code: 'not_a_number', line: 2, column: HEADER_FIELDS[formula[1]] }))
          expect(parsed.value).toEqual(cases.slice(1).map((c) => c.expected))
        }
      }),
      fuzzParameters(0.3),
    )
  })
})
