/**
 * Demo mode's administrators: each gets a new password at every start, and Riverside's sits on the
 * programme board, so the board's briefings and alerts from then on reach their inbox. On every engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetDemoAdministrators } from '../../src/app/seed/demo-admins.ts'
import type { Store } from '../../src/storage/database.ts'
import { ensureOrganisation } from '../../src/storage/organisations.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { fixedClock } from '../support/fixture.ts'

for (const engine of enginesUnderTest()) {
  describe(`demo administrators on ${engine.engine}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await engine.open()
      const riverside = await ensureOrganisation(store.db, { code: 'riverside', name: 'Riverside' })
      await ensureOrganisation(store.db, { code: 'northshore', name: 'Northshore' })
      await store.db.insertInto('decision_groups').values({ organisation_id: riverside.id, code: 'htn-board', name: 'Hypertension programme board', kind: 'board' }).execute()
    })
    afterAll(async () => {
      await store?.close()
      await engine.cleanUp()
    })

    const boardMembers = () =>
      store.db
        .selectFrom('decision_group_members as m')
        .innerJoin('decision_groups as g', (j) => j.onRef('g.organisation_id', '=', 'm.organisation_id').onRef('g.id', '=', 'm.group_id'))
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.email', 'g.code'])
        .execute()

    it('seats the Riverside administrator on the programme board, once, however often the demo starts', async () => {
      const deps = { store, clock: fixedClock() }
      const first = await resetDemoAdministrators(deps)
      const second = await resetDemoAdministrators(deps)
      expect(first.map((a) => a.email)).toEqual(['admin@riverside.example', 'admin@northshore.example'])
      expect(second[0]?.password).not.toBe(first[0]?.password)
      expect(await boardMembers()).toEqual([{ email: 'admin@riverside.example', code: 'htn-board' }])
    })
  })
}
