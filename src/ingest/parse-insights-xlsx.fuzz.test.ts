// Hostile input for the insight workbook reader: random bytes, cut or corrupted workbooks and
// hostile cells of every type give issues (bad_xlsx when unreadable), never an exception.
import type ExcelJS from 'exceljs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../test/fuzz/fuzz-settings.ts'
import { formulaText } from '../../test/fuzz/hostile-text.ts'
import { expectWellFormedIssues } from '../../test/fuzz/issue-checks.ts'
import { hostileCell, sheetSafe, workbookBytes } from '../../test/fuzz/workbooks.ts'
import type { InsightInput } from '../core/insight/model.ts'
import type { Parsed } from '../core/issues.ts'
import { INSIGHT_COLUMNS } from './insight-columns.ts'
import { INSIGHT_ISSUE_CODES, validInsights } from './insight-fuzz-cases.ts'
import { insightProblems, insightTestOptions } from './insight-test-context.ts'
import { parseInsightsXlsx } from './parse-insights-xlsx.ts'

const options = insightTestOptions('hostile.xlsx')
const HEADER = [...INSIGHT_COLUMNS]

async function parseChecked(bytes: Uint8Array, rows: number): Promise<Parsed<InsightInput[]>> {
  const parsed = await parseInsightsXlsx(bytes, options)
  expectWellFormedIssues(parsed.issues, { file: options.file, lines: Math.max(rows, 1), codes: INSIGHT_ISSUE_CODES.xlsx })
  for (const insight of parsed.value) expect(insightProblems(insight, options, 'import_xlsx'), JSON.stringify(insight).slice(0, 300)).toEqual([])
  return parsed
}

function expectUnreadable(parsed: Parsed<InsightInput[]>): void {
  expect(parsed.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'bad_xlsx']])
  expect(parsed.value).toEqual([])
}

describe('parseInsightsXlsx under hostile input', () => {
  let good: Uint8Array
  beforeAll(async () => {
    good = await workbookBytes([HEADER, ['Kind staff', new Date(Date.UTC(2025, 2, 4)), 'A81001', 'carer', 1, '40-59', null, null, 2, 'a;b'], ['Long wait', 45721, null, null, 'Poor']])
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

  it('reads sheets of hostile cells of every type into issues and valid insights only', async () => {
    const row = fc.array(hostileCell, { maxLength: 12 })
    const valid = validInsights(options, 'import_xlsx', sheetSafe, 1).map(([c]) => [...c!.fields] as ExcelJS.CellValue[])
    const sheet = fc.tuple(fc.constantFrom<ExcelJS.CellValue[]>([...HEADER], [...HEADER].reverse(), ['Text', 'DATE'], []), fc.array(fc.oneof(row, valid), { maxLength: 8 }))
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async ([header, rows], date1904) => {
        await parseChecked(await workbookBytes([header, ...rows], { date1904 }), rows.length + 1)
      }),
      fuzzParameters(0.3),
    )
  })

  it('reads valid rows back exactly, dates as date cells or text, and rejects a formula typed as text in a date cell', async () => {
    const asCells = fc.boolean()
    await fc.assert(
      fc.asyncProperty(validInsights(options, 'import_xlsx', sheetSafe, 5), asCells, fc.option(formulaText), async (cases, dateCells, formula) => {
        const rows = cases.map((c, i) => {
          const cells: ExcelJS.CellValue[] = [...c.fields]
          if (dateCells) cells[1] = new Date(`${c.fields[1]}T00:00:00Z`)
          if (formula !== null && i === 0) cells[1] = formula
          return cells
        })
        const parsed = await parseChecked(await workbookBytes([HEADER, ...rows]), rows.length + 1)
        if (formula === null) {
          expect(parsed.issues).toEqual([])
          expect(parsed.value).toEqual(cases.map((c) => c.expected))
        } else {
          expect(parsed.issues).toContainEqual(expect.objectContaining({ severity: 'error', line: 2, column: 'date' }))
          expect(parsed.value).toEqual(cases.slice(1).map((c) => c.expected))
        }
      }),
      fuzzParameters(0.3),
    )
  })
})
