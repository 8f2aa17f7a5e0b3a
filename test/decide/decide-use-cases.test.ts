// Decide use cases on every engine, run as a request runs them (row-level security for `test`): every change audited in its transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/app/auth/audit.ts'
import { getProgrammeScope, type ProgrammeScope } from '../../src/app/catalogue.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { getDecision, listProgrammeDecisions } from '../../src/app/decide/decisions.ts'
import { lessonsFor } from '../../src/app/decide/find-lessons.ts'
import { changeGroupMember, createDecisionGroup, getDecisionGroup, listDecisionGroups, setGroupMembers } from '../../src/app/decide/groups.ts'
import { recordMeeting, setMeetingAgenda } from '../../src/app/decide/meeting-record.ts'
import { createMeeting, getMeeting, listMeetings } from '../../src/app/decide/meetings.ts'
import { createDecision, reviseDecision, type NewDecisionInput } from '../../src/app/decide/record-decision.ts'
import { AppError } from '../../src/core/errors.ts'
import type { Store } from '../../src/storage/database.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { fixedClock } from '../support/fixture.ts'
import { PEOPLE, seedDecideFixture, type DecideFixture } from './decide-fixture.ts'

const LEAD: Actor = { userId: null, name: PEOPLE.lead, address: '127.0.0.1' }
const MAKER: Actor = { userId: null, name: PEOPLE.maker, address: '127.0.0.1' }

/** The refusal's code and the fields its issues name. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: string[]; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error, 'the use case refused').toBeInstanceOf(AppError)
  const e = error as AppError
  return { code: e.code, fields: e.issues.map((i) => i.column ?? ''), message: e.message }
}

for (const engine of enginesUnderTest()) {
  describe(`decide use cases on ${engine.engine}`, () => {
    let store: Store
    let f: DecideFixture
    let deps: AppDeps
    let scope: ProgrammeScope
    const auditActions = async () => (await store.db.selectFrom('audit_log').select(['action', 'target', 'actor']).where('action', 'like', '%.%').orderBy('seq').execute()).filter((r) => /^(decision|meeting|decision_group)\./.test(r.action))
    const count = async (table: 'decisions' | 'decision_versions' | 'meetings' | 'meeting_attendance' | 'decision_groups') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

    beforeAll(async () => {
      store = await engine.open()
      f = await seedDecideFixture(store)
      deps = { store: { ...store, db: store.scoped({ organisationId: f.organisationId, siteIds: null }) }, clock: fixedClock() }
      scope = await getProgrammeScope(deps, 'test', 'htn')
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    describe('decision groups', () => {
      it('creates a group, audited, and refuses a duplicate code or bad fields, naming each field', async () => {
        const board = await createDecisionGroup(deps, LEAD, 'test', { code: 'board', name: 'Programme board', kind: 'board', purpose: 'Decides on findings' })
        expect(board).toMatchObject({ code: 'board', name: 'Programme board', kind: 'board', members: [] })
        expect((await auditActions()).at(-1)).toEqual({ action: 'decision_group.create', target: 'organisation:test/group:board', actor: PEOPLE.lead })
        expect(await refusal(createDecisionGroup(deps, LEAD, 'test', { code: 'board', name: 'Again', kind: 'board' }))).toMatchObject({ code: 'conflict', fields: ['code'] })
        const bad = await refusal(createDecisionGroup(deps, LEAD, 'test', { code: 'Board!', name: ' ', kind: 'cabal' }))
        expect(bad).toMatchObject({ code: 'invalid_request', fields: ['code', 'name', 'kind'] })
        expect(bad.message).toContain('"board!" is not valid')
        expect((await listDecisionGroups(deps, 'test')).map((g) => g.code)).toEqual(['board'])
      })

      it('sets members from the organisation’s people only; an unknown person changes nothing', async () => {
        await setGroupMembers(deps, LEAD, 'test', 'board', [PEOPLE.maker, 'LEAD@test.example'])
        expect((await getDecisionGroup(deps, 'test', 'board')).members.map((m) => m.email)).toEqual([PEOPLE.maker, PEOPLE.lead])
        const outsider = await refusal(setGroupMembers(deps, LEAD, 'test', 'board', [PEOPLE.viewer, PEOPLE.outsider]))
        expect(outsider).toMatchObject({ code: 'invalid_request', fields: ['member'] })
        expect(outsider.message).toBe(`"${PEOPLE.outsider}" is not a member of Test ICS (expected the email of one of its people).`)
        expect((await getDecisionGroup(deps, 'test', 'board')).members).toHaveLength(2)
        await changeGroupMember(deps, LEAD, 'test', 'board', { add: PEOPLE.viewer })
        await changeGroupMember(deps, LEAD, 'test', 'board', { remove: PEOPLE.lead })
        expect((await getDecisionGroup(deps, 'test', 'board')).members.map((m) => m.email)).toEqual([PEOPLE.maker, PEOPLE.viewer])
        expect(await refusal(getDecisionGroup(deps, 'test', 'nope'))).toMatchObject({ code: 'not_found' })
      })
    })

    describe('meetings', () => {
      let meetingId: number

      it('plans a meeting of a known group on a real date', async () => {
        const bad = await refusal(createMeeting(deps, LEAD, scope, { group: 'ghost', heldOn: '2025-02-30', title: '' }))
        expect(bad).toMatchObject({ code: 'invalid_request', fields: ['group', 'heldOn', 'title'] })
        expect(bad.message).toContain('There is no decision group "ghost" in Test ICS')
        const meeting = await createMeeting(deps, LEAD, scope, { group: 'board', heldOn: '2025-06-10', title: 'June board' })
        meetingId = meeting.id
        expect(meeting).toMatchObject({ title: 'June board', heldOn: '2025-06-10', status: 'planned', group: { code: 'board' }, agenda: [], attendance: [] })
        expect(meeting.groupMembers.map((m) => m.email)).toEqual([PEOPLE.maker, PEOPLE.viewer])
        expect((await listMeetings(deps, scope)).map((m) => m.id)).toEqual([meetingId])
      })

      it('builds the agenda from the programme’s findings only, in the order given', async () => {
        for (const foreign of [f.foreignFindings.otherProgramme, f.foreignFindings.otherOrganisation]) {
          const r = await refusal(setMeetingAgenda(deps, LEAD, scope, meetingId, [f.findings.bp, foreign]))
          expect(r).toMatchObject({ code: 'invalid_request', fields: ['findings'] })
          expect(r.message).toBe(`Finding ${foreign} is not a finding of Hypertension (expected one of the findings listed for this programme).`)
        }
        expect((await getMeeting(deps, scope, meetingId)).agenda).toEqual([])
        const meeting = await setMeetingAgenda(deps, LEAD, scope, meetingId, [f.findings.falls, String(f.findings.bp)])
        expect(meeting.agenda.map((x) => x.id)).toEqual([f.findings.falls, f.findings.bp])
      })

      it('records minutes, attendance and status; an unknown attendee or status changes nothing', async () => {
        expect(await refusal(recordMeeting(deps, MAKER, scope, meetingId, { minutes: 'Lost', attendance: ['someone@else.example'], status: 'adjourned' }))).toMatchObject({ fields: ['status', 'attendance'] })
        expect(await count('meeting_attendance')).toBe(0)
        expect((await getMeeting(deps, scope, meetingId)).minutes).toBe('')
        const held = await recordMeeting(deps, MAKER, scope, meetingId, { minutes: 'Agreed evening clinics.', guests: 'Patient representative', status: 'held', attendance: [PEOPLE.maker, PEOPLE.lead] })
        expect(held).toMatchObject({ minutes: 'Agreed evening clinics.', guests: 'Patient representative', status: 'held' })
        expect(held.attendance.map((p) => p.email)).toEqual([PEOPLE.maker, PEOPLE.lead])
        const only = await recordMeeting(deps, MAKER, scope, meetingId, { minutes: 'Agreed evening clinics at Alpha.' })
        expect(only).toMatchObject({ status: 'held', guests: 'Patient representative' })
        expect(only.attendance).toHaveLength(2)
        expect((await auditActions()).filter((a) => a.action.startsWith('meeting.')).map((a) => `${a.action} ${a.actor}`)).toEqual(['meeting.create ' + PEOPLE.lead, 'meeting.agenda ' + PEOPLE.lead, `meeting.record ${PEOPLE.maker}`, `meeting.record ${PEOPLE.maker}`])
      })

      it('says plainly when the meeting does not exist', async () => {
        expect(await refusal(getMeeting(deps, scope, 999_999))).toMatchObject({ code: 'not_found', message: 'No meeting 999999 in Hypertension.' })
      })
    })

    describe('decisions', () => {
      let id: number
      const valid = (): NewDecisionInput => ({
        title: 'Offer evening nurse clinics',
        rationale: 'People in work cannot come in the day.',
        optionsConsidered: 'Two evenings a week\n\nSaturday mornings\n',
        optionChosen: 'Two evenings a week',
        label: 'test_further',
        owner: PEOPLE.maker,
        reviewDate: '2025-09-01',
        findings: [f.findings.bp],
      })

      it('refuses bad input naming every field at once, and writes nothing', async () => {
        const r = await refusal(createDecision(deps, MAKER, scope, { ...valid(), title: '  ', owner: 'nobody@nowhere.example', reviewDate: 'next March', findings: [f.findings.bp, f.foreignFindings.otherProgramme], label: 'maybe' }))
        expect(r.code).toBe('invalid_request')
        expect(r.fields).toEqual(['title', 'label', 'owner', 'reviewDate', 'findings'])
        expect(r.message).toBe('Enter what was decided, in a sentence. (and 4 more problems)')
        const noEvidence = await refusal(createDecision(deps, MAKER, scope, { ...valid(), findings: [] }))
        expect(noEvidence.message).toBe('Tick at least one finding (or lesson) this decision rests on: every decision cites its evidence.')
        expect(await refusal(createDecision(deps, MAKER, scope, { ...valid(), meeting: 999_999 }))).toMatchObject({ fields: ['meeting'] })
        expect(await count('decisions')).toBe(0)
      })

      it('records a decision as version 1 with its options, owner and evidence, audited', async () => {
        const meeting = (await listMeetings(deps, scope))[0]!
        const decision = await createDecision(deps, MAKER, scope, { ...valid(), meeting: meeting.id })
        id = decision.id
        expect(decision.current).toMatchObject({ version: 1, optionsConsidered: ['Two evenings a week', 'Saturday mornings'], owner: { email: PEOPLE.maker }, labelText: 'Test further', changeReason: null, changedBy: PEOPLE.maker, createdAt: '2025-06-02T09:00:00.000Z' })
        expect(decision.meeting).toEqual({ id: meeting.id, title: 'June board', heldOn: '2025-06-10' })
        expect(decision.findings).toEqual([{ id: f.findings.bp, statement: 'Blood pressure control is lower at Alpha', current: true }])
        expect((await auditActions()).at(-1)).toEqual({ action: 'decision.create', target: `organisation:test/programme:htn/decision:${id}`, actor: PEOPLE.maker })
        expect((await getMeeting(deps, scope, meeting.id)).decisions.map((d) => d.id)).toEqual([id])
      })

      it('changes a decision only as a new version, with a reason, from the version in force', async () => {
        const change = { ...valid(), label: 'standardise', findings: [f.findings.bp, f.findings.falls], fromVersion: 1 }
        expect(await refusal(reviseDecision(deps, MAKER, scope, id, { ...change, reason: ' ' }))).toMatchObject({ code: 'invalid_request', fields: ['reason'] })
        expect(await refusal(reviseDecision(deps, MAKER, scope, id, { ...valid(), fromVersion: 1, reason: 'No change really' }))).toMatchObject({ code: 'invalid_request', fields: ['title'] })
        const revised = await reviseDecision(deps, MAKER, scope, id, { ...change, reason: 'It worked at Alpha.' })
        expect(revised.current).toMatchObject({ version: 2, label: 'standardise', changeReason: 'It worked at Alpha.' })
        expect(revised.versions.map((v) => v.version)).toEqual([1, 2])
        expect(revised.versions[1]!.changes.map((c) => c.field)).toEqual(['label', 'findings'])
        const stale = await refusal(reviseDecision(deps, LEAD, scope, id, { ...change, label: 'stop', reason: 'Stop it', fromVersion: 1 }))
        expect(stale.code).toBe('conflict')
        expect(stale.message).toContain(`it is now at version 2, changed by ${PEOPLE.maker} on 2025-06-02 ("It worked at Alpha.")`)
        expect(await count('decision_versions')).toBe(2)
        expect(await refusal(reviseDecision(deps, LEAD, scope, id, { ...change, reason: 'x', fromVersion: 'two' }))).toMatchObject({ fields: ['fromVersion'] })
        expect((await auditActions()).at(-1)?.action).toBe('decision.revise')
      })

      it('lists and searches the log', async () => {
        expect((await listProgrammeDecisions(deps, scope, { q: 'evening clinic' })).map((d) => d.id)).toEqual([id])
        expect(await listProgrammeDecisions(deps, scope, { q: 'letters' })).toEqual([])
        expect((await listProgrammeDecisions(deps, scope, { label: 'standardise', review: 'upcoming' })).map((d) => [d.id, d.reviewDue])).toEqual([[id, false]])
        expect(await listProgrammeDecisions(deps, scope, { review: 'due' })).toEqual([])
      })

      it('writes nothing when the audit entry cannot be written (one transaction)', async () => {
        let calls = 0
        const failing: AppDeps = {
          ...deps,
          clock: () => {
            calls += 1
            if (calls > 1) throw new Error('clock broke while auditing')
            return new Date('2025-06-02T09:00:00Z')
          },
        }
        const before = [await count('decisions'), await count('decision_versions')]
        await expect(createDecision(failing, MAKER, scope, valid())).rejects.toThrow('clock broke while auditing')
        expect([await count('decisions'), await count('decision_versions')]).toEqual(before)
        calls = 0
        await expect(reviseDecision(failing, MAKER, scope, id, { ...valid(), title: 'Changed', reason: 'Because', fromVersion: 2 })).rejects.toThrow('clock broke')
        expect((await getDecision(deps, scope, id)).current.version).toBe(2)
        calls = 0
        await expect(createMeeting(failing, LEAD, scope, { group: 'board', heldOn: '2025-07-01', title: 'July' })).rejects.toThrow('clock broke')
        expect(await count('meetings')).toBe(1)
      })
    })

    describe('lessons from earlier decisions', () => {
      it('offers past decisions whose actions have a verdict, ranked by the measures and themes they share', async () => {
        const [clinics] = await listProgrammeDecisions(deps, scope, { q: 'evening' })
        expect(await lessonsFor(deps, scope, [f.findings.bp])).toEqual([])
        const db = store.db
        const addAction = async (decisionId: number, title: string, verdict: 'working' | 'harm' | null) => {
          const { id } = await db.insertInto('actions').values({ organisation_id: f.organisationId, programme_id: f.programmeId, decision_id: decisionId, title, start_date: '2025-02-03', created_by: 'x' }).returning('id').executeTakeFirstOrThrow()
          if (verdict) await db.insertInto('action_reviews').values({ organisation_id: f.organisationId, action_id: id, verdict, reasons: '[]', evidence: '{}', evaluated_at: new Date('2025-06-01T00:00:00Z') }).execute()
        }
        await addAction(clinics!.id, 'Evening clinic at Alpha', 'working')
        await addAction(clinics!.id, 'Evening clinic at Beta', 'harm')
        const letters = await createDecision(deps, MAKER, scope, { title: 'Translate letters', rationale: 'Letters in English only.', optionChosen: 'Translate', label: 'standardise', owner: PEOPLE.lead, findings: [f.findings.theme] })
        await addAction(letters.id, 'Letters in five languages', 'working')
        const forBp = await lessonsFor(deps, scope, [f.findings.bp])
        expect(forBp.map((l) => [l.decision, l.score])).toEqual([
          [clinics!.id, 3],
          [letters.id, 1],
        ])
        expect(forBp[0]).toMatchObject({ programme: 'htn', labelText: 'Standardise across sites', reviewDate: '2025-09-01', shared: { measures: [{ code: 'bp-control', name: 'Blood pressure controlled' }] } })
        expect(forBp[0]!.actions.map((a) => a.words)).toEqual(['working', 'harming a balancing measure'])
        expect((await lessonsFor(deps, scope, [f.findings.falls])).map((l) => l.decision)).toEqual([clinics!.id])
        expect((await lessonsFor(deps, scope, [f.findings.bp], { exclude: clinics!.id })).map((l) => l.decision)).toEqual([letters.id])
        expect((await lessonsFor(deps, scope, [])).map((l) => l.decision)).toEqual([letters.id, clinics!.id])
        const drawing = await createDecision(deps, MAKER, scope, { title: 'Evening clinics at Beta too', rationale: 'Alpha’s worked.', optionChosen: 'Yes', label: 'standardise', owner: PEOPLE.lead, lessons: [clinics!.id] })
        expect(drawing.lessons).toEqual([{ id: clinics!.id, programme: 'htn', title: 'Offer evening nurse clinics', labelText: 'Standardise across sites' }])
        expect(await refusal(createDecision(deps, MAKER, scope, { title: 'x', rationale: 'y', optionChosen: 'z', label: 'stop', owner: PEOPLE.lead, lessons: [999_999] }))).toMatchObject({ fields: ['lessons'] })
      })
    })
  })
}
