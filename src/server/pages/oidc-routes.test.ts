// Single sign-on end to end against a fake identity provider on 127.0.0.1: the app's routes, openid-client's checks, and the session that results.
import type { OpenAPIHono } from '@hono/zod-openapi'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { startFakeIdentityProvider, type FakeIdentityProvider } from '../../../test/support/fake-oidc-provider.ts'
import { emailOf } from '../../../test/support/people.ts'
import { htmlOf, jsonOf, one, openTestServer, textOf, type TestServer } from '../../../test/support/server.ts'
import type { OidcSettings } from '../../app/auth/oidc.ts'
import { createApp, type ServerDeps } from '../create-app.tsx'

const LABEL = 'Sign in with Test ICS'
const CALLBACK = 'http://localhost/auth/oidc/callback'

/** The app as `lhs serve` builds it when single sign-on is configured. */
function ssoApp(deps: ServerDeps, settings: OidcSettings): OpenAPIHono {
  return createApp({ ...deps, oidc: settings })
}

/** The text of an HTML page's main content, after checking its status. */
async function pageText(response: Response, status: number): Promise<string> {
  return textOf(one(await htmlOf(response, status), 'main'))
}

/** The value a response sets for cookie `name`, and the attributes it sets it with. */
function cookieOf(response: Response, name: string): { value: string; attributes: string } | undefined {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  if (line === undefined) return undefined
  const [pair = '', ...attributes] = line.split(';')
  return { value: decodeURIComponent(pair.slice(name.length + 1)), attributes: attributes.map((a) => a.trim()).join('; ') }
}

for (const engine of enginesUnderTest()) {
  describe(`single sign-on on ${engine.engine}`, () => {
    let server: TestServer
    let provider: FakeIdentityProvider
    let settings: OidcSettings
    let app: OpenAPIHono

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      provider = await startFakeIdentityProvider({ clientId: 'lhs-test', clientSecret: 'client secret: with + odd & characters' })
      settings = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri: CALLBACK, label: LABEL, allowHttp: true }
      app = ssoApp(server.deps, settings)
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await provider.close()
      await server.close()
    })
    beforeEach(() => {
      provider.signInAs = { email: emailOf('viewer'), email_verified: true }
      provider.idTokenOverrides = {}
    })

    /** Start at LHS, then let the provider answer; returns the callback URL it redirects to and the state cookie. */
    async function startAndAuthorize(next = '/'): Promise<{ callback: URL; cookie: string; start: Response }> {
      const start = await app.request(`/auth/oidc/start?next=${encodeURIComponent(next)}`)
      expect(start.status).toBe(302)
      const cookie = cookieOf(start, 'lhs_oidc')
      expect(cookie, 'the start sets the lhs_oidc cookie').toBeDefined()
      const answer = await fetch(start.headers.get('location')!, { redirect: 'manual' })
      expect(answer.status).toBe(302)
      return { callback: new URL(answer.headers.get('location')!), cookie: cookie!.value, start }
    }

    const callback = (url: URL, cookie: string | undefined, target = app) =>
      target.request(url.pathname + url.search, cookie === undefined ? {} : { headers: { cookie: `lhs_oidc=${encodeURIComponent(cookie)}` } })

    async function countUsers(): Promise<number> {
      const row = await server.store.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    }

    async function lastAudit(action: string) {
      const row = await server.store.db.selectFrom('audit_log').select(['actor', 'target', 'payload']).where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst()
      return row && { actor: row.actor, target: row.target, after: (JSON.parse(row.payload) as { after: unknown }).after }
    }

    it('sends the browser to the provider with PKCE (S256), state and nonce, remembered in an HttpOnly, SameSite=Lax cookie for 10 minutes', async () => {
      const start = await app.request('/auth/oidc/start?next=%2Forganisations%2Ftest')
      expect(start.status).toBe(302)
      const location = new URL(start.headers.get('location')!)
      expect(location.origin + location.pathname).toBe(`${provider.issuer}/authorize`)
      const q = location.searchParams
      expect(Object.fromEntries(['client_id', 'redirect_uri', 'response_type', 'scope', 'code_challenge_method'].map((k) => [k, q.get(k)]))).toEqual({
        client_id: 'lhs-test',
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: 'openid email profile',
        code_challenge_method: 'S256',
      })
      for (const name of ['state', 'nonce', 'code_challenge']) expect(q.get(name), name).toMatch(/^[\w-]{40,}$/)
      const cookie = cookieOf(start, 'lhs_oidc')!
      expect(cookie.attributes.split('; ').sort()).toEqual(['HttpOnly', 'Max-Age=600', 'Path=/auth/oidc', 'SameSite=Lax', 'Secure'])
      expect(cookie.value, 'the cookie does not show the state or verifier').not.toContain(q.get('state')!)
    })

    it('signs a known user in: the callback sets lhs_session, goes to next, and /api/v1/me answers their email', async () => {
      provider.signInAs = { email: 'Viewer@Test.Example', email_verified: true }
      const { callback: url, cookie } = await startAndAuthorize('/organisations/test?x=1')
      const response = await callback(url, cookie)
      expect(response.status, await response.clone().text()).toBe(303)
      expect(response.headers.get('location')).toBe('/organisations/test?x=1')
      const session = cookieOf(response, 'lhs_session')
      expect(session?.attributes).toContain('HttpOnly')
      expect(cookieOf(response, 'lhs_oidc')?.attributes, 'the login state cookie is cleared').toContain('Max-Age=0')
      const me = (await jsonOf(await app.request('/api/v1/me', { headers: { cookie: `lhs_session=${session!.value}` } }))) as { email: string; via: string }
      expect(me).toMatchObject({ email: emailOf('viewer'), via: 'session' })
      expect(await lastAudit('sign_in.succeeded')).toMatchObject({ actor: emailOf('viewer'), after: { method: 'oidc' } })
    })

    it('answers 403 for an email with no account here, and creates nothing', async () => {
      provider.signInAs = { email: 'nobody@elsewhere.example', email_verified: true }
      const users = await countUsers()
      const { callback: url, cookie } = await startAndAuthorize()
      const response = await callback(url, cookie)
      expect(await pageText(response, 403)).toContain('No account for nobody@elsewhere.example here. Ask an administrator of your organisation to add you.')
      expect(cookieOf(response, 'lhs_session')).toBeUndefined()
      expect(await countUsers()).toBe(users)
      expect(await lastAudit('sign_in.failed')).toMatchObject({ target: 'user:nobody@elsewhere.example', after: { method: 'oidc' } })
    })

    it('answers 403 when the provider says the email is not verified, or sends none', async () => {
      provider.signInAs = { email: emailOf('viewer'), email_verified: false }
      let flow = await startAndAuthorize()
      expect(await pageText(await callback(flow.callback, flow.cookie), 403)).toContain(`the email address ${emailOf('viewer')} is not verified`)
      provider.signInAs = {}
      flow = await startAndAuthorize()
      expect(await pageText(await callback(flow.callback, flow.cookie), 403)).toContain('did not send an email address')
    })

    it('answers 403 for a user whose account is turned off', async () => {
      const email = emailOf('contributor')
      const turnedOff = await server.store.db.updateTable('users').set({ disabled_at: new Date() }).where('email', '=', email).executeTakeFirst()
      expect(Number(turnedOff.numUpdatedRows)).toBe(1)
      try {
        provider.signInAs = { email, email_verified: true }
        const flow = await startAndAuthorize()
        expect(await pageText(await callback(flow.callback, flow.cookie), 403)).toContain(`The account for ${email} is turned off here`)
      } finally {
        await server.store.db.updateTable('users').set({ disabled_at: null }).where('email', '=', email).execute()
      }
    })

    it('refuses a tampered state (401) before asking the provider, and a missing or tampered cookie (400)', async () => {
      const { callback: url, cookie } = await startAndAuthorize()
      const before = provider.stats.tokenRequests
      const tampered = new URL(url)
      tampered.searchParams.set('state', 'attacker-chosen-state')
      expect(await pageText(await callback(tampered, cookie), 401)).toContain('does not belong to the sign-in this browser started')
      expect(await pageText(await callback(url, undefined), 400)).toContain('not started in this browser')
      const flipped = cookie.slice(0, 20) + (cookie[20] === 'A' ? 'B' : 'A') + cookie.slice(21)
      expect(await pageText(await callback(url, flipped), 400)).toContain('cookie is not valid')
      expect(provider.stats.tokenRequests, 'the provider was never asked').toBe(before)
      expect(await lastAudit('sign_in.failed')).toMatchObject({ target: 'user:unknown', after: { method: 'oidc' } })
    })

    it('refuses a replayed callback: this process remembers the state, and another process is refused by the provider (code used)', async () => {
      const { callback: url, cookie } = await startAndAuthorize()
      expect((await callback(url, cookie)).status).toBe(303)
      const before = provider.stats.tokenRequests
      expect(await pageText(await callback(url, cookie), 401)).toContain('already been used')
      expect(provider.stats.tokenRequests).toBe(before)
      const otherProcess = ssoApp(server.deps, settings)
      const replay = await callback(url, cookie, otherProcess)
      expect(await pageText(replay, 401)).toContain('refused to complete the sign-in (invalid_grant)')
      expect(provider.stats.lastTokenError).toBe('invalid_grant: unknown or used code')
      expect(cookieOf(replay, 'lhs_session')).toBeUndefined()
    })

    it('refuses an ID token with the wrong nonce or audience', async () => {
      for (const overrides of [{ nonce: 'not-the-nonce-we-sent' }, { aud: 'some-other-client' }]) {
        provider.idTokenOverrides = overrides
        const { callback: url, cookie } = await startAndAuthorize()
        const response = await callback(url, cookie)
        expect(await pageText(response, 401), JSON.stringify(overrides)).toContain('could not be verified')
        expect(cookieOf(response, 'lhs_session')).toBeUndefined()
        const failed = await lastAudit('sign_in.failed')
        expect(JSON.stringify(failed?.after)).toContain(Object.keys(overrides)[0]!)
      }
    })

    it('refuses a sign-in that took longer than 10 minutes (400)', async () => {
      const { callback: url, cookie } = await startAndAuthorize()
      const later = new Date(server.deps.clock().getTime() + 11 * 60_000)
      const laterApp = ssoApp({ ...server.deps, clock: () => later }, settings)
      expect(await pageText(await callback(url, cookie, laterApp), 400)).toContain('took longer than 10 minutes')
    })

    it('shows the provider refusing (access_denied) as 401', async () => {
      provider.signInAs = undefined
      const { callback: url, cookie } = await startAndAuthorize()
      expect(url.searchParams.get('error')).toBe('access_denied')
      expect(await pageText(await callback(url, cookie), 401)).toContain('did not sign you in (access_denied)')
    })

    it('answers 503 when the provider cannot be reached, and tries discovery again next time', async () => {
      const down = ssoApp(server.deps, { ...settings, issuer: 'http://127.0.0.1:9' })
      expect(await pageText(await down.request('/auth/oidc/start'), 503)).toContain('could not be reached')
      expect(await pageText(await down.request('/auth/oidc/start'), 503)).toContain('http://127.0.0.1:9')
    })

    it('offers the button on the sign-in page, and has no routes when single sign-on is not configured', async () => {
      const button = one(await htmlOf(await app.request('/sign-in?next=%2Forganisations%2Ftest')), 'a.nhsuk-button--login')
      expect(textOf(button)).toBe(LABEL)
      expect(button.getAttribute('href')).toBe('/auth/oidc/start?next=%2Forganisations%2Ftest')
      expect((await server.rawApp.request('/auth/oidc/start')).status).toBe(404)
      expect((await server.rawApp.request('/auth/oidc/callback?code=x&state=y')).status).toBe(404)
    })

    it('keeps next on this site', async () => {
      const { callback: url, cookie } = await startAndAuthorize('//evil.example/path')
      const response = await callback(url, cookie)
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe('/')
    })
  })
}
