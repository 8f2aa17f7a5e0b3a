// The implement pages through a signed-in browser session on every engine: what a viewer reads, what
// a lead changes, and every refusal shown at its field with what was typed kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../support/engines.ts'
import { all, htmlOf, one, openTestServer, textOf, type HtmlNode, type TestServer } from '../support/server.ts'
import { seedImplement, type SeededLoop } from './seed-implement.ts'
import { signIn, type Session } from '../support/session.ts'

const BASE = '/organisations/test/programmes/htn'

/** The error summary's links as [text, href]. */
function summary(document: HtmlNode): string[][] {
  return all(one(document, '.nhsuk-error-summary[role="alert"]'), 'li a').map((a) => [textOf(a), a.getAttribute('href') ?? ''])
}

/** The field's own error message (tied to it by aria-describedby). */
function fieldError(document: HtmlNode, id: string): string {
  const field = one(document, `#${id}`)
  const target = field.tagName === 'INPUT' && ['radio', 'checkbox'].includes(field.getAttribute('type') ?? '') ? one(document, `#${id}-error`) : one(document, `#${(field.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'))}`)
  return textOf(target).replace(/^Error:\s*/, '')
}

for (const engine of enginesUnderTest()) {
  describe(`implement pages on ${engine.engine}`, () => {
    let server: TestServer
    let loop: SeededLoop
    let lead: Session
    let viewer: Session
    let actionId = 0

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      loop = await seedImplement(server.deps, 'test', 1)
      lead = await signIn(server, 'lead@test.example')
      viewer = await signIn(server, 'viewer@test.example')
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server.close()
    })

    it('shows the aim and the driver diagram as a picture, in words and as a table; read only for a viewer', async () => {
      const page = await htmlOf(await viewer.get(`${BASE}/aim`))
      expect(textOf(one(page, 'h1'))).toBe('Aim and driver diagram')
      const svg = one(page, 'figure svg[role="img"]')
      expect(textOf(one(page, `#${svg.getAttribute('aria-labelledby')}`))).toBe('Driver diagram of Hypertension')
      expect(textOf(one(page, `#${svg.getAttribute('aria-describedby')}`))).toContain('1 primary driver, 1 secondary driver and 1 change idea')
      expect(all(page, '#diagram-table-caption ~ tbody tr').map((r) => all(r, 'td').map(textOf))).toEqual([
        ['Measuring is convenient', '', '', ''],
        ['Measuring is convenient', 'People can measure at home', '', ''],
        ['Measuring is convenient', 'People can measure at home', 'Lend home monitors', ''],
      ])
      expect(page.querySelector('main form')).toBeNull()
      expect(textOf(one(page, 'main'))).not.toContain('Change the aim')
      const leads = await htmlOf(await lead.get(`${BASE}/aim`))
      expect(all(leads, 'main a').map(textOf)).toEqual(expect.arrayContaining(['Change the aim', 'Change Measuring is convenient', 'Remove Lend home monitors']))
      expect(one(leads, `form[action="${BASE}/drivers"] input[name="_csrf"]`).getAttribute('value')).not.toBe('')
    })

    it('changes the aim: percentages typed as percent, a date that is not a date refused at its field keeping what was typed, a stale version 409', async () => {
      const form = await htmlOf(await lead.get(`${BASE}/aim/edit`))
      const version = one(form, 'input[name="version"]').getAttribute('value')!
      const typed = { statement: 'Raise control to 70%', measure: 'bp-control', baseline: '58', target: '70%', by: 'next March', version }
      const refused = await htmlOf(await lead.post(`${BASE}/aim`, typed), 400)
      expect(summary(refused)).toEqual([['The date the aim should be met by "next March" is not a date (expected a real date as YYYY-MM-DD, for example 2025-03-31).', '#by']])
      expect(fieldError(refused, 'by')).toContain('is not a date')
      expect([one(refused, '#by').getAttribute('value'), textOf(one(refused, '#statement')), one(refused, '#baseline').getAttribute('value')]).toEqual(['next March', 'Raise control to 70%', '58'])
      expect(textOf(one(refused, 'title'))).toMatch(/^Error: /)
      expect((await lead.post(`${BASE}/aim`, { ...typed, by: '2026-03-31' })).status).toBe(303)
      const aim = all(await htmlOf(await viewer.get(`${BASE}/aim`)), '.nhsuk-summary-list dd').map(textOf)
      expect(aim).toEqual(['Raise control to 70%', 'Blood pressure controlled', '58.0%', '70.0%', '31 Mar 2026'])
      const stale = await htmlOf(await lead.post(`${BASE}/aim`, { ...typed, by: '2026-03-31', statement: 'Stale' }), 409)
      expect(summary(stale)[0]![0]).toContain('was changed by someone else since you opened it')
    })

    it('edits the drivers as a list: add, refuse an empty title or a wrong parent, move, link measures, remove with children only when confirmed', async () => {
      const empty = await htmlOf(await lead.post(`${BASE}/drivers`, { kind: 'primary', title: ' ', description: 'Why' }), 400)
      expect(summary(empty)).toEqual([['Enter the title.', '#title']])
      expect(textOf(one(empty, '#description'))).toBe('Why')
      expect((await lead.post(`${BASE}/drivers`, { kind: 'primary', title: 'Treatment is optimised' })).status).toBe(303)
      const under = await htmlOf(await lead.post(`${BASE}/drivers`, { parent: String(loop.secondaryId), kind: 'secondary', 'child-title': 'Wrong place' }), 400)
      expect(summary(under)).toEqual([['A secondary driver goes under a primary driver: choose one.', '#child-title']])
      expect(one(under, '#child-title').getAttribute('value')).toBe('Wrong place')
      const underIdea = await htmlOf(await lead.post(`${BASE}/drivers`, { parent: String(loop.changeIdeaId), kind: 'change_idea', 'child-title': 'Too deep' }), 400)
      expect(summary(underIdea)).toEqual([['A change idea goes under a secondary driver or a primary driver: choose one.', '#add']])
      expect(one(underIdea, '#add')).toBeTruthy()
      const ids = await server.store.db.selectFrom('drivers').select(['id', 'title']).execute()
      const treatment = ids.find((d) => d.title === 'Treatment is optimised')!.id
      expect((await lead.post(`${BASE}/drivers`, { parent: String(treatment), kind: 'secondary', 'child-title': 'Doses are reviewed' })).status).toBe(303)
      expect((await lead.post(`${BASE}/drivers/${treatment}/move`, { move: 'up' })).status).toBe(303)
      expect((await lead.post(`${BASE}/drivers/${treatment}/measures`, { measure: 'bp-control' })).status).toBe(303)
      const other = await htmlOf(await lead.post(`${BASE}/drivers/${treatment}/measures`, { measure: 'other-only' }), 400)
      expect(summary(other)[0]![1]).toBe('#measure')
      const list = await htmlOf(await viewer.get(`${BASE}/aim`))
      expect(all(list, '#drivers ~ ul > li > strong').length).toBe(2)
      expect(textOf(one(list, `#driver-${treatment}`))).toContain('Measures: Blood pressure controlled')
      expect(textOf(all(list, '#drivers ~ ul > li')[0]!)).toContain('Treatment is optimised')
      const confirm = await htmlOf(await lead.get(`${BASE}/drivers/${treatment}/remove`))
      expect(textOf(one(confirm, '.nhsuk-warning-callout'))).toContain('Secondary driver: Doses are reviewed')
      const unconfirmed = await htmlOf(await lead.post(`${BASE}/drivers/${treatment}/remove`, {}), 400)
      expect(summary(unconfirmed)).toEqual([['Tick the box to confirm that everything under it is removed too, or cancel.', '#confirm']])
      expect((await lead.post(`${BASE}/drivers/${treatment}/remove`, { confirm: 'yes' })).status).toBe(303)
      expect((await server.store.db.selectFrom('drivers').select('title').execute()).map((d) => d.title)).not.toContain('Doses are reviewed')
    })

    it('starts an action from a decision, refusing bad input at each field and keeping what was typed', async () => {
      const form = await htmlOf(await lead.get(`${BASE}/actions/new?decision=${loop.decisionId}`))
      expect(one(form, `#decision option[value="${loop.decisionId}"]`).hasAttribute('selected')).toBe(true)
      expect(all(form, 'input[name="sites"]').map((b) => b.getAttribute('value'))).toEqual(['north', 'alpha', 'beta'])
      expect((await lead.get(`${BASE}/actions/new?decision=999999`)).status).toBe(404)
      const good = { title: 'Evening clinics', decision: String(loop.decisionId), changeIdea: String(loop.changeIdeaId), owner: 'lead@test.example', sites: ['alpha', 'beta'], startDate: '2025-04-07', reviewDate: '2025-07-07', status: 'planned' }
      const cases: [Record<string, string | string[]>, string, string][] = [
        [{ title: '' }, 'title', 'Enter the title.'],
        [{ startDate: '7 April' }, 'startDate', 'The change date "7 April" is not a date (expected a real date as YYYY-MM-DD, for example 2025-03-31).'],
        [{ reviewDate: '2025-04-01' }, 'reviewDate', 'The review date (2025-04-01) is before the change date (2025-04-07): it must be on or after it.'],
        [{ sites: ['alpha', 'gamma'] }, 'sites', 'No site "gamma" in Test ICS (expected one of north, alpha, beta).'],
      ]
      for (const [over, field, message] of cases) {
        const page = await htmlOf(await lead.post(`${BASE}/actions`, { ...good, ...over }), 400)
        expect(summary(page), field).toEqual([[message, `#${field}`]])
        expect(fieldError(page, field)).toBe(message)
        expect(one(page, '#title').getAttribute('value')).toBe(over.title ?? good.title)
        expect(one(page, '#sites-2').hasAttribute('checked')).toBe(true)
      }
      const created = await lead.post(`${BASE}/actions`, good)
      expect(created.status).toBe(303)
      actionId = Number(/\/actions\/(\d+)\?saved=created$/.exec(created.headers.get('location') ?? '')?.[1])
      const page = await htmlOf(await viewer.get(`${BASE}/actions/${actionId}`))
      expect(textOf(one(page, 'h1'))).toBe('Evening clinics')
      expect(one(page, `a[href="${BASE}/decisions/${loop.decisionId}"]`)).toBeTruthy()
      expect(all(page, 'h2').map(textOf)).toEqual(expect.arrayContaining(['Predictions', 'PDSA cycles']))
      expect(page.querySelector('main form')).toBeNull()
      const list = await htmlOf(await viewer.get(`${BASE}/actions`))
      expect(all(list, 'tbody tr').map((r) => all(r, 'td').map(textOf))[0]).toEqual(['Evening clinics', 'Planned', 'lead@test.example', 'Alpha Practice, Beta Practice', '7 Apr 2025', '7 Jul 2025'])
    })

    it('changes an action with the version it started from; a stale version is refused (409) and nothing is saved', async () => {
      const form = await htmlOf(await lead.get(`${BASE}/actions/${actionId}/edit`))
      const version = one(form, 'input[name="version"]').getAttribute('value')!
      const fields = { title: 'Evening clinics', startDate: '2025-04-07', reviewDate: '2025-08-04', status: 'in_progress', owner: 'lead@test.example', sites: ['alpha'], version }
      expect((await lead.post(`${BASE}/actions/${actionId}/edit`, fields)).status).toBe(303)
      const stale = await htmlOf(await lead.post(`${BASE}/actions/${actionId}/edit`, { ...fields, status: 'abandoned' }), 409)
      expect(summary(stale)[0]![0]).toBe(`Action ${actionId} in Hypertension was changed by someone else since you opened it (you started from version ${version}; it is now version ${Number(version) + 1}). Nothing was saved: reload the page, then make your change again.`)
      expect(one(stale, '#status-5').hasAttribute('checked')).toBe(true)
      expect(textOf(one(await htmlOf(await viewer.get(`${BASE}/actions/${actionId}`)), '.nhsuk-tag'))).toBe('In progress')
    })

    it('adds a prediction in two steps with the measure’s groups and percentage points; refuses a group it lacks and another programme’s measure', async () => {
      const path = `${BASE}/actions/${actionId}/predictions`
      const first = await htmlOf(await lead.get(`${path}/new`))
      expect(all(first, '#measure option').map((o) => o.getAttribute('value'))).toEqual(['bp-control', 'falls', 'monitors-lent'])
      const second = await htmlOf(await lead.get(`${path}/new?role=balancing&measure=bp-control`))
      expect(all(second, '#group option').map((o) => o.getAttribute('value'))).toEqual(['', 'imd_quintile:1'])
      expect(one(second, 'input[name="direction"][value="decrease"]').hasAttribute('checked')).toBe(true)
      expect(textOf(one(second, '#expectedSize-hint'))).toContain('type 5 for a rise or fall of 5 percentage points')
      const lacking = await htmlOf(await lead.post(path, { role: 'primary', measure: 'bp-control', site: 'alpha', group: 'imd_quintile:5', direction: 'increase', expectedSize: '5' }), 400)
      expect(summary(lacking)).toEqual([['Blood pressure controlled has no data for the group "5" of "imd_quintile" (its groups of imd_quintile are 1).', '#group']])
      expect(one(lacking, '#expectedSize').getAttribute('value')).toBe('5')
      const foreign = await htmlOf(await lead.post(path, { role: 'primary', measure: 'other-only', direction: 'increase' }), 400)
      expect(summary(foreign)[0]![1]).toBe('#measure')
      expect((await lead.post(path, { role: 'primary', measure: 'bp-control', site: 'alpha', group: 'imd_quintile:1', direction: 'increase', expectedSize: '5', byDate: '2025-09-01' })).status).toBe(303)
      const page = await htmlOf(await viewer.get(`${BASE}/actions/${actionId}`))
      expect(all(page, '#predictions ~ div tbody td').map(textOf).slice(0, 7)).toEqual(['Should move', 'Blood pressure controlled', 'Alpha Practice', 'Deprivation quintile: 1 (most deprived)', 'Should go up', '5 percentage points', '1 Sep 2025'])
      const id = (await server.store.db.selectFrom('predictions').select('id').where('action_id', '=', actionId).executeTakeFirstOrThrow()).id
      expect((await lead.post(`${path}/${id}/remove`, {})).status).toBe(303)
    })

    it('runs PDSA cycles: no second before the first has an act (409), each stage recorded, adapt offers the next cycle with its plan', async () => {
      const path = `${BASE}/actions/${actionId}`
      expect((await lead.post(`${path}/cycles`, { plan: 'Two evening clinics a week', prediction: '20 more people seen', startedOn: '2025-04-07' })).status).toBe(303)
      const early = await htmlOf(await lead.post(`${path}/cycles`, { plan: 'Again', prediction: 'More', startedOn: '2025-04-14' }), 409)
      expect(summary(early)).toEqual([['Cycle 1 has no act yet: record whether to adopt, adapt or abandon the change before starting cycle 2.', '#plan']])
      const cycle = `${path}/cycles/1`
      expect((await lead.post(cycle, { step: 'do', doNotes: 'Ran one clinic a week' })).status).toBe(303)
      const locked = await htmlOf(await lead.post(cycle, { step: 'plan', plan: 'Two evening clinics a week', prediction: 'Changed', startedOn: '2025-04-07' }), 409)
      expect(summary(locked)[0]![1]).toBe('#prediction')
      expect((await lead.post(cycle, { step: 'study', studyNotes: '12 more seen, fewer than predicted' })).status).toBe(303)
      const noAct = await htmlOf(await lead.post(cycle, { step: 'act', finishedOn: '2025-05-05' }), 400)
      expect(summary(noAct)).toEqual([['Choose whether to adopt, adapt or abandon the change.', '#act']])
      const badDate = await htmlOf(await lead.post(cycle, { step: 'act', act: 'adapt', finishedOn: '2025-04-01' }), 409)
      expect(summary(badDate)[0]).toEqual(['The date cycle 1 finished (2025-04-01) is before the date it started (2025-04-07): it must be on or after it.', '#finishedOn'])
      expect(one(badDate, '#act-2').hasAttribute('checked')).toBe(true)
      expect((await lead.post(cycle, { step: 'act', act: 'adapt', actNotes: 'Thursdays instead', finishedOn: '2025-05-05' })).status).toBe(303)
      const done = await htmlOf(await lead.get(cycle))
      expect(textOf(one(done, 'main'))).toContain('Start the next cycle')
      expect(textOf(one(done, '.nhsuk-tag'))).toBe('Adapted')
      const action = await htmlOf(await lead.get(path))
      expect(textOf(one(action, '#start-cycle'))).toBe('Start the next cycle (cycle 2)')
      expect(textOf(one(action, '#plan'))).toBe('Two evening clinics a week')
      const viewed = await htmlOf(await viewer.get(cycle))
      expect(textOf(one(viewed, 'main'))).toContain('What happened: Ran one clinic a week')
      expect(viewed.querySelector('main form')).toBeNull()
    })

    it('answers ids that name nothing with 404, and text that cannot be stored with a message at its field', async () => {
      for (const path of ['/actions/abc', '/actions/0', '/actions/99999999999', '/actions/999999/cycles/1', `/actions/${actionId}/cycles/99`, `/actions/${actionId}/cycles/x`, '/drivers/abc', '/drivers/999999/remove']) {
        expect((await lead.get(`${BASE}${path}`)).status, path).toBe(404)
      }
      const nul = await htmlOf(await lead.post(`${BASE}/drivers`, { kind: 'primary', title: 'a\u0000b' }), 400)
      expect(summary(nul)).toEqual([['The title contains a NUL character (U+0000) at character 2; remove it and send it again.', '#title']])
      const long = await htmlOf(await lead.post(`${BASE}/actions/${actionId}/cycles/1`, { step: 'do', doNotes: 'x'.repeat(5001) }), 400)
      expect(summary(long)).toEqual([['What happened is 5,001 characters long (expected at most 5,000).', '#doNotes']])
    })

    it('refuses changes from a viewer (403) and a session post without its CSRF token (403)', async () => {
      expect((await viewer.post(`${BASE}/drivers`, { kind: 'primary', title: 'x' })).status).toBe(403)
      expect((await viewer.get(`${BASE}/actions/new`)).status).toBe(403)
      expect((await lead.post(`${BASE}/drivers`, { kind: 'primary', title: 'x' }, false)).status).toBe(403)
      expect((await server.store.db.selectFrom('drivers').select('title').where('title', '=', 'x').execute()).length).toBe(0)
    })
  })
}
