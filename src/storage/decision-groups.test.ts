import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PEOPLE, seedDecideFixture, type DecideFixture } from '../../test/decide/decide-fixture.ts'
import { enginesUnderTest } from '../../test/support/engines.ts'
import type { Store } from './database.ts'
import { findDecisionGroup, findDecisionGroupById, insertDecisionGroup, listDecisionGroups, listGroupMembers, listOrganisationPeople, replaceGroupMembers } from './decision-groups.ts'

const AT = new Date('2025-06-02T09:00:00Z')

for (const engine of enginesUnderTest()) {
  describe(`decision groups storage on ${engine.engine}`, () => {
    let store: Store
    let f: DecideFixture

    beforeAll(async () => {
      store = await engine.open()
      f = await seedDecideFixture(store)
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('inserts groups, refusing a second with the same code, and lists them by name', async () => {
      const board = await insertDecisionGroup(store.db, f.organisationId, { code: 'board', name: 'Programme board', kind: 'board', purpose: 'Decides', at: AT })
      expect(board).toBeGreaterThan(0)
      expect(await insertDecisionGroup(store.db, f.organisationId, { code: 'board', name: 'Again', kind: 'other', purpose: '', at: AT })).toBeUndefined()
      await insertDecisionGroup(store.db, f.organisationId, { code: 'huddle', name: 'Alpha huddle', kind: 'huddle', purpose: '', at: AT })
      expect((await listDecisionGroups(store.db, f.organisationId)).map((g) => [g.code, g.name, g.memberCount])).toEqual([
        ['huddle', 'Alpha huddle', 0],
        ['board', 'Programme board', 0],
      ])
      expect((await findDecisionGroup(store.db, f.organisationId, 'board'))?.id).toBe(board)
      expect((await findDecisionGroupById(store.db, f.organisationId, board!))?.code).toBe('board')
      expect(await findDecisionGroup(store.db, f.otherOrganisationId, 'board')).toBeUndefined()
    })

    it('replaces members and counts them', async () => {
      const board = (await findDecisionGroup(store.db, f.organisationId, 'board'))!
      await replaceGroupMembers(store.db, f.organisationId, board.id, [f.people.maker, f.people.lead, f.people.lead])
      expect((await listGroupMembers(store.db, f.organisationId, board.id)).map((m) => m.email)).toEqual([PEOPLE.maker, PEOPLE.lead])
      await replaceGroupMembers(store.db, f.organisationId, board.id, [f.people.viewer])
      expect((await listGroupMembers(store.db, f.organisationId, board.id)).map((m) => m.email)).toEqual([PEOPLE.viewer])
      expect((await findDecisionGroup(store.db, f.organisationId, 'board'))?.memberCount).toBe(1)
      await replaceGroupMembers(store.db, f.organisationId, board.id, [])
      expect(await listGroupMembers(store.db, f.organisationId, board.id)).toEqual([])
    })

    it('lists the organisation’s people through row-level security, never another organisation’s', async () => {
      const scoped = store.scoped({ organisationId: f.organisationId, siteIds: null })
      const people = await listOrganisationPeople(scoped, f.organisationId)
      expect(people.map((p) => p.email)).toEqual(expect.arrayContaining([PEOPLE.lead, PEOPLE.maker, PEOPLE.viewer]))
      expect(people.map((p) => p.email)).not.toContain(PEOPLE.outsider)
      expect(people.find((p) => p.email === PEOPLE.maker)?.role).toBe('decision_maker')
      expect(await listDecisionGroups(store.scoped({ organisationId: f.otherOrganisationId, siteIds: null }), f.organisationId)).toEqual([])
    })
  })
}
