import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { PASSWORD_USER } from '../../../test/support/people.ts'
import { htmlOf, jsonOf, one, openTestServer, problemOf, textOf, type TestServer } from '../../../test/support/server.ts'
import { createApp } from '../create-app.tsx'

for (const engine of enginesUnderTest()) {
  describe(`signing in and out on ${engine.engine}`, () => {
    let server: TestServer
    let now: Date
    let app: ReturnType<typeof createApp>

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      now = new Date('2025-06-02T09:00:00Z')
      app = createApp({ ...server.deps, clock: () => now })
    })
    afterAll(() => server.close())

    const form = (fields: Record<string, string>) => new URLSearchParams(fields)
    const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
      app.request('/sign-in', { method: 'POST', body: form({ email, password, next: '/account' }), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, redirect: 'manual' })
    const cookieOf = (response: Response) => /lhs_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]
    const withCookie = (cookie: string, init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as Record<string, string>), cookie: `lhs_session=${cookie}` } })
    const auditActions = async () => (await server.store.db.selectFrom('audit_log').select(['action', 'actor']).orderBy('seq').execute()).map((r) => `${r.action} ${r.actor}`)

    it('sends a visitor to the sign-in page, and back to where they were going after signing in', async () => {
      const start = await app.request('/organisations/test/programmes/htn', { redirect: 'manual' })
      expect(start.status).toBe(303)
      expect(start.headers.get('location')).toBe('/sign-in?next=%2Forganisations%2Ftest%2Fprogrammes%2Fhtn')
      const page = await htmlOf(await app.request('/sign-in?next=%2Forganisations%2Ftest%2Fprogrammes%2Fhtn'))
      expect(one(page, 'input[name=next]').getAttribute('value')).toBe('/organisations/test/programmes/htn')
      expect(one(page, 'label[for=email]').textContent).toContain('Email address')
      expect(one(page, 'input#password').getAttribute('autocomplete')).toBe('current-password')

      const response = await signIn(PASSWORD_USER.email, PASSWORD_USER.password)
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe('/account')
      const setCookie = response.headers.get('set-cookie') ?? ''
      expect(setCookie).toMatch(/^lhs_session=[A-Za-z0-9_-]{43}; /)
      expect(setCookie).toMatch(/HttpOnly/)
      expect(setCookie).toMatch(/SameSite=Lax/)
      expect(setCookie).toMatch(/Secure/)
      const cookie = cookieOf(response)!
      const me = (await jsonOf(await app.request('/api/v1/me', withCookie(cookie)))) as { email: string; via: string; organisations: { code: string; role: string }[] }
      expect(me).toMatchObject({ email: PASSWORD_USER.email, via: 'session', organisations: [{ code: 'test', role: 'analyst' }] })
      // The session secret is stored only as a hash.
      const stored = await server.store.db.selectFrom('sessions').select('id_hash').execute()
      expect(stored.map((s) => s.id_hash)).not.toContain(cookie)
      expect((await auditActions()).at(-1)).toBe(`sign_in.succeeded ${PASSWORD_USER.email}`)
    })

    it('refuses a wrong password with one message whether or not the account exists, and audits the failure', async () => {
      for (const email of [PASSWORD_USER.email, 'nobody@test.example']) {
        const response = await signIn(email, 'wrong password!!', { 'x-test': email })
        const page = await htmlOf(response, 401)
        expect(textOf(one(page, '.nhsuk-error-summary'))).toContain('The email address or password is not right.')
        expect(response.headers.get('set-cookie')).toBeNull()
      }
      const actions = await auditActions()
      expect(actions.slice(-2)).toEqual([`sign_in.failed ${PASSWORD_USER.email}`, 'sign_in.failed nobody@test.example'])
    })

    it('only redirects to paths on this site after signing in', async () => {
      for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
        const response = await app.request('/sign-in', { method: 'POST', body: form({ email: PASSWORD_USER.email, password: PASSWORD_USER.password, next }), headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' })
        expect(response.status, next).toBe(303)
        expect(response.headers.get('location'), next).toBe('/')
      }
    })

    it('rotates the session at sign-in: the browser’s previous session ends', async () => {
      const first = cookieOf(await signIn(PASSWORD_USER.email, PASSWORD_USER.password))!
      const second = cookieOf(await signIn(PASSWORD_USER.email, PASSWORD_USER.password, { cookie: `lhs_session=${first}` }))!
      expect(second).not.toBe(first)
      expect((await app.request('/api/v1/me', withCookie(first))).status).toBe(401)
      expect((await app.request('/api/v1/me', withCookie(second))).status).toBe(200)
    })

    it('needs the session’s CSRF token on every form post, and takes it from the page', async () => {
      const cookie = cookieOf(await signIn(PASSWORD_USER.email, PASSWORD_USER.password))!
      const importUrl = '/organisations/test/programmes/htn/import'
      const body = new FormData()
      body.set('kind', 'observations')
      body.set('file', new File(['x'], 'x.csv', { type: 'text/csv' }))
      const refused = await app.request(importUrl, withCookie(cookie, { method: 'POST', body }))
      expect(refused.status).toBe(403)
      expect(textOf(one(await htmlOf(refused, 403), 'main'))).toContain('security token does not match')
      const page = await htmlOf(await app.request(importUrl, withCookie(cookie)))
      const token = one(page, 'form[enctype="multipart/form-data"] input[name=_csrf]').getAttribute('value')!
      expect(token.length).toBeGreaterThan(20)
      body.set('_csrf', token)
      const accepted = await app.request(importUrl, withCookie(cookie, { method: 'POST', body }))
      expect(accepted.status).toBe(422) // reached the import: the one-cell file has errors
      // A bearer token needs no CSRF token (no browser sends it by itself).
      const api = await server.requestAs('analyst', '/api/v1/organisations/test/programmes/htn/imports')
      expect(api.status).toBe(200)
    })

    it('ends a session after 30 minutes without a request, and keeps an active one going', async () => {
      const cookie = cookieOf(await signIn(PASSWORD_USER.email, PASSWORD_USER.password))!
      const start = now
      try {
        now = new Date(start.getTime() + 20 * 60_000)
        expect((await app.request('/api/v1/me', withCookie(cookie))).status).toBe(200)
        now = new Date(start.getTime() + 45 * 60_000) // 25 minutes after the last request
        expect((await app.request('/api/v1/me', withCookie(cookie))).status).toBe(200)
        now = new Date(start.getTime() + 76 * 60_000) // 31 minutes after the last request
        await problemOf(await app.request('/api/v1/me', withCookie(cookie)), 401, 'unauthorized')
      } finally {
        now = start
      }
    })

    it('signs out this browser, or every session of the user', async () => {
      const a = cookieOf(await signIn(PASSWORD_USER.email, PASSWORD_USER.password))!
      const b = cookieOf(await signIn(PASSWORD_USER.email, PASSWORD_USER.password))!
      const csrf = async (cookie: string) => one(await htmlOf(await app.request('/account', withCookie(cookie))), 'form[action="/sign-out"] input[name=_csrf]').getAttribute('value')!
      const out = await app.request('/sign-out', withCookie(a, { method: 'POST', body: form({ _csrf: await csrf(a) }), headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' }))
      expect(out.status).toBe(303)
      expect(out.headers.get('set-cookie')).toMatch(/lhs_session=;/)
      expect((await app.request('/api/v1/me', withCookie(a))).status).toBe(401)
      expect((await app.request('/api/v1/me', withCookie(b))).status).toBe(200)
      const c = cookieOf(await signIn(PASSWORD_USER.email, PASSWORD_USER.password))!
      await app.request('/sign-out', withCookie(c, { method: 'POST', body: form({ _csrf: await csrf(c), everywhere: 'yes' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
      expect((await app.request('/api/v1/me', withCookie(b))).status).toBe(401)
      expect((await app.request('/api/v1/me', withCookie(c))).status).toBe(401)
      expect((await auditActions()).at(-1)).toBe(`sign_out.everywhere ${PASSWORD_USER.email}`)
    })

    it('limits failed sign-ins per account (then even the right password waits) and per address', async () => {
      const limited = 'viewer@test.example'
      for (let i = 0; i < 5; i++) await htmlOf(await signIn(limited, `wrong password ${i}`), 401)
      const blocked = await htmlOf(await signIn(limited, 'whatever it is'), 429)
      expect(textOf(one(blocked, '.nhsuk-error-summary'))).toContain('Too many failed sign-in attempts. Wait 15 minutes')
      // Another account from the same address is not blocked yet…
      expect((await signIn(PASSWORD_USER.email, PASSWORD_USER.password)).status).toBe(303)
      // …and after the window the account may try again.
      const start = now
      try {
        now = new Date(start.getTime() + 16 * 60_000)
        await htmlOf(await signIn(limited, 'wrong again, but counted afresh'), 401)
      } finally {
        now = start
      }
      // Per address: 20 failures across any accounts.
      const from = { 'x-forwarded-for': '203.0.113.9' }
      const proxied = createApp({ ...server.deps, clock: () => now, trustProxy: true })
      const post = (email: string) => proxied.request('/sign-in', { method: 'POST', body: form({ email, password: 'nope nope nope' }), headers: { 'content-type': 'application/x-www-form-urlencoded', ...from } })
      for (let i = 0; i < 20; i++) expect((await post(`spray${i}@test.example`)).status).toBe(401)
      expect((await post('fresh@test.example')).status).toBe(429)
      expect((await auditActions()).at(-1)).toBe('sign_in.refused fresh@test.example')
    })

    it('answers an API request with a bad or revoked token with 401, never falling back to a cookie', async () => {
      await problemOf(await app.request('/api/v1/me', { headers: { authorization: 'Bearer lhs_nope' } }), 401, 'unauthorized')
      await problemOf(await app.request('/api/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'unauthorized')
      await problemOf(await app.request('/api/v1/me'), 401, 'unauthorized')
    })
  })
}
