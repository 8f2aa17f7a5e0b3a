// The people page: who has which role, adding a person or changing a role (administrators only),
// the error summary, the last administrator who cannot demote themselves, and CSRF on session posts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { emailOf } from '../../../test/support/people.ts'
import { all, htmlOf, one, openTestServer, textOf, type HtmlNode, type TestServer } from '../../../test/support/server.ts'
import { startSession } from '../../app/auth/sign-in.ts'
import { ROLE_DESCRIPTIONS, ROLES } from '../../core/access.ts'

const PEOPLE = '/organisations/test/people'

function formBody(fields: Record<string, string | readonly string[]>): URLSearchParams {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) body.append(name, v)
  return body
}

/** The people table as [email, name, role, sites] rows. */
function tableRows(document: HtmlNode): string[][] {
  return all(document, '#people tbody tr').map((row) => all(row, 'td').slice(0, 4).map(textOf))
}

function summaryLinks(document: HtmlNode): string[][] {
  return all(one(document, '.nhsuk-error-summary[role="alert"]'), 'li a').map((a) => [textOf(a), a.getAttribute('href') ?? ''])
}

for (const engine of enginesUnderTest()) {
  describe(`the people page on ${engine.engine}`, () => {
    let server: TestServer
    const post = (fields: Record<string, string | readonly string[]>, user: Parameters<TestServer['requestAs']>[0] = 'admin', path = PEOPLE) => server.requestAs(user, path, { method: 'POST', body: formBody(fields) })
    const membership = (email: string) =>
      server.store.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').innerJoin('organisations', 'organisations.id', 'memberships.organisation_id').select(['role', 'site_codes', 'password_hash', 'display_name']).where('email', '=', email).where('organisations.code', '=', 'test').executeTakeFirst()
    const membershipCount = async () => Number((await server.store.db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server.close()
    })

    it('lists the members with role, description and sites in a captioned table, and none of another organisation', async () => {
      const document = await htmlOf(await server.requestAs('admin', PEOPLE))
      expect(textOf(one(document, 'title'))).toBe('People – Test ICS – Learning Health System')
      expect(textOf(one(document, 'main h1'))).toBe('People in Test ICS')
      expect(textOf(one(document, '#people caption'))).toBe('People in Test ICS and their roles (6)')
      expect(all(document, '#people thead th').map(textOf)).toEqual(['Email', 'Name', 'Role', 'Sites', 'Action'])
      const rows = tableRows(document)
      expect(rows.map((r) => r[0])).toEqual(ROLES.map((role) => emailOf(role)).sort())
      expect(rows.find((r) => r[0] === 'decision-maker@test.example')).toEqual(['decision-maker@test.example', '', `Decision maker: ${ROLE_DESCRIPTIONS.decision_maker}`, 'All sites'])
      expect(textOf(one(document, 'main'))).not.toContain('admin@other.example')
      const change = one(document, '#people tbody tr a')
      expect([change.getAttribute('href'), textOf(change)]).toEqual([`${PEOPLE}?email=admin%40test.example#person-form`, 'Change the role of admin@test.example'])
    })

    it('shows the form: labelled email, role radios with descriptions, site checkboxes (not the root site), and how new people sign in', async () => {
      const document = await htmlOf(await server.requestAs('admin', PEOPLE))
      const form = one(document, 'main form')
      expect([form.getAttribute('method'), form.getAttribute('action')]).toEqual(['post', PEOPLE])
      expect(textOf(one(document, 'label[for="email"]'))).toBe('Email address')
      expect(one(form, '#email').getAttribute('name')).toBe('email')
      expect(textOf(one(document, 'label[for="display-name"]'))).toBe('Name (optional)')
      expect(textOf(one(form, 'fieldset legend'))).toBe('Role')
      const radios = all(form, 'input[type="radio"][name="role"]')
      expect(radios.map((r) => [r.getAttribute('value'), textOf(one(form, `label[for="${r.id}"]`)), textOf(one(form, `#${r.getAttribute('aria-describedby')}`))])).toEqual(
        ROLES.map((role) => [role, role === 'decision_maker' ? 'Decision maker' : role.charAt(0).toUpperCase() + role.slice(1), ROLE_DESCRIPTIONS[role]]),
      )
      const boxes = all(form, 'input[type="checkbox"][name="sites"]')
      expect(boxes.map((b) => [b.getAttribute('value'), b.hasAttribute('checked'), textOf(one(form, `label[for="${b.id}"]`))])).toEqual([
        ['north', false, 'North network (north)'],
        ['alpha', false, 'Alpha Practice (alpha)'],
        ['beta', false, 'Beta Practice (beta)'],
      ])
      expect(textOf(one(document, '#sites-hint'))).toContain('Leave every box unticked for all sites.')
      expect(textOf(one(document, '.nhsuk-inset-text'))).toBe('Information: A new person gets no password. They sign in with single sign-on, or an administrator of the server gives them a password with the command lhs user add and its option --password-stdin.')
      expect(document.querySelector('.nhsuk-error-summary')).toBeNull()
    })

    it('the Change link fills the form with the person as they are', async () => {
      const document = await htmlOf(await server.requestAs('admin', `${PEOPLE}?email=analyst%40test.example`))
      expect(one(document, '#email').getAttribute('value')).toBe('analyst@test.example')
      expect(all(document, 'input[name="role"]').filter((r) => r.hasAttribute('checked')).map((r) => r.getAttribute('value'))).toEqual(['analyst'])
    })

    it('is for administrators of the organisation only: 403 for other roles, 404 for another organisation, sign-in for nobody', async () => {
      for (const role of ROLES.filter((r) => r !== 'admin')) {
        expect((await server.requestAs(role, PEOPLE)).status, role).toBe(403)
        expect((await post({ email: 'x@test.example', role: 'admin' }, role)).status, role).toBe(403)
      }
      expect((await server.requestAs('other_admin', PEOPLE)).status).toBe(404)
      expect((await post({ email: 'x@test.example', role: 'admin' }, 'other_admin')).status).toBe(404)
      expect((await post({ email: 'x@other.example', role: 'admin' }, 'admin', '/organisations/other/people')).status).toBe(404)
      const anonymous = await server.requestAs('anonymous', PEOPLE)
      expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, `/sign-in?next=${encodeURIComponent(PEOPLE)}`])
      expect(await membership('x@test.example')).toBeUndefined()
    })

    it('adds a new person with no password, narrowed to the ticked sites, audited, and shows them', async () => {
      const response = await post({ email: ' New.Person@Test.example ', displayName: 'New Person', role: 'viewer', sites: ['alpha', 'beta'] })
      expect([response.status, response.headers.get('location')]).toEqual([303, `${PEOPLE}?saved=new.person%40test.example`])
      expect(await membership('new.person@test.example')).toEqual({ role: 'viewer', site_codes: ['alpha', 'beta'], password_hash: null, display_name: 'New Person' })
      const entry = await server.store.db.selectFrom('audit_log').selectAll().where('target', '=', 'organisation:test/user:new.person@test.example').executeTakeFirstOrThrow()
      expect([entry.action, entry.actor]).toEqual(['membership.create', 'admin@test.example'])
      const document = await htmlOf(await server.requestAs('admin', response.headers.get('location')!))
      const saved = one(document, '.lhs-success[role="status"]')
      expect(textOf(one(saved, 'h2'))).toBe('Saved')
      expect(textOf(one(saved, '.nhsuk-panel__body'))).toBe(`new.person@test.example is a viewer (${ROLE_DESCRIPTIONS.viewer}), for Alpha Practice, Beta Practice.`)
      expect(tableRows(document).find((r) => r[0] === 'new.person@test.example')).toEqual(['new.person@test.example', 'New Person', `Viewer: ${ROLE_DESCRIPTIONS.viewer}`, 'Alpha Practice, Beta Practice'])
    })

    it("changes a person's role and sites (no sites ticked: every site), keeping their name", async () => {
      const response = await post({ email: 'new.person@test.example', role: 'contributor' })
      expect(response.status).toBe(303)
      expect(await membership('new.person@test.example')).toMatchObject({ role: 'contributor', site_codes: null, display_name: 'New Person' })
      const entry = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'membership.update').where('target', '=', 'organisation:test/user:new.person@test.example').executeTakeFirstOrThrow()
      expect(JSON.parse(entry.payload)).toMatchObject({ before: { role: 'viewer', sites: ['alpha', 'beta'] }, after: { role: 'contributor', sites: null } })
    })

    it('answers 400 with an error summary linking to each field and keeps what was typed; nothing is saved', async () => {
      const before = await membershipCount()
      let document = await htmlOf(await post({ email: '', displayName: 'Nobody' }), 400)
      expect(textOf(one(document, 'title'))).toBe('Error: People – Test ICS – Learning Health System')
      expect(summaryLinks(document)).toEqual([
        ['Enter their email address.', '#email'],
        ['Choose a role.', '#role-viewer'],
      ])
      expect(textOf(one(document, '#email-error'))).toBe('Error: Enter their email address.')
      expect(one(document, '#email').getAttribute('aria-describedby')).toBe('email-hint email-error')
      expect(one(document, '#display-name').getAttribute('value')).toBe('Nobody')

      document = await htmlOf(await post({ email: 'someone@test.example', role: 'owner', sites: ['alpha', 'gamma'] }), 400)
      expect(summaryLinks(document)).toEqual([
        [`"owner" is not a role (expected one of: ${ROLES.join(', ')}).`, '#role-viewer'],
        ['Test ICS has no site with code "gamma".', '#site-north'],
      ])
      expect(all(document, 'input[name="sites"]').filter((b) => b.hasAttribute('checked')).map((b) => b.getAttribute('value'))).toEqual(['alpha'])

      document = await htmlOf(await post({ email: 'not-an-email', role: 'viewer' }), 400)
      expect(summaryLinks(document)).toEqual([['"not-an-email" is not an email address (expected something like name@example.nhs.uk).', '#email']])
      expect(one(document, '#email').getAttribute('value')).toBe('not-an-email')
      expect(await membershipCount()).toBe(before)
    })

    it('refuses a session post without the CSRF token (403) and accepts the one the page gives', async () => {
      const admin = await server.store.db.selectFrom('users').select(['id', 'email', 'display_name', 'password_hash']).where('email', '=', 'admin@test.example').executeTakeFirstOrThrow()
      const { sessionSecret } = await startSession(server.deps, { id: admin.id, email: admin.email, displayName: admin.display_name, passwordHash: admin.password_hash, disabled: false }, { address: 'test', userAgent: 'test', method: 'test' })
      const cookie = { cookie: `lhs_session=${sessionSecret}` }
      const fields = { email: 'session.person@test.example', role: 'viewer' }
      expect((await server.rawApp.request(PEOPLE, { method: 'POST', headers: cookie, body: formBody(fields) })).status).toBe(403)
      expect(await membership('session.person@test.example')).toBeUndefined()
      const page = await htmlOf(await server.rawApp.request(PEOPLE, { headers: cookie }))
      const csrf = one(page, 'main form input[name="_csrf"]').getAttribute('value') ?? ''
      const response = await server.rawApp.request(PEOPLE, { method: 'POST', headers: cookie, body: formBody({ ...fields, _csrf: csrf }) })
      expect(response.status).toBe(303)
      expect(await membership('session.person@test.example')).toMatchObject({ role: 'viewer' })
    })

    it('the only administrator cannot demote themselves (409, role kept); with a second administrator they can', async () => {
      const response = await post({ email: 'admin@test.example', role: 'viewer' })
      const document = await htmlOf(response, 409)
      expect(summaryLinks(document)).toEqual([
        ['You are the only administrator of Test ICS, so the role cannot change to viewer: nobody would be left to manage its people. Make someone else an administrator first.', '#role-viewer'],
      ])
      expect(await membership('admin@test.example')).toMatchObject({ role: 'admin' })
      expect((await post({ email: 'lead@test.example', role: 'admin' })).status).toBe(303)
      expect((await post({ email: 'admin@test.example', role: 'lead' })).status).toBe(303)
      expect(await membership('admin@test.example')).toMatchObject({ role: 'lead' })
      expect((await server.requestAs('admin', PEOPLE)).status).toBe(403)
    })
  })
}
