// The aim and the driver diagram in storage, on every engine, through the app role's row-level security.
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { seedFixture } from '../../test/support/fixture.ts'
import type { Store } from './database.ts'
import { deleteDriver, insertDriver, linkDriverMeasure, listDrivers, readAim, setDriverOrder, unlinkDriverMeasure, updateAimIfVersion, updateDriver } from './drivers.ts'
import { listMeasures } from './measures.ts'
import { findOrganisation } from './organisations.ts'
import { findProgramme } from './programmes.ts'
import type { Database } from './schema.ts'

for (const engine of enginesUnderTest()) {
  describe(`aim and drivers in storage on ${engine.engine}`, () => {
    let store: Store
    let db: Kysely<Database>
    let org: number
    let programme: number
    let measures: Map<string, number>

    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      org = (await findOrganisation(store.db, 'test'))!.id
      programme = (await findProgramme(store.db, org, 'htn'))!.id
      measures = new Map((await listMeasures(store.db, org, programme)).map((m) => [m.code, m.id]))
      db = store.scoped({ organisationId: org, siteIds: null })
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('reads the aim and writes it only at the version it started from', async () => {
      const before = await readAim(db, org, programme)
      expect(before).toEqual({ statement: 'More people controlled', measureId: null, baseline: null, target: null, by: null, version: 1 })
      const aim = { statement: 'From 58% to 70% by March', measureId: measures.get('bp-control')!, baseline: 0.58, target: 0.7, by: '2026-03-31' }
      expect(await updateAimIfVersion(db, org, programme, 1, aim)).toEqual({ ...aim, version: 2 })
      expect(await updateAimIfVersion(db, org, programme, 1, { ...aim, statement: 'stale' })).toBeUndefined()
      expect(await readAim(db, org, programme)).toEqual({ ...aim, version: 2 })
    })

    it('adds drivers after their siblings, reorders, renames, links measures and removes a branch', async () => {
      const people = await insertDriver(db, org, programme, { parentId: null, kind: 'primary', title: 'People are found', description: '' })
      const treatment = await insertDriver(db, org, programme, { parentId: null, kind: 'primary', title: 'Treatment is optimised', description: '' })
      const registers = await insertDriver(db, org, programme, { parentId: people, kind: 'secondary', title: 'Registers are complete', description: '' })
      const searches = await insertDriver(db, org, programme, { parentId: registers, kind: 'change_idea', title: 'Searches for missed diagnoses', description: 'Monthly' })
      let rows = await listDrivers(db, org, programme)
      expect(rows.map((r) => [r.title, r.position])).toEqual([
        ['People are found', 0],
        ['Registers are complete', 0],
        ['Searches for missed diagnoses', 0],
        ['Treatment is optimised', 1],
      ])
      await setDriverOrder(db, org, [treatment, people])
      expect(await updateDriver(db, org, searches, { title: 'Searches', description: '' })).toBe(true)
      expect(await linkDriverMeasure(db, org, searches, measures.get('bp-control')!)).toBe(true)
      expect(await linkDriverMeasure(db, org, searches, measures.get('bp-control')!)).toBe(false)
      expect(await linkDriverMeasure(db, org, searches, measures.get('falls')!)).toBe(true)
      expect(await unlinkDriverMeasure(db, org, searches, measures.get('falls')!)).toBe(true)
      expect(await unlinkDriverMeasure(db, org, searches, measures.get('falls')!)).toBe(false)
      rows = await listDrivers(db, org, programme)
      expect(rows.filter((r) => r.parentId === null).map((r) => r.title)).toEqual(['Treatment is optimised', 'People are found'])
      expect(rows.find((r) => r.id === searches)).toMatchObject({ title: 'Searches', description: '', kind: 'change_idea', measureIds: [measures.get('bp-control')] })
      expect(await deleteDriver(db, org, people)).toBe(true)
      expect((await listDrivers(db, org, programme)).map((r) => r.title)).toEqual(['Treatment is optimised'])
      expect(await db.selectFrom('driver_measures').selectAll().execute()).toEqual([])
      expect(await deleteDriver(db, org, people)).toBe(false)
    })

    it('shows another organisation none of them', async () => {
      const other = (await findOrganisation(store.db, 'other'))!.id
      const theirs = store.scoped({ organisationId: other, siteIds: null })
      expect(await theirs.selectFrom('drivers').selectAll().execute()).toEqual([])
      expect(await listDrivers(theirs, org, programme)).toEqual([])
    })
  })
}
