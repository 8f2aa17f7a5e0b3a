import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PEOPLE, seedDecideFixture, type DecideFixture } from '../../test/decide/decide-fixture.ts'
import { enginesUnderTest } from '../../test/support/engines.ts'
import type { Store } from './database.ts'
import { insertDecisionGroup } from './decision-groups.ts'
import { findMeeting, insertMeeting, listAgenda, listAttendance, listMeetings, replaceAgenda, replaceAttendance, updateMeetingRecord } from './meetings.ts'

const AT = new Date('2025-06-02T09:00:00Z')

for (const engine of enginesUnderTest()) {
  describe(`meetings storage on ${engine.engine}`, () => {
    let store: Store
    let f: DecideFixture
    let june: number
    let july: number

    beforeAll(async () => {
      store = await engine.open()
      f = await seedDecideFixture(store)
      const groupId = (await insertDecisionGroup(store.db, f.organisationId, { code: 'board', name: 'Programme board', kind: 'board', purpose: '', at: AT }))!
      june = await insertMeeting(store.db, f.organisationId, { groupId, programmeId: f.programmeId, heldOn: '2025-06-10', title: 'June board', createdBy: PEOPLE.lead, at: AT })
      july = await insertMeeting(store.db, f.organisationId, { groupId, programmeId: f.programmeId, heldOn: '2025-07-08', title: 'July board', createdBy: PEOPLE.lead, at: AT })
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('lists the programme’s meetings, latest first, with their group', async () => {
      const meetings = await listMeetings(store.db, f.organisationId, f.programmeId)
      expect(meetings.map((m) => [m.title, m.heldOn, m.status, m.group.code])).toEqual([
        ['July board', '2025-07-08', 'planned', 'board'],
        ['June board', '2025-06-10', 'planned', 'board'],
      ])
      expect(await listMeetings(store.db, f.organisationId, f.otherProgrammeId)).toEqual([])
      expect(await findMeeting(store.db, f.organisationId, f.otherProgrammeId, june)).toBeUndefined()
    })

    it('keeps the agenda in the order given', async () => {
      await replaceAgenda(store.db, f.organisationId, june, [f.findings.falls, f.findings.bp, f.findings.falls])
      expect(await listAgenda(store.db, f.organisationId, june)).toEqual([f.findings.falls, f.findings.bp])
      expect((await findMeeting(store.db, f.organisationId, f.programmeId, june))?.agendaCount).toBe(2)
      await replaceAgenda(store.db, f.organisationId, june, [f.findings.bp])
      expect(await listAgenda(store.db, f.organisationId, june)).toEqual([f.findings.bp])
      expect(await listAgenda(store.db, f.organisationId, july)).toEqual([])
    })

    it('records minutes, guests, status and attendance', async () => {
      expect(await updateMeetingRecord(store.db, f.organisationId, june, { minutes: 'Agreed to try evening clinics.', guests: 'A patient representative', status: 'held' })).toBe(true)
      expect(await updateMeetingRecord(store.db, f.organisationId, 999_999, { minutes: '', guests: '', status: 'held' })).toBe(false)
      await replaceAttendance(store.db, f.organisationId, june, [f.people.maker, f.people.lead])
      expect((await listAttendance(store.db, f.organisationId, june)).map((p) => p.email)).toEqual([PEOPLE.maker, PEOPLE.lead])
      const meeting = await findMeeting(store.db, f.organisationId, f.programmeId, june)
      expect(meeting).toMatchObject({ minutes: 'Agreed to try evening clinics.', guests: 'A patient representative', status: 'held' })
      expect(await findMeeting(store.scoped({ organisationId: f.otherOrganisationId, siteIds: null }), f.organisationId, f.programmeId, june)).toBeUndefined()
    })
  })
}
