// The precomputed analysis: every series' SPC result stored, marked stale by the database on every
// change to its inputs whatever the write path, refreshed for exactly the series touched, and read
// by the programme overview, which never serves a stale result as fresh.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getProgrammeOverview } from '../../src/app/analyse/programme-overview.ts'
import { ProgrammePage } from '../../src/server/pages/programme-page.tsx'
import { analyseSeries } from '../../src/app/analyse/get-series.ts'
import { refreshAnalysis } from '../../src/app/analyse/refresh-analysis.ts'
import { getMeasure, getProgrammeScope } from '../../src/app/catalogue.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { importObservations } from '../../src/app/gather/import-observations.ts'
import { parseCompactSpc } from '../../src/core/spc/compact.ts'
import type { Store } from '../../src/storage/database.ts'
import { readSeries } from '../../src/storage/observations.ts'
import { upsertRebase } from '../../src/storage/rebases.ts'
import { countStaleSeries } from '../../src/storage/series-analysis.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { csv, depsFor, monday, seedFixture } from '../support/fixture.ts'

const WEEKS = 20
const request = (content: Uint8Array) => ({ organisation: 'test', programme: 'htn', fileName: 'obs.csv', format: 'csv' as const, content, createdBy: 'test' })

/** bp-control at alpha, beta and the whole organisation (all people and quintiles 1 and 2); falls at alpha. */
function firstFile(): Uint8Array {
  const lines: string[] = []
  for (let i = 0; i < WEEKS; i++) {
    lines.push(`bp-control,${monday(i)},alpha,,,${50 + (i % 5)},100,`, `bp-control,${monday(i)},beta,,,${60 + (i % 3)},100,`, `bp-control,${monday(i)},,,,${110 + (i % 7)},200,`)
    lines.push(`bp-control,${monday(i)},,imd_quintile,1,${20 + (i % 4)},50,`, `bp-control,${monday(i)},,imd_quintile,2,${30 + (i % 2)},50,`)
    lines.push(`falls,${monday(i)},alpha,,,${3 + (i % 2)},1000,`)
  }
  return csv(...lines)
}

interface StoredRow {
  measure_id: number
  site_id: number
  dimension: string
  group_name: string
  computed_at: Date | null
  stale: boolean
  spc: object | null
}

async function storedRows(store: Store): Promise<StoredRow[]> {
  const result = await sql<StoredRow>`SELECT measure_id, site_id, dimension, group_name, computed_at, computed_version IS DISTINCT FROM version AS stale, spc
    FROM series_analysis ORDER BY measure_id, site_id, dimension, group_name`.execute(store.db)
  return result.rows
}

const keyOf = (r: { measure_id: number; site_id: number; dimension: string; group_name: string }) => `${r.measure_id}/${r.site_id}/${r.dimension}/${r.group_name}`

for (const engine of enginesUnderTest()) {
  describe(`precomputed analysis on ${engine.engine}`, () => {
    let store: Store
    let deps: AppDeps
    let now = new Date('2025-06-02T09:00:00Z')
    let org: number
    let ids: { alpha: number; beta: number; root: number; bp: number; falls: number; monitors: number }

    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      deps = { ...depsFor(store), clock: () => now }
      const scope = await getProgrammeScope(deps, 'test', 'htn')
      org = scope.organisation.id
      const sites = await store.db.selectFrom('sites').select(['id', 'code']).where('organisation_id', '=', org).execute()
      const site = (code: string) => sites.find((s) => s.code === code)!.id
      ids = { alpha: site('alpha'), beta: site('beta'), root: site('test'), bp: (await getMeasure(deps, scope, 'bp-control')).id, falls: (await getMeasure(deps, scope, 'falls')).id, monitors: (await getMeasure(deps, scope, 'monitors-lent')).id }
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('marks every series of an import stale, whatever wrote it, and a refresh stores what a measure page computes', async () => {
      const report = await importObservations(deps, request(firstFile()))
      expect(report.inserted).toBe(WEEKS * 6)
      expect(await countStaleSeries(store.db, org)).toBe(6)
      const refreshed = await refreshAnalysis(deps, org, { collectKeys: true, batchSize: 4 })
      expect(refreshed).toMatchObject({ recomputed: 6, removed: 0 })
      expect(await countStaleSeries(store.db, org)).toBe(0)

      const scope = await getProgrammeScope(deps, 'test', 'htn')
      const measure = await getMeasure(deps, scope, 'bp-control')
      for (const row of (await storedRows(store)).filter((r) => r.measure_id === ids.bp)) {
        const rows = await readSeries(store.db, org, { measureId: row.measure_id, siteId: row.site_id, dimension: row.dimension, group: row.group_name })
        expect(parseCompactSpc(row.spc!)).toStrictEqual(analyseSeries(measure, rows, []))
      }
    })

    it('recomputes only the series a later import touched', async () => {
      const before = new Map((await storedRows(store)).map((r) => [keyOf(r), r.computed_at!.toISOString()]))
      now = new Date('2025-06-09T09:00:00Z')
      await importObservations(deps, request(csv(`bp-control,${monday(WEEKS)},alpha,,,70,100,`, `bp-control,${monday(WEEKS)},,imd_quintile,1,45,50,`, `bp-control,${monday(0)},beta,,,${60},100,`)))
      const stale = (await storedRows(store)).filter((r) => r.stale).map(keyOf)
      const touched = [`${ids.bp}/${ids.alpha}//`, `${ids.bp}/${ids.root}/imd_quintile/1`]
      // The third row repeats a stored value exactly: nothing changed, so its series stays fresh.
      expect(stale.sort()).toEqual([...touched].sort())

      const report = await refreshAnalysis(deps, org, { collectKeys: true })
      expect(report.recomputed).toBe(2)
      expect(report.keys!.map((k) => `${k.measureId}/${k.siteId}/${k.dimension}/${k.group}`).sort()).toEqual([...touched].sort())
      for (const row of await storedRows(store)) {
        const was = before.get(keyOf(row))
        if (touched.includes(keyOf(row))) expect(row.computed_at!.toISOString()).toBe('2025-06-09T09:00:00.000Z')
        else expect(row.computed_at!.toISOString()).toBe(was)
      }
    })

    it('marks a measure’s series stale when a rebase, an exclusion or its target changes', async () => {
      await upsertRebase(store.db, org, { measureId: ids.bp, date: monday(10), reason: 'New pathway', createdBy: 'test', siteId: ids.beta })
      expect((await storedRows(store)).filter((r) => r.stale).map(keyOf)).toEqual([`${ids.bp}/${ids.beta}//`])
      await refreshAnalysis(deps, org)

      await store.db.insertInto('point_notes').values({ organisation_id: org, measure_id: ids.falls, site_id: ids.alpha, period_start: monday(3), kind: 'exclusion', note: 'Data error', created_by: 'test' }).execute()
      expect((await storedRows(store)).filter((r) => r.stale).map(keyOf)).toEqual([`${ids.falls}/${ids.alpha}//`])
      await refreshAnalysis(deps, org)
      const falls = (await storedRows(store)).find((r) => r.measure_id === ids.falls)!
      expect(parseCompactSpc(falls.spc!).points.find((p) => p.period === monday(3))!.excluded).toBe('Data error')

      await store.db.updateTable('measures').set({ target: 0.5 }).where('id', '=', ids.bp).execute()
      expect((await storedRows(store)).filter((r) => r.stale)).toHaveLength(5)
      await store.db.updateTable('measures').set({ name: 'Renamed only' }).where('id', '=', ids.falls).execute()
      expect((await storedRows(store)).filter((r) => r.stale)).toHaveLength(5)
      expect((await refreshAnalysis(deps, org)).recomputed).toBe(5)
    })

    it('shows a stale result marked as such on the overview, queues the refresh, and shows the new value after it', async () => {
      now = new Date('2025-06-16T09:00:00Z')
      await importObservations(deps, request(csv(`bp-control,${monday(WEEKS)},,imd_quintile,2,49,50,`)))
      const queued: { name: string; data: object }[] = []
      const withQueue: AppDeps = { ...deps, jobs: { send: async (name, data) => void queued.push({ name, data }) } }

      const stale = await getProgrammeOverview(withQueue, 'test', 'htn', { liveLimit: 0 })
      const cell = stale.measures.find((m) => m.measure.code === 'bp-control')!.groups.get('2')!
      expect(cell).toMatchObject({ stale: true, latest: { period: monday(WEEKS - 1) } })
      expect(stale.staleSeries).toBe(1)
      expect(queued).toEqual([{ name: 'refresh-analysis', data: { organisationId: org } }])
      // The page says so, above the measures and in the cell (for screen readers too).
      const html = String(await ProgrammePage({ overview: stale }))
      expect(html).toContain('Being updated')
      expect(html).toContain('1 result below was worked out before the latest data arrived')
      expect(html).toMatch(/Quintile 2: [^"]*Out of date: new data is being analysed/)

      // A few stale series are worked out on request (the default), so a small programme is always current.
      const live = await getProgrammeOverview(withQueue, 'test', 'htn')
      expect(live.measures.find((m) => m.measure.code === 'bp-control')!.groups.get('2')).toMatchObject({ stale: false, latest: { period: monday(WEEKS), value: 0.98 } })
      expect(live.staleSeries).toBe(0)

      await refreshAnalysis(deps, org)
      const after = await getProgrammeOverview(withQueue, 'test', 'htn', { liveLimit: 0 })
      expect(after.measures.find((m) => m.measure.code === 'bp-control')!.groups.get('2')).toMatchObject({ stale: false, latest: { period: monday(WEEKS), value: 0.98 } })
      expect(after.staleSeries).toBe(0)
    })

    it('marks series through the row-level-security role too, and removes the result of a series whose data is deleted', async () => {
      const scoped: AppDeps = { ...deps, store: { ...store, db: store.scoped({ organisationId: org, siteIds: null }) } }
      await importObservations(scoped, request(csv(`monitors-lent,${monday(0)},beta,,,,,4`, `monitors-lent,${monday(1)},beta,,,,,6`)))
      expect((await storedRows(store)).filter((r) => r.stale).map(keyOf)).toEqual([`${ids.monitors}/${ids.beta}//`])
      await refreshAnalysis(deps, org)
      await store.db.deleteFrom('observations').where('organisation_id', '=', org).where('site_id', '=', ids.beta).where('dimension', '=', '').execute()
      const report = await refreshAnalysis(deps, org)
      expect(report).toMatchObject({ recomputed: 0, removed: 2 })
      expect((await storedRows(store)).filter((r) => r.site_id === ids.beta)).toEqual([])
    })
  })
}
