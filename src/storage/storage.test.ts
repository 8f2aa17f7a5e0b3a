import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import type { Measure, ObservationInput } from '../core/model.ts'
import type { Store } from './database.ts'
import { findGaps, findOutliers } from './data-quality.ts'
import { listMeasures, upsertMeasures } from './measures.ts'
import { listSeries, readSeries, upsertObservations } from './observations.ts'
import { ensureOrganisation, findOrganisation } from './organisations.ts'
import { upsertProgramme } from './programmes.ts'
import { acceptRebaseSuggestion, declineRebaseSuggestion, deleteRebase, listRebaseSuggestions, listRebases, suggestRebase, upsertRebase } from './rebases.ts'
import { startImport } from './imports.ts'
import { listSites, upsertSites } from './sites.ts'

const measure: Measure = {
  code: 'bp-control',
  name: 'Blood pressure controlled',
  description: '',
  type: 'outcome',
  kind: 'proportion',
  rateMultiplier: null,
  direction: 'increase',
  target: 0.7,
  period: 'week',
  defaultChart: 'xmr',
  numeratorDefinition: 'controlled',
  denominatorDefinition: 'on the register',
  unit: null,
}

function weeks(count: number, value: (i: number) => number, site: string | null = 'eastgate'): ObservationInput[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10)
    return { measure: 'bp-control', period: day, site, dimension: null, group: null, numerator: value(i), denominator: 100, value: value(i) / 100 }
  })
}

for (const engine of enginesUnderTest()) {
  describe(`storage on ${engine.engine}`, () => {
    let store: Store
    let orgId: number
    let programmeId: number
    let measureIds: Map<string, number>
    let siteIds: Map<string, number>
    let rootSiteId: number

    beforeAll(async () => {
      store = await engine.open()
      const org = await ensureOrganisation(store.db, { code: 'riverside', name: 'Riverside ICS' })
      orgId = org.id
      await upsertSites(store.db, orgId, [
        { code: 'pcn-north', name: 'North PCN', kind: 'network', parent: 'riverside' },
        { code: 'eastgate', name: 'Eastgate', kind: 'practice', parent: 'pcn-north' },
      ])
      programmeId = (await upsertProgramme(store.db, orgId, { code: 'htn', name: 'Hypertension', aim: 'Control' })).id
      await upsertMeasures(store.db, orgId, programmeId, [measure])
      measureIds = new Map((await listMeasures(store.db, orgId, programmeId)).map((m) => [m.code, m.id]))
      const sites = await listSites(store.db, orgId)
      siteIds = new Map(sites.map((s) => [s.code, s.id]))
      rootSiteId = siteIds.get('riverside')!
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    const context = (importId: number | null) => ({ organisationId: orgId, measureIds, siteIds, rootSiteId, importId, source: 'test', importedAt: new Date('2025-06-01T00:00:00Z'), batchSize: 7 })

    it('creates the organisation with its root site and the site hierarchy', async () => {
      expect(await findOrganisation(store.db, 'riverside')).toMatchObject({ code: 'riverside' })
      const sites = await listSites(store.db, orgId)
      expect(sites.map((s) => [s.code, s.kind, s.parent])).toEqual([
        ['riverside', 'system', null],
        ['pcn-north', 'network', 'riverside'],
        ['eastgate', 'practice', 'pcn-north'],
      ])
    })

    it('upserts measures idempotently and reports changes', async () => {
      expect(await upsertMeasures(store.db, orgId, programmeId, [measure])).toEqual({ inserted: 0, updated: 0, unchanged: 1 })
      expect(await upsertMeasures(store.db, orgId, programmeId, [{ ...measure, target: 0.75 }])).toEqual({ inserted: 0, updated: 1, unchanged: 0 })
      expect((await listMeasures(store.db, orgId, programmeId))[0]?.target).toBe(0.75)
    })

    it('inserts, then leaves identical rows alone, then updates changed rows, across batches', async () => {
      const rows = weeks(20, (i) => 50 + (i % 5))
      expect(await upsertObservations(store.db, context(null), rows)).toEqual({ inserted: 20, updated: 0, unchanged: 0 })
      expect(await upsertObservations(store.db, context(null), rows)).toEqual({ inserted: 0, updated: 0, unchanged: 20 })
      const changed = rows.map((r, i) => (i === 3 ? { ...r, numerator: 99, value: 0.99 } : r))
      expect(await upsertObservations(store.db, context(null), changed)).toEqual({ inserted: 0, updated: 1, unchanged: 19 })
      const series = await readSeries(store.db, orgId, { measureId: measureIds.get('bp-control')!, siteId: siteIds.get('eastgate')!, dimension: '', group: '' })
      expect(series).toHaveLength(20)
      expect(series[0]).toEqual({ period: '2025-01-06', numerator: 50, denominator: 100, value: 0.5 })
      expect(series[3]?.value).toBe(0.99)
    })

    it('keeps values that do not round-trip through text unchanged on re-import', async () => {
      const rows = weeks(3, (i) => i + 1, null).map((r) => ({ ...r, value: (r.numerator ?? 0) / 3 }))
      await upsertObservations(store.db, context(null), rows)
      expect(await upsertObservations(store.db, context(null), rows)).toEqual({ inserted: 0, updated: 0, unchanged: 3 })
      const series = await readSeries(store.db, orgId, { measureId: measureIds.get('bp-control')!, siteId: rootSiteId, dimension: '', group: '' })
      expect(series.map((r) => r.value)).toEqual([1 / 3, 2 / 3, 1])
      const list = await listSeries(store.db, orgId, measureIds.get('bp-control')!)
      expect(list).toContainEqual({ siteId: rootSiteId, dimension: '', group: '', points: 3 })
    })

    it('finds gaps and outlying values in the series an import touched', async () => {
      const importId = await startImport(store.db, orgId, programmeId, 'observations', 'gaps.csv', 'test', new Date())
      const rows = weeks(30, () => 60).map((r, i) => ({ ...r, site: 'pcn-north', numerator: 60 + (i % 3), value: (60 + (i % 3)) / 100 }))
      const history = rows.slice(0, 25)
      await upsertObservations(store.db, context(null), history)
      const recent = [rows[27]!, { ...rows[29]!, numerator: 10, value: 0.1 }]
      await upsertObservations(store.db, context(importId), recent)
      const gaps = await findGaps(store.db, orgId, importId)
      expect(gaps.map((g) => [g.before, g.after])).toEqual([
        [history[24]!.period, rows[27]!.period],
        [rows[27]!.period, rows[29]!.period],
      ])
      const outliers = await findOutliers(store.db, orgId, importId)
      expect(outliers.map((o) => [o.period, o.value])).toEqual([[rows[29]!.period, 0.1]])
    })

    it('records rebases with their reason and refuses an empty reason', async () => {
      const measureId = measureIds.get('bp-control')!
      expect(await upsertRebase(store.db, orgId, { measureId, date: '2025-03-03', reason: 'New guideline', createdBy: 'test' })).toBe(true)
      expect(await upsertRebase(store.db, orgId, { measureId, date: '2025-03-03', reason: 'New guideline', createdBy: 'test' })).toBe(false)
      expect(await listRebases(store.db, orgId, measureId)).toEqual([{ measureId, date: '2025-03-03', reason: 'New guideline', createdBy: 'test', siteId: null }])
      await expect(upsertRebase(store.db, orgId, { measureId, date: '2025-04-07', reason: '  ', createdBy: 'test' })).rejects.toThrow()
    })

    it("applies a site's own rebase to that site only, and a suggestion to no chart until it is accepted", async () => {
      const measureId = measureIds.get('bp-control')!
      const eastgate = siteIds.get('eastgate')!
      await upsertRebase(store.db, orgId, { measureId, date: '2025-03-03', reason: 'Every site', createdBy: 'test' })
      await upsertRebase(store.db, orgId, { measureId, date: '2025-05-05', reason: 'Eastgate only', createdBy: 'test', siteId: eastgate })
      expect(await suggestRebase(store.db, orgId, { measureId, siteId: eastgate, date: '2025-06-02', reason: 'Action: loans', createdBy: 'review', actionId: null })).toBe(true)
      expect(await suggestRebase(store.db, orgId, { measureId, siteId: eastgate, date: '2025-05-05', reason: 'Clash', createdBy: 'review', actionId: null })).toBe(false)
      const dates = async (site?: number) => (await listRebases(store.db, orgId, measureId, site)).map((r) => r.date)
      expect(await dates()).toEqual(['2025-03-03'])
      expect(await dates(eastgate)).toEqual(['2025-03-03', '2025-05-05'])
      expect(await dates(siteIds.get('westbrook')!)).toEqual(['2025-03-03'])
      const [suggestion] = await listRebaseSuggestions(store.db, orgId, { measureId })
      expect(suggestion).toMatchObject({ date: '2025-06-02', siteId: eastgate, reason: 'Action: loans' })
      expect(await acceptRebaseSuggestion(store.db, orgId, suggestion!.id, 'lead@example.org')).toMatchObject({ createdBy: 'lead@example.org' })
      expect(await acceptRebaseSuggestion(store.db, orgId, suggestion!.id, 'lead@example.org')).toBeUndefined()
      expect(await dates(eastgate)).toEqual(['2025-03-03', '2025-05-05', '2025-06-02'])
      await suggestRebase(store.db, orgId, { measureId, siteId: null, date: '2025-07-07', reason: 'Declined', createdBy: 'review', actionId: null })
      const [declined] = await listRebaseSuggestions(store.db, orgId, { measureId })
      expect(await declineRebaseSuggestion(store.db, orgId, declined!.id)).toBe(true)
      expect(await listRebaseSuggestions(store.db, orgId, { measureId })).toEqual([])
      expect(await deleteRebase(store.db, orgId, measureId, '2025-05-05')).toBe(false)
      expect(await deleteRebase(store.db, orgId, measureId, '2025-05-05', eastgate)).toBe(true)
    })

    it('rolls back every row of a failed transaction', async () => {
      const rows = weeks(5, () => 40, 'pcn-north').map((r) => ({ ...r, period: r.period.replace('2025', '2023') }))
      const bad = [...rows, { ...rows[0]!, measure: 'no-such-measure' }]
      await expect(store.db.transaction().execute((trx) => upsertObservations(trx, { ...context(null), batchSize: 2 }, bad))).rejects.toThrow(/unknown measure/)
      const series = await readSeries(store.db, orgId, { measureId: measureIds.get('bp-control')!, siteId: siteIds.get('pcn-north')!, dimension: '', group: '' })
      expect(series.some((r) => r.period.startsWith('2023'))).toBe(false)
    })
  })
}
