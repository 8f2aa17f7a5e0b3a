// The decide pages as a signed-in browser uses them (session cookie, CSRF field): groups, meetings, the pack, the decision log, bad input kept and explained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all, htmlOf, one, openTestServer, textOf, type HtmlNode, type TestServer } from '../support/server.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { PEOPLE, seedDecideFixture, type DecideFixture } from './decide-fixture.ts'
import { signIn, type Session } from '../support/session.ts'

const ORG = '/organisations/test'
const BASE = '/organisations/test/programmes/htn'

/** The error summary's links, as [href, text]. */
function summary(document: HtmlNode): [string | null, string][] {
  return all(document, '.nhsuk-error-summary a').map((a) => [a.getAttribute('href'), textOf(a)])
}

function location(response: Response): string {
  expect(response.status, `a redirect, not ${response.status}`).toBe(303)
  return response.headers.get('location') ?? ''
}

for (const engine of enginesUnderTest()) {
  describe(`decide pages on ${engine.engine}`, () => {
    let server: TestServer
    let f: DecideFixture
    let lead: Session
    let maker: Session
    let viewer: Session
    let meetingPath = ''
    let decisionPath = ''

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      f = await seedDecideFixture(server.store, server.deps)
      ;[lead, maker, viewer] = [await signIn(server, PEOPLE.lead), await signIn(server, PEOPLE.maker), await signIn(server, PEOPLE.viewer)]
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server.close()
    })

    it('groups: a lead adds one; a refusal names each field and keeps what was typed', async () => {
      const empty = await htmlOf(await viewer.get(`${ORG}/groups`))
      expect(textOf(one(empty, 'h1'))).toBe('Decision groups')
      expect(textOf(one(empty, 'main'))).toContain('The boards, committees and huddles that meet')
      expect(all(empty, 'form[action="/organisations/test/groups"]')).toHaveLength(0)
      const refused = await htmlOf(await lead.post(`${ORG}/groups`, { code: 'Board Room', name: 'Programme board', purpose: 'Weighs findings' }), 400)
      expect(summary(refused).map(([href]) => href)).toEqual(['#code', '#kind'])
      expect(textOf(one(refused, '#code-error'))).toContain('"board room" is not valid (expected up to 40 lower-case letters')
      expect(one(refused, 'input#name').getAttribute('value')).toBe('Programme board')
      expect(textOf(one(refused, 'textarea#purpose'))).toBe('Weighs findings')
      expect(one(refused, 'input#code').getAttribute('aria-describedby')).toBe('code-hint code-error')
      expect(one(refused, 'title').textContent).toMatch(/^Error: /)
      expect(location(await lead.post(`${ORG}/groups`, { code: 'board', name: 'Programme board', kind: 'board' }))).toBe(`${ORG}/groups/board?saved=created`)
      const duplicate = await htmlOf(await lead.post(`${ORG}/groups`, { code: 'board', name: 'Again', kind: 'board' }), 400)
      expect(summary(duplicate)).toEqual([['#code', 'Test ICS already has a decision group with code "board". Choose another code.']])
    })

    it('group members: add from the organisation’s people, refuse an unknown one, remove; every form needs its CSRF field', async () => {
      expect((await lead.post(`${ORG}/groups/board/members`, { member: PEOPLE.maker }, false)).status).toBe(403)
      expect(location(await lead.post(`${ORG}/groups/board/members`, { member: PEOPLE.maker }))).toBe(`${ORG}/groups/board?saved=members`)
      expect(location(await lead.post(`${ORG}/groups/board/members`, { member: PEOPLE.lead }))).toContain('saved=members')
      const unknown = await htmlOf(await lead.post(`${ORG}/groups/board/members`, { member: PEOPLE.outsider }), 400)
      expect(summary(unknown)).toEqual([['#member', `"${PEOPLE.outsider}" is not a member of Test ICS (expected the email of one of its people).`]])
      expect(location(await lead.post(`${ORG}/groups/board/members/remove`, { member: PEOPLE.lead }))).toContain('saved=members')
      const page = await htmlOf(await viewer.get(`${ORG}/groups/board`))
      expect(textOf(one(page, 'ul.lhs-member-list'))).toBe(PEOPLE.maker)
      expect(all(page, 'form')).toHaveLength(1) // only the header's sign-out
      expect((await viewer.post(`${ORG}/groups/board/members`, { member: PEOPLE.viewer })).status).toBe(403)
      expect((await viewer.get(`${ORG}/groups/nope`)).status).toBe(404)
    })

    it('meetings: a lead plans one; an unknown group or a date that is not a date is explained', async () => {
      const refused = await htmlOf(await lead.post(`${BASE}/meetings`, { group: 'ghost', heldOn: '10/06/2025', title: 'June board' }), 400)
      expect(summary(refused)).toEqual([
        ['#group', 'There is no decision group "ghost" in Test ICS (expected one of its groups).'],
        ['#heldOn', 'The date of the meeting "10/06/2025" is not a date (expected a real date as YYYY-MM-DD, for example 2025-09-30).'],
      ])
      expect(one(refused, 'input#title').getAttribute('value')).toBe('June board')
      meetingPath = location(await lead.post(`${BASE}/meetings`, { group: 'board', heldOn: '2025-06-10', title: 'June board' })).replace('?saved=created', '')
      expect(meetingPath).toMatch(/^\/organisations\/test\/programmes\/htn\/meetings\/\d+$/)
      const list = await htmlOf(await viewer.get(`${BASE}/meetings`))
      expect(all(list, 'tbody tr').map((r) => all(r, 'td').map(textOf))).toEqual([['10 Jun 2025', 'June board', 'Programme board', 'Planned', '0']])
      expect(all(list, 'form[action$="/meetings"]')).toHaveLength(0)
    })

    it('the agenda: findings of the programme only, in the order numbered', async () => {
      const page = await htmlOf(await lead.get(meetingPath))
      expect(all(page, 'input[name=finding]').map((i) => Number(i.getAttribute('value')))).toEqual([f.findings.bp, f.findings.falls, f.findings.theme])
      const foreign = await htmlOf(await lead.post(`${meetingPath}/agenda`, { finding: [String(f.findings.bp), String(f.foreignFindings.otherProgramme)] }), 400)
      expect(summary(foreign)).toEqual([['#findings', `Finding ${f.foreignFindings.otherProgramme} is not a finding of Hypertension (expected one of the findings listed for this programme).`]])
      expect(one(foreign, `input#findings`).hasAttribute('checked')).toBe(true)
      expect(location(await lead.post(`${meetingPath}/agenda`, { finding: [String(f.findings.bp), String(f.findings.theme)], [`order-${f.findings.theme}`]: '1' }))).toBe(`${meetingPath}?saved=agenda`)
      const saved = await htmlOf(await viewer.get(meetingPath))
      expect(all(saved, '#agenda + ol li a').map(textOf)).toEqual(['People speak of letters in English only', 'Blood pressure control is lower at Alpha'])
      expect(all(saved, 'form[action$="/agenda"], form[action$="/record"]')).toHaveLength(0)
      expect((await maker.post(`${meetingPath}/agenda`, { finding: String(f.findings.bp) })).status).toBe(403)
    })

    it('the record: decision makers keep attendance and minutes (leads may not); a bad status is explained', async () => {
      expect((await lead.post(`${meetingPath}/record`, { status: 'held' })).status).toBe(403)
      const page = await htmlOf(await maker.get(meetingPath))
      expect(all(page, 'input[name=attendance]').map((i) => i.getAttribute('value'))).toEqual([PEOPLE.maker])
      const refused = await htmlOf(await maker.post(`${meetingPath}/record`, { minutes: 'We talked.', guests: 'A carer', status: 'finished' }), 400)
      expect(summary(refused).map(([href]) => href)).toEqual(['#status'])
      expect(textOf(one(refused, 'textarea#minutes'))).toBe('We talked.')
      expect(location(await maker.post(`${meetingPath}/record`, { minutes: 'Agreed to try evening clinics.\n\nReview in September.', guests: 'A carer', status: 'held', attendance: PEOPLE.maker }))).toBe(`${meetingPath}?saved=record`)
      const saved = await htmlOf(await viewer.get(meetingPath))
      expect(all(saved, '.lhs-minutes p').map(textOf)).toEqual(['Agreed to try evening clinics.', 'Review in September.'])
      expect(textOf(one(saved, '.nhsuk-summary-list'))).toContain('Held')
    })

    it('a new decision from the meeting ticks its agenda; bad input names every field and keeps what was typed', async () => {
      expect((await viewer.get(`${BASE}/decisions/new`)).status).toBe(403)
      expect((await lead.get(`${BASE}/decisions/new`)).status).toBe(403)
      const meetingId = meetingPath.split('/').at(-1)!
      const form = await htmlOf(await maker.get(`${BASE}/decisions/new?meeting=${meetingId}`))
      expect(all(form, 'input[name=findings][checked]').map((i) => Number(i.getAttribute('value'))).sort()).toEqual([f.findings.bp, f.findings.theme].sort())
      expect(one(form, 'input[name=meeting]').getAttribute('value')).toBe(meetingId)
      expect(one(form, 'select#owner option[selected]').getAttribute('value')).toBe(PEOPLE.maker)
      const typed = { meeting: meetingId, title: ' ', rationale: 'People in work cannot come in the day.', optionsConsidered: 'Evenings\nSaturdays', optionChosen: 'Evenings', label: 'test_further', owner: 'nobody@nowhere.example', reviewDate: 'next March', findings: [String(f.findings.bp), String(f.foreignFindings.otherProgramme)] }
      const refused = await htmlOf(await maker.post(`${BASE}/decisions`, typed), 400)
      expect(summary(refused)).toEqual([
        ['#title', 'Enter what was decided, in a sentence.'],
        ['#owner', '"nobody@nowhere.example" is not a member of Test ICS (expected the email of one of its people).'],
        ['#reviewDate', 'The review date "next March" is not a date (expected a real date as YYYY-MM-DD, for example 2025-09-30).'],
        ['#findings', `Finding ${f.foreignFindings.otherProgramme} is not a finding of Hypertension (expected one of the findings listed for this programme).`],
      ])
      expect(textOf(one(refused, 'textarea#rationale'))).toBe('People in work cannot come in the day.')
      expect(one(refused, 'textarea#optionsConsidered').textContent).toBe('Evenings\nSaturdays')
      expect(one(refused, 'input#reviewDate').getAttribute('value')).toBe('next March')
      expect(one(refused, 'select#owner option[selected]').getAttribute('value')).toBe('nobody@nowhere.example')
      expect(one(refused, 'input[name=label][value=test_further]').hasAttribute('checked')).toBe(true)
      expect(one(refused, 'input[name=meeting]').getAttribute('value')).toBe(meetingId)
      decisionPath = location(await maker.post(`${BASE}/decisions`, { ...typed, title: 'Offer evening nurse clinics', owner: PEOPLE.maker, reviewDate: '2025-09-01', findings: String(f.findings.bp) })).replace('?saved=created', '')
      const page = await htmlOf(await viewer.get(decisionPath))
      expect(textOf(one(page, 'h1'))).toBe('Offer evening nurse clinics')
      expect(all(page, '#findings + ul a').map((a) => a.getAttribute('href'))).toEqual([`${BASE}/findings/${f.findings.bp}`])
      expect(textOf(one(page, '.nhsuk-summary-list'))).toContain('June board')
      expect(all(page, 'a[href$="/change"]')).toHaveLength(0)
      const meeting = await htmlOf(await viewer.get(meetingPath))
      expect(all(meeting, '#decisions + ul a').map(textOf)).toEqual(['Offer evening nurse clinics'])
    })

    it('changing a decision: a new version with a reason; a stale change is refused with the version now in force', async () => {
      const form = await htmlOf(await maker.get(`${decisionPath}/change`))
      expect(one(form, 'input#title').getAttribute('value')).toBe('Offer evening nurse clinics')
      expect(one(form, 'input[name=fromVersion]').getAttribute('value')).toBe('1')
      const change = { title: 'Offer evening nurse clinics', rationale: 'People in work cannot come in the day.', optionsConsidered: 'Evenings\nSaturdays', optionChosen: 'Evenings', label: 'standardise', owner: PEOPLE.maker, reviewDate: '2025-09-01', findings: String(f.findings.bp), fromVersion: '1' }
      const noReason = await htmlOf(await maker.post(`${decisionPath}/versions`, { ...change, reason: '' }), 400)
      expect(summary(noReason)).toEqual([['#reason', 'Enter why the decision is changing: it is kept with the new version for everyone to read.']])
      expect(one(noReason, 'input[name=label][value=standardise]').hasAttribute('checked')).toBe(true)
      expect(location(await maker.post(`${decisionPath}/versions`, { ...change, reason: 'It worked at Alpha.' }))).toBe(`${decisionPath}?saved=changed`)
      const stale = await htmlOf(await maker.post(`${decisionPath}/versions`, { ...change, label: 'stop', reason: 'Too costly.' }), 409)
      expect(summary(stale)[0]![1]).toContain(`it is now at version 2, changed by ${PEOPLE.maker}`)
      expect(textOf(one(stale, '#fromVersion'))).toBe('Version 2, now in force')
      expect(one(stale, 'input[name=fromVersion]').getAttribute('value')).toBe('2')
      expect(textOf(one(stale, 'textarea#reason'))).toBe('Too costly.')
      expect(one(stale, 'input[name=label][value=stop]').hasAttribute('checked')).toBe(true)
      const page = await htmlOf(await viewer.get(decisionPath))
      expect(textOf(one(page, '.nhsuk-caption-l'))).toBe('Standardise across sites · version 2')
      expect(all(page, '#history ~ section h3').map(textOf)).toEqual(['Version 2 (in force)', 'Version 1'])
      expect(all(page, '#history ~ section tbody tr').map((r) => [textOf(one(r, 'th')), ...all(r, 'td').map(textOf)])).toEqual([['Label', 'Test further', 'Standardise across sites']])
      expect(textOf(one(page, '#history ~ section p'))).toContain('Why: It worked at Alpha.')
    })

    it('the decision log searches words and filters by label and review date', async () => {
      const rows = async (query: string) => all(await htmlOf(await viewer.get(`${BASE}/decisions${query}`)), 'tbody tr a').map(textOf)
      expect(await rows('')).toEqual(['Offer evening nurse clinics'])
      expect(await rows('?q=clinic')).toEqual(['Offer evening nurse clinics'])
      expect(await rows('?q=letters')).toEqual([])
      expect(await rows('?label=stop')).toEqual([])
      expect(await rows('?review=upcoming&label=standardise')).toEqual(['Offer evening nurse clinics'])
      expect((await viewer.get(`${BASE}/decisions?label=maybe`)).status).toBe(400)
      const log = await htmlOf(await viewer.get(`${BASE}/decisions`))
      expect(textOf(one(log, 'main'))).toContain('The programme’s memory')
      expect(one(log, 'label[for=q]')).toBeTruthy()
    })

    it('shows the actions that came from a decision with their verdicts, and offers them as lessons', async () => {
      const decisionId = Number(decisionPath.split('/').at(-1))
      const { id } = await server.store.db.insertInto('actions').values({ organisation_id: f.organisationId, programme_id: f.programmeId, decision_id: decisionId, title: 'Evening clinic at Alpha', start_date: '2025-02-03', created_by: 'x' }).returning('id').executeTakeFirstOrThrow()
      await server.store.db.insertInto('action_reviews').values({ organisation_id: f.organisationId, action_id: id, verdict: 'not_working', reasons: '[]', evidence: '{}', evaluated_at: new Date('2025-06-01T00:00:00Z') }).execute()
      const page = await htmlOf(await viewer.get(decisionPath))
      expect(all(page, '#actions ~ table tbody tr').map((r) => all(r, 'td').map(textOf))).toEqual([['Evening clinic at Alpha', 'Planned', 'Not working']])
      expect(one(page, `a[href="${BASE}/actions/${id}"]`)).toBeTruthy()
      const form = await htmlOf(await maker.get(`${BASE}/decisions/new?finding=${f.findings.bp}`))
      expect(textOf(one(form, 'label[for=lessons]'))).toBe('Offer evening nurse clinics')
      expect(textOf(one(form, '#lessons-item-hint'))).toContain('Evening clinic at Alpha: not working')
      const meeting = await htmlOf(await viewer.get(meetingPath))
      expect(textOf(one(meeting, '#lessons ~ ul'))).toContain('Evening clinic at Alpha: not working')
    })

    it('prints the meeting pack: each agenda finding with its evidence, and the decisions, without navigation', async () => {
      const response = await viewer.get(`${meetingPath}/pack`)
      const html = await response.clone().text()
      const pack = await htmlOf(response)
      expect(html).toContain('@media print')
      expect(all(pack, 'header.nhsuk-header, footer, .nhsuk-breadcrumb')).toHaveLength(0)
      expect(one(pack, 'nav.lhs-no-print').getAttribute('aria-label')).toBe('Back')
      expect(all(pack, 'section.lhs-pack-item h2').map(textOf)).toEqual(['People speak of letters in English only', 'Blood pressure control is lower at Alpha'])
      expect(textOf(one(pack, 'main'))).toContain('Reason for theme:2||.')
      expect(textOf(one(pack, 'main'))).toContain('Staff: nothing coded to the linked themes (silence).')
      expect(all(pack, '.lhs-pack-section h3').map(textOf)).toEqual(['Offer evening nurse clinics'])
      expect(response.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'")
    })

    it('answers a record that is not there, or a number that is not one, with "not found"', async () => {
      for (const path of [`${BASE}/decisions/abc`, `${BASE}/decisions/0`, `${BASE}/decisions/99999`, `${BASE}/decisions/new?meeting=abc`, `${BASE}/decisions/new?meeting=99999`, `${BASE}/meetings/1.5`, `${BASE}/meetings/99999/pack`, `/organisations/other/groups`]) {
        expect((await maker.get(path)).status, path).toBe(404)
      }
    })

    it('every page has unique ids, one h1 and help text', async () => {
      for (const path of [`${ORG}/groups`, `${ORG}/groups/board`, `${BASE}/meetings`, meetingPath, `${BASE}/decisions`, `${BASE}/decisions/new`, decisionPath, `${decisionPath}/change`]) {
        const document = await htmlOf(await server.app.request(path))
        const ids = all(document, '[id]').map((n) => n.id)
        expect(ids.filter((id, i) => ids.indexOf(id) !== i), path).toEqual([])
        expect(all(document, 'h1'), path).toHaveLength(1)
        for (const input of all(document, 'main input:not([type=hidden]), main select, main textarea')) expect(all(document, `label[for="${input.id}"]`), `${path} #${input.id} has a label`).toHaveLength(1)
      }
    })
  })
}
