// Data-quality checks on values the importer no longer accepts but a database may already hold:
// sums near 1e308 must not overflow (PostgreSQL raised "value out of range: overflow", and the
// import answered 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { measureFixture } from '../../test/support/fixture.ts'
import type { ObservationInput } from '../core/model.ts'
import type { Store } from './database.ts'
import { findOutliers } from './data-quality.ts'
import { startImport } from './imports.ts'
import { listMeasures, upsertMeasures } from './measures.ts'
import { upsertObservations } from './observations.ts'
import { ensureOrganisation } from './organisations.ts'
import { upsertProgramme } from './programmes.ts'
import { listSites } from './sites.ts'

function weeks(values: readonly number[], from = 0): ObservationInput[] {
  return values.map((value, i) => ({
    measure: 'huge',
    period: new Date(Date.UTC(2025, 0, 6 + 7 * (from + i))).toISOString().slice(0, 10),
    site: null,
    dimension: null,
    group: null,
    numerator: null,
    denominator: null,
    value,
  }))
}

for (const engine of enginesUnderTest()) {
  describe(`data-quality checks on ${engine.engine}`, () => {
    let store: Store
    let organisationId: number
    let programmeId: number
    let context: (importId: number | null) => Parameters<typeof upsertObservations>[1]

    beforeAll(async () => {
      store = await engine.open()
      organisationId = (await ensureOrganisation(store.db, { code: 'dq', name: 'Data quality' })).id
      programmeId = (await upsertProgramme(store.db, organisationId, { code: 'p', name: 'P', aim: '' })).id
      await upsertMeasures(store.db, organisationId, programmeId, [measureFixture({ code: 'huge', kind: 'mean' })])
      const measureIds = new Map((await listMeasures(store.db, organisationId, programmeId)).map((m) => [m.code, m.id]))
      const sites = await listSites(store.db, organisationId)
      const rootSiteId = sites.find((s) => s.code === 'dq')!.id
      context = (importId) => ({ organisationId, measureIds, siteIds: new Map(sites.map((s) => [s.code, s.id])), rootSiteId, importId, source: 'test', importedAt: new Date('2025-06-01T00:00:00Z') })
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('finds outliers in a series whose history sums past the largest float (values near 1.7e308) instead of failing', async () => {
      await upsertObservations(store.db, context(null), weeks(Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? 1.7e308 : 1.6e308))))
      const importId = await startImport(store.db, organisationId, programmeId, 'observations', 'huge.csv', 'test', new Date())
      await upsertObservations(store.db, context(importId), weeks([-1.7e308], 14))
      const outliers = await findOutliers(store.db, organisationId, importId)
      expect(outliers.map((o) => [o.period, o.value])).toEqual([['2025-04-14', -1.7e308]])
      expect(outliers[0]?.historyMean).toBeCloseTo(1.65e308, -300)
      expect(Number.isFinite(outliers[0]?.historySd)).toBe(true)
    })
  })
}
