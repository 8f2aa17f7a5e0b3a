// Actions, their sites and predictions in storage, on every engine, through the app role's row-level security.
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { seedFixture } from '../../test/support/fixture.ts'
import { deletePrediction, insertAction, insertPrediction, listActions, listDecisionTitles, listOrganisationPeople, listPredictions, lockAction, setActionStatus, updateActionIfVersion, type ActionFields } from './actions.ts'
import type { Store } from './database.ts'
import { listMeasures } from './measures.ts'
import { findOrganisation } from './organisations.ts'
import { findProgramme } from './programmes.ts'
import type { Database } from './schema.ts'
import { listSites } from './sites.ts'
import { setMembership, upsertUser } from './users.ts'

for (const engine of enginesUnderTest()) {
  describe(`actions and predictions in storage on ${engine.engine}`, () => {
    let store: Store
    let db: Kysely<Database>
    let org: number
    let programme: number
    let sites: Map<string, number>
    let measures: Map<string, number>
    let owner: number
    const at = new Date('2025-06-02T09:00:00Z')

    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      org = (await findOrganisation(store.db, 'test'))!.id
      programme = (await findProgramme(store.db, org, 'htn'))!.id
      sites = new Map((await listSites(store.db, org)).map((s) => [s.code, s.id]))
      measures = new Map((await listMeasures(store.db, org, programme)).map((m) => [m.code, m.id]))
      owner = (await upsertUser(store.db, { email: 'owner@test.example', displayName: 'Olu Owner', passwordHash: null })).id
      await setMembership(store.db, org, owner, 'lead', null)
      await upsertUser(store.db, { email: 'stranger@other.example', passwordHash: null })
      db = store.scoped({ organisationId: org, siteIds: null })
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    const fields = (over: Partial<ActionFields> = {}): ActionFields => ({ decisionId: null, driverId: null, title: 'Home monitor loans', description: '', ownerUserId: owner, status: 'planned', startDate: '2025-03-03', reviewDate: '2025-06-30', siteIds: [sites.get('alpha')!], ...over })

    it('keeps an action with its sites and owner, and changes it only at the version it started from', async () => {
      const id = await insertAction(db, org, programme, fields(), 'lead@test.example', at)
      const [row] = await listActions(db, org, programme, id)
      expect(row).toMatchObject({ id, title: 'Home monitor loans', ownerUserId: owner, ownerEmail: 'owner@test.example', status: 'planned', startDate: '2025-03-03', reviewDate: '2025-06-30', version: 1, createdBy: 'lead@test.example', createdAt: at.toISOString(), siteIds: [sites.get('alpha')] })
      expect(await updateActionIfVersion(db, org, id, 1, fields({ status: 'in_progress', siteIds: [sites.get('alpha')!, sites.get('beta')!] }))).toBe(true)
      expect(await updateActionIfVersion(db, org, id, 1, fields({ title: 'stale' }))).toBe(false)
      await setActionStatus(db, org, id, 'adapted')
      const [after] = await listActions(db, org, programme, id)
      expect(after).toMatchObject({ title: 'Home monitor loans', status: 'adapted', version: 3, siteIds: [sites.get('alpha'), sites.get('beta')].sort((a, b) => a! - b!) })
      expect(await db.transaction().execute((trx) => lockAction(trx, org, id))).toBe(true)
      expect(await db.transaction().execute((trx) => lockAction(trx, org, 999_999))).toBe(false)
    })

    it('keeps predictions, refuses a duplicate, and finds them by measure', async () => {
      const id = await insertAction(db, org, programme, fields({ title: 'Reminders in four languages' }), 'lead@test.example', at)
      const primary = { actionId: id, role: 'primary' as const, measureId: measures.get('bp-control')!, siteId: sites.get('alpha')!, dimension: 'imd_quintile', group: '1', direction: 'increase' as const, expectedSize: 0.05, byDate: '2025-09-01' }
      const first = await insertPrediction(db, org, primary)
      expect(first).toBeTypeOf('number')
      expect(await insertPrediction(db, org, primary)).toBeUndefined()
      await insertPrediction(db, org, { ...primary, role: 'balancing', measureId: measures.get('falls')!, siteId: sites.get('test')!, dimension: '', group: '', expectedSize: null, byDate: null })
      const rows = await listPredictions(db, org, { actionIds: [id] })
      expect(rows.map((p) => [p.role, p.measureId, p.dimension, p.group])).toEqual([
        ['primary', measures.get('bp-control'), 'imd_quintile', '1'],
        ['balancing', measures.get('falls'), '', ''],
      ])
      expect((await listPredictions(db, org, { measureId: measures.get('falls')! })).map((p) => p.actionId)).toEqual([id])
      expect(await listPredictions(db, org, { actionIds: [] })).toEqual([])
      expect(await deletePrediction(db, org, id, first!)).toBe(true)
      expect(await deletePrediction(db, org, id, first!)).toBe(false)
    })

    it('lists the organisation’s people (not others) and the decisions’ current titles', async () => {
      expect(await listOrganisationPeople(db, org)).toEqual([{ id: owner, email: 'owner@test.example', displayName: 'Olu Owner' }])
      const decision = await store.db.insertInto('decisions').values({ organisation_id: org, programme_id: programme, current_version: 2 }).returning('id').executeTakeFirstOrThrow()
      for (const [version, title] of [[1, 'First wording'], [2, 'Lend monitors at every practice']] as const) {
        await store.db.insertInto('decision_versions').values({ organisation_id: org, decision_id: decision.id, version, title, rationale: 'r', option_chosen: 'o', options_considered: '[]', label: 'standardise', changed_by: 'x', change_reason: version === 1 ? null : 'wording' }).execute()
      }
      expect(await listDecisionTitles(db, org, programme)).toEqual([{ id: decision.id, title: 'Lend monitors at every practice' }])
      expect(await listDecisionTitles(db, org, programme, [])).toEqual([])
    })

    it('shows another organisation none of them', async () => {
      const other = store.scoped({ organisationId: (await findOrganisation(store.db, 'other'))!.id, siteIds: null })
      expect(await other.selectFrom('actions').selectAll().execute()).toEqual([])
      expect(await other.selectFrom('predictions').selectAll().execute()).toEqual([])
      expect(await listOrganisationPeople(other, org)).toEqual([])
    })
  })
}
