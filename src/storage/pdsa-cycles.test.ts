// PDSA cycles in storage, on every engine, through the app role's row-level security.
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { seedFixture } from '../../test/support/fixture.ts'
import { insertAction } from './actions.ts'
import type { Store } from './database.ts'
import { findOrganisation } from './organisations.ts'
import { insertCycle, listCycles, updateCycle } from './pdsa-cycles.ts'
import { findProgramme } from './programmes.ts'
import type { Database } from './schema.ts'

for (const engine of enginesUnderTest()) {
  describe(`PDSA cycles in storage on ${engine.engine}`, () => {
    let store: Store
    let db: Kysely<Database>
    let org: number
    let action: number
    const at = new Date('2025-06-02T09:00:00Z')

    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      org = (await findOrganisation(store.db, 'test'))!.id
      const programme = (await findProgramme(store.db, org, 'htn'))!.id
      db = store.scoped({ organisationId: org, siteIds: null })
      action = await insertAction(db, org, programme, { decisionId: null, driverId: null, title: 'Evening clinics', description: '', ownerUserId: null, status: 'planned', startDate: '2025-03-03', reviewDate: null, siteIds: [] }, 'lead', at)
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('numbers cycles, keeps each stage and refuses a second cycle with the same number', async () => {
      const first = await insertCycle(db, org, { actionId: action, number: 1, plan: 'Two evening clinics', prediction: '20 more people seen', startedOn: '2025-03-03' }, 'lead', at)
      expect(await listCycles(db, org, [action])).toEqual([
        { id: first, actionId: action, number: 1, plan: 'Two evening clinics', prediction: '20 more people seen', doNotes: '', studyNotes: '', act: null, actNotes: '', startedOn: '2025-03-03', finishedOn: null, createdBy: 'lead', createdAt: at.toISOString() },
      ])
      const done = { plan: 'Two evening clinics', prediction: '20 more people seen', doNotes: 'Ran both', studyNotes: '14 seen', act: 'adapt' as const, actNotes: 'Move to Thursdays', startedOn: '2025-03-03', finishedOn: '2025-03-31' }
      expect(await updateCycle(db, org, first, done)).toBe(true)
      await expect(insertCycle(db, org, { actionId: action, number: 1, plan: 'again', prediction: 'p', startedOn: '2025-04-01' }, 'lead', at)).rejects.toThrow()
      await insertCycle(db, org, { actionId: action, number: 2, plan: 'Thursdays', prediction: '20 more', startedOn: '2025-04-01' }, 'lead', at)
      const cycles = await listCycles(db, org, [action])
      expect(cycles.map((c) => [c.number, c.act, c.finishedOn])).toEqual([
        [1, 'adapt', '2025-03-31'],
        [2, null, null],
      ])
      expect(await listCycles(db, org, [])).toEqual([])
    })

    it('refuses a cycle that finishes before it started (database check)', async () => {
      const [first] = await listCycles(db, org, [action])
      await expect(updateCycle(db, org, first!.id, { ...first!, finishedOn: '2025-01-01' })).rejects.toThrow()
    })
  })
}
