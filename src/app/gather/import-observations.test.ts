import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { csv, depsFor, monday, seedFixture } from '../../../test/support/fixture.ts'
import type { Store } from '../../storage/database.ts'
import { getSeries } from '../analyse/get-series.ts'
import type { AppDeps } from '../deps.ts'
import { importObservations } from './import-observations.ts'
import { listProgrammeImports } from './list-imports.ts'

const request = (content: Uint8Array, fileName = 'obs.csv') => ({ organisation: 'test', programme: 'htn', fileName, format: 'csv' as const, content, createdBy: 'test' })

function weeks(count: number, site = 'alpha', numerator = (i: number) => 50 + (i % 4)): string[] {
  return Array.from({ length: count }, (_, i) => `bp-control,${monday(i)},${site},,,${numerator(i)},100,`)
}

async function countRows(store: Store): Promise<number> {
  const row = await store.db.selectFrom('observations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

for (const engine of enginesUnderTest()) {
  describe(`importing observations on ${engine.engine}`, () => {
    let store: Store
    let deps: AppDeps
    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      deps = depsFor(store)
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('reports every mistake with line and column and writes nothing', async () => {
      const file = csv(
        ...weeks(3),
        'bp-contrl,2025-01-06,alpha,,,1,2,',
        'bp-control,2025-01-07,alpha,,,1,2,',
        'bp-control,2025-01-13,gamma,,,1,2,',
        'bp-control,2025-02-03,alpha,,,five,10,',
        'bp-control,2025-01-27,alpha,,,11,10,',
        'monitors-lent,2025-01-06,alpha,,,,,-3',
        'bp-control,2025-01-06,alpha,,,50,100,',
      )
      const report = await importObservations(deps, request(file))
      const errors = report.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.line, i.column])
      expect(errors).toEqual([
        ['unknown_measure', 5, 'measure'],
        ['misaligned_period', 6, 'period'],
        ['unknown_site', 7, 'site'],
        ['not_a_number', 8, 'numerator'],
        ['numerator_above_denominator', 9, 'numerator'],
        ['negative_value', 10, 'value'],
        ['duplicate_row', 11, undefined],
      ])
      expect(report.issues[0]?.message).toContain('obs.csv:5:measure')
      expect(report).toMatchObject({ importId: null, inserted: 0, updated: 0, unchanged: 0 })
      expect(await countRows(store)).toBe(0)
      expect(await listProgrammeImports(deps, 'test', 'htn')).toEqual([])
    })

    it('imports a good file, then re-importing it changes nothing, then a changed row is updated', async () => {
      const file = csv(...weeks(20), 'falls,2025-01-06,,,,3,1500,', 'monitors-lent,2025-01-06,beta,,,,,4')
      const first = await importObservations(deps, request(file))
      expect(first.issues.filter((i) => i.severity === 'error')).toEqual([])
      expect(first).toMatchObject({ inserted: 22, updated: 0, unchanged: 0 })
      const again = await importObservations(deps, request(file))
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 22 })
      const changed = csv(...weeks(20, 'alpha', (i) => (i === 5 ? 77 : 50 + (i % 4))), 'falls,2025-01-06,,,,3,1500,', 'monitors-lent,2025-01-13,beta,,,,,6')
      expect(await importObservations(deps, request(changed))).toMatchObject({ inserted: 1, updated: 1, unchanged: 20 })

      const series = await getSeries(deps, { organisation: 'test', programme: 'htn', measure: 'bp-control', site: 'alpha' })
      expect(series.rows).toHaveLength(20)
      expect(series.rows[5]).toEqual({ period: monday(5), numerator: 77, denominator: 100, value: 0.77 })
      const falls = await getSeries(deps, { organisation: 'test', programme: 'htn', measure: 'falls' })
      expect(falls.rows[0]?.value).toBeCloseTo(2, 12)
      const history = await listProgrammeImports(deps, 'test', 'htn')
      expect(history.map((h) => [h.inserted, h.updated, h.unchanged])).toEqual([[1, 1, 20], [0, 0, 22], [22, 0, 0]])
    })

    it('warns about missing periods and values far outside history', async () => {
      const history = weeks(20, 'beta', (i) => 60 + (i % 3))
      await importObservations(deps, request(csv(...history)))
      const report = await importObservations(deps, request(csv(`bp-control,${monday(23)},beta,,,5,100,`), 'late.csv'))
      expect(report.inserted).toBe(1)
      expect(report.issues.map((i) => [i.severity, i.code])).toEqual([
        ['warning', 'missing_periods'],
        ['warning', 'outlying_value'],
      ])
      expect(report.issues[0]?.message).toContain(`bp-control (beta, all people) has no data between ${monday(19)} and ${monday(23)}`)
    })

    it('reads the same rows from an Excel workbook, with real date cells', async () => {
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('data')
      sheet.addRow(['measure', 'period', 'site', 'dimension', 'group', 'numerator', 'denominator', 'value'])
      sheet.addRow(['bp-control', new Date(Date.UTC(2025, 0, 6)), 'alpha', 'imd_quintile', '1', 30, 60, null])
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
      const report = await importObservations(deps, { ...request(bytes, 'obs.xlsx'), format: 'xlsx' })
      expect(report).toMatchObject({ inserted: 1, updated: 0 })
      const series = await getSeries(deps, { organisation: 'test', programme: 'htn', measure: 'bp-control', site: 'alpha', dimension: 'imd_quintile', group: '1' })
      expect(series.rows).toEqual([{ period: '2025-01-06', numerator: 30, denominator: 60, value: 0.5 }])
    })

    it('keeps organisations apart: codes resolve only inside the importing organisation', async () => {
      const report = await importObservations(deps, { ...request(csv(...weeks(1))), organisation: 'other' })
      expect(report.issues.map((i) => i.code)).toEqual(['unknown_measure', 'unknown_site'])
    })
  })
}
