// Through the server: an import into a programme whose analysis is precomputed shows on the summary
// matrix and the programme page at once, without a restart, and the results served are the ones
// stored (the refresh ran for the import; nothing was worked out on request).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SummaryMatrixSchema } from '../../src/contract/analysis.ts'
import { countStaleSeries } from '../../src/storage/series-analysis.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { csv, monday } from '../support/fixture.ts'
import { all, FIXTURE_WEEKS, htmlOf, jsonOf, openTestServer, textOf, uploadForm, type TestServer } from '../support/server.ts'

const HTN = '/api/v1/organisations/test/programmes/htn'

for (const engine of enginesUnderTest()) {
  describe(`precomputed analysis through the server on ${engine.engine}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(async () => server.close())

    const bpCell = async () => {
      const body = SummaryMatrixSchema.parse(await jsonOf(await server.app.request(`${HTN}/summary`)))
      return body.measures.find((m) => m.measure === 'bp-control')!.cells[0]!
    }

    it('shows a new week on the matrix and the page straight after its import', async () => {
      const before = await bpCell()
      expect(before).toMatchObject({ stale: false, period: monday(FIXTURE_WEEKS - 1) })
      const computedBefore = before.computedAt

      const report = await jsonOf(await server.app.request(`${HTN}/imports`, { method: 'POST', body: uploadForm('observations', 'next-week.csv', csv(`bp-control,${monday(FIXTURE_WEEKS)},,,,180,200,`)) }))
      expect(report).toMatchObject({ inserted: 1 })
      const org = await server.store.db.selectFrom('organisations').select('id').where('code', '=', 'test').executeTakeFirstOrThrow()
      expect(await countStaleSeries(server.store.db, org.id)).toBe(0)

      const after = await bpCell()
      expect(after).toMatchObject({ stale: false, period: monday(FIXTURE_WEEKS), latest: 0.9 })
      // Served from the stored row the import's refresh wrote (a fixed clock: the same time, a new version).
      const stored = await sql<{ computed_version: number; version: number }>`
        SELECT sa.computed_version, sa.version FROM series_analysis sa JOIN measures m ON m.id = sa.measure_id AND m.organisation_id = sa.organisation_id
        JOIN sites s ON s.id = sa.site_id AND s.organisation_id = sa.organisation_id
        WHERE m.code = 'bp-control' AND s.code = 'test' AND sa.dimension = ''`.execute(server.store.db)
      expect(Number(stored.rows[0]!.computed_version)).toBe(Number(stored.rows[0]!.version))
      expect(Number(stored.rows[0]!.version)).toBeGreaterThan(1)
      expect(after.computedAt).toBe(computedBefore)

      const page = await htmlOf(await server.app.request('/organisations/test/programmes/htn'))
      const row = all(page, 'table.lhs-summary-table tbody tr').find((tr) => textOf(tr).includes('Blood pressure controlled'))
      expect(textOf(row ?? null)).toContain('90')
      expect(textOf(page)).not.toContain('Being updated')
    })
  })
}
