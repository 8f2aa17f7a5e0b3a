// The decide API: JSON in and out, problems with stable codes and the field each issue is about, and the routes in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DecisionGroupSchema, DecisionSchema, DecisionsSchema, LessonsSchema, MeetingSchema } from '../../src/contract/decide.ts'
import { enginesUnderTest } from '../support/engines.ts'
import type { TestUser } from '../support/people.ts'
import { jsonOf, openTestServer, problemOf, type TestServer } from '../support/server.ts'
import { PEOPLE, seedDecideFixture, type DecideFixture } from './decide-fixture.ts'

const ORG = '/api/v1/organisations/test'
const API = `${ORG}/programmes/htn`

for (const engine of enginesUnderTest()) {
  describe(`decide API on ${engine.engine}`, () => {
    let server: TestServer
    let f: DecideFixture
    let meeting: number
    let decision: number
    const send = (user: TestUser, method: string, path: string, body?: unknown) => server.requestAs(user, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) })

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      f = await seedDecideFixture(server.store, server.deps)
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server.close()
    })

    it('creates and reads decision groups, and sets their members', async () => {
      const created = DecisionGroupSchema.parse(await jsonOf(await send('lead', 'POST', `${ORG}/groups`, { code: 'board', name: 'Programme board', kind: 'board' }), 201))
      expect(created).toEqual({ code: 'board', name: 'Programme board', kind: 'board', purpose: '', memberCount: 0, members: [] })
      await problemOf(await send('viewer', 'POST', `${ORG}/groups`, { code: 'huddle', name: 'Huddle', kind: 'huddle' }), 403, 'forbidden')
      await problemOf(await send('lead', 'POST', `${ORG}/groups`, { code: 'board', name: 'Again', kind: 'board' }), 409, 'conflict')
      const bad = await problemOf(await send('lead', 'POST', `${ORG}/groups`, { code: '', name: 'x', kind: 'cabal' }), 400, 'invalid_request')
      expect(bad.issues?.map((i) => i.column)).toEqual(['code', 'kind'])
      expect((await jsonOf(await send('viewer', 'GET', `${ORG}/groups`))) as unknown).toEqual({ groups: [{ code: 'board', name: 'Programme board', kind: 'board', purpose: '', memberCount: 0 }] })
      const members = DecisionGroupSchema.parse(await jsonOf(await send('lead', 'PUT', `${ORG}/groups/board/members`, { members: [PEOPLE.maker, PEOPLE.viewer] })))
      expect(members.members.map((m) => m.email)).toEqual([PEOPLE.maker, PEOPLE.viewer])
      const unknown = await problemOf(await send('lead', 'PUT', `${ORG}/groups/board/members`, { members: [PEOPLE.outsider] }), 400, 'invalid_request')
      expect(unknown.issues?.[0]).toMatchObject({ column: 'member', value: PEOPLE.outsider })
      await problemOf(await send('viewer', 'GET', `${ORG}/groups/ghost`), 404, 'not_found')
      await problemOf(await send('other_admin', 'GET', `${ORG}/groups`), 404, 'not_found')
    })

    it('plans a meeting, sets its agenda (lead) and records it (decide)', async () => {
      const refused = await problemOf(await send('lead', 'POST', `${API}/meetings`, { group: 'ghost', heldOn: '2025-13-01', title: '' }), 400, 'invalid_request')
      expect(refused.issues?.map((i) => i.column)).toEqual(['group', 'heldOn', 'title'])
      const created = MeetingSchema.parse(await jsonOf(await send('lead', 'POST', `${API}/meetings`, { group: 'board', heldOn: '2025-06-10', title: 'June board' }), 201))
      meeting = created.id
      const agenda = MeetingSchema.parse(await jsonOf(await send('lead', 'PUT', `${API}/meetings/${meeting}/agenda`, { findings: [f.findings.falls, f.findings.bp] })))
      expect(agenda.agenda.map((a) => [a.id, a.statement, a.overall])).toEqual([
        [f.findings.falls, 'Falls rose at Beta', 'silence'],
        [f.findings.bp, 'Blood pressure control is lower at Alpha', 'silence'],
      ])
      const foreign = await problemOf(await send('lead', 'PUT', `${API}/meetings/${meeting}/agenda`, { findings: [f.foreignFindings.otherOrganisation] }), 400, 'invalid_request')
      expect(foreign.detail).toBe(`Finding ${f.foreignFindings.otherOrganisation} is not a finding of Hypertension (expected one of the findings listed for this programme).`)
      await problemOf(await send('lead', 'PATCH', `${API}/meetings/${meeting}`, { status: 'held' }), 403, 'forbidden')
      const held = MeetingSchema.parse(await jsonOf(await send('decision_maker', 'PATCH', `${API}/meetings/${meeting}`, { status: 'held', minutes: 'Agreed.', attendance: [PEOPLE.maker] })))
      expect(held).toMatchObject({ status: 'held', minutes: 'Agreed.', guests: '', attendance: [{ email: PEOPLE.maker }] })
      await problemOf(await send('decision_maker', 'PATCH', `${API}/meetings/${meeting}`, { status: 'cancelled' }), 400, 'invalid_request')
      const read = MeetingSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/meetings/${meeting}`)))
      expect(read.agenda).toHaveLength(2)
      expect(((await jsonOf(await send('viewer', 'GET', `${API}/meetings`))) as { meetings: { id: number }[] }).meetings.map((m) => m.id)).toEqual([meeting])
      await problemOf(await send('viewer', 'GET', `${API}/meetings/999999`), 404, 'not_found')
    })

    it('records a decision, naming every bad field', async () => {
      const bad = await problemOf(await send('decision_maker', 'POST', `${API}/decisions`, { title: '', rationale: 'Because', optionChosen: 'A', label: 'maybe', owner: 'ghost@nowhere.example', reviewDate: '31/12/2025', findings: [f.foreignFindings.otherProgramme] }), 400, 'invalid_request')
      expect(bad.issues?.map((i) => i.column)).toEqual(['title', 'label', 'owner', 'reviewDate', 'findings'])
      await problemOf(await send('lead', 'POST', `${API}/decisions`, {}), 403, 'forbidden')
      const created = DecisionSchema.parse(
        await jsonOf(await send('decision_maker', 'POST', `${API}/decisions`, { title: 'Offer evening clinics', rationale: 'People in work cannot come in the day.', optionsConsidered: ['Evenings', 'Saturdays'], optionChosen: 'Evenings', label: 'test_further', owner: PEOPLE.maker, reviewDate: '2025-09-01', findings: [f.findings.bp], meeting }), 201),
      )
      decision = created.id
      expect(created).toMatchObject({ meeting: { id: meeting, title: 'June board' }, current: { version: 1, label: 'test_further', owner: { email: PEOPLE.maker }, findings: [f.findings.bp] } })
      const list = DecisionsSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/decisions?q=evening%20clinics&label=test_further`)))
      expect(list.decisions.map((d) => d.id)).toEqual([decision])
      expect(list.decisions[0]!.rank).toBeGreaterThan(0)
      for (const q of ["' | & ! :* <-> (", 'a'.repeat(500), '"unclosed phrase', '-', 'or or or']) {
        expect(DecisionsSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/decisions?q=${encodeURIComponent(q)}`))).decisions.length, q.slice(0, 20)).toBeLessThanOrEqual(1)
      }
      await problemOf(await send('viewer', 'GET', `${API}/decisions?q=${'a'.repeat(501)}`), 400, 'invalid_request')
      await problemOf(await send('viewer', 'GET', `${API}/decisions/99999999999`), 400, 'invalid_request')
      const badFilter = await problemOf(await send('viewer', 'GET', `${API}/decisions?review=soon`), 400, 'invalid_request')
      expect(badFilter.issues?.[0]?.column).toBe('review')
    })

    it('changes a decision only as a new version with a reason, from the version in force', async () => {
      const change = { title: 'Offer evening clinics', rationale: 'People in work cannot come in the day.', optionChosen: 'Evenings', label: 'standardise', owner: PEOPLE.maker, findings: [f.findings.bp], fromVersion: 1 }
      const noReason = await problemOf(await send('decision_maker', 'POST', `${API}/decisions/${decision}/versions`, { ...change, reason: '' }), 400, 'invalid_request')
      expect(noReason.issues?.map((i) => i.column)).toEqual(['reason'])
      const missing = await problemOf(await send('decision_maker', 'POST', `${API}/decisions/${decision}/versions`, change), 400, 'invalid_request')
      expect(missing.detail).toContain('reason')
      const revised = DecisionSchema.parse(await jsonOf(await send('decision_maker', 'POST', `${API}/decisions/${decision}/versions`, { ...change, reason: 'Worked at Alpha' }), 201))
      expect(revised.versions.map((v) => [v.version, v.label, v.changeReason])).toEqual([
        [1, 'test_further', null],
        [2, 'standardise', 'Worked at Alpha'],
      ])
      expect(revised.versions[1]!.changes.map((c) => c.field)).toEqual(['optionsConsidered', 'label', 'reviewDate'])
      const stale = await problemOf(await send('decision_maker', 'POST', `${API}/decisions/${decision}/versions`, { ...change, label: 'stop', reason: 'Stale' }), 409, 'conflict')
      expect(stale.issues?.[0]).toMatchObject({ column: 'fromVersion', value: '2' })
      const read = DecisionSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/decisions/${decision}`)))
      expect(read.current.version).toBe(2)
      await problemOf(await send('viewer', 'GET', `${API}/decisions/999999`), 404, 'not_found')
      await problemOf(await send('other_admin', 'GET', `${API}/decisions/${decision}`), 404, 'not_found')
    })

    it('offers lessons from earlier decisions whose actions have a verdict', async () => {
      expect(LessonsSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/lessons?finding=${f.findings.bp}`))).lessons).toEqual([])
      const { id } = await server.store.db.insertInto('actions').values({ organisation_id: f.organisationId, programme_id: f.programmeId, decision_id: decision, title: 'Evening clinic at Alpha', start_date: '2025-02-03', created_by: 'x' }).returning('id').executeTakeFirstOrThrow()
      await server.store.db.insertInto('action_reviews').values({ organisation_id: f.organisationId, action_id: id, verdict: 'working', reasons: '[]', evidence: '{}', evaluated_at: new Date('2025-06-01T00:00:00Z') }).execute()
      const lessons = LessonsSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/lessons?finding=${f.findings.bp},${f.findings.falls}`))).lessons
      expect(lessons.map((l) => [l.decision, l.score, l.actions.map((a) => a.words)])).toEqual([[decision, 3, ['working']]])
      expect(LessonsSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/lessons?finding=${f.findings.bp}&finding=${f.findings.falls}`))).lessons).toEqual(lessons)
      expect(LessonsSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/lessons?finding=${f.findings.falls}`))).lessons).toEqual([])
      expect(LessonsSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/lessons?finding=${f.findings.bp}&exclude=${decision}`))).lessons).toEqual([])
      const bad = await problemOf(await send('viewer', 'GET', `${API}/lessons?finding=abc`), 400, 'invalid_request')
      expect(bad.issues?.[0]?.column).toBe('finding')
      const decided = DecisionSchema.parse(await jsonOf(await send('viewer', 'GET', `${API}/decisions/${decision}`)))
      expect(decided.actions).toEqual([{ id, title: 'Evening clinic at Alpha', status: 'planned', verdict: 'working', verdictWords: 'working' }])
    })

    it('lists every decide route in the OpenAPI document', async () => {
      const doc = (await jsonOf(await server.rawApp.request('/api/openapi.json'))) as { paths: Record<string, Record<string, unknown>> }
      const P = '/api/v1/organisations/{org}/programmes/{programme}'
      const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      expect(routes).toEqual(
        expect.arrayContaining([
          'GET /api/v1/organisations/{org}/groups',
          'POST /api/v1/organisations/{org}/groups',
          'GET /api/v1/organisations/{org}/groups/{group}',
          'PUT /api/v1/organisations/{org}/groups/{group}/members',
          `GET ${P}/meetings`,
          `POST ${P}/meetings`,
          `GET ${P}/meetings/{meeting}`,
          `PATCH ${P}/meetings/{meeting}`,
          `PUT ${P}/meetings/{meeting}/agenda`,
          `GET ${P}/decisions`,
          `POST ${P}/decisions`,
          `GET ${P}/decisions/{decision}`,
          `POST ${P}/decisions/{decision}/versions`,
          `GET ${P}/lessons`,
        ]),
      )
    })
  })
}
