/** Signing in and out, and the account page. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { membershipsOf } from '../../app/auth/people.ts'
import { signInWithPassword, signOut, resolveSession } from '../../app/auth/sign-in.ts'
import { listTokens } from '../../app/auth/tokens.ts'
import { AppError } from '../../core/errors.ts'
import { SESSION_COOKIE } from '../access/access-middleware.ts'
import { actorOf, clientAddress, identityOf, requireIdentity } from '../access/request-context.ts'
import type { ServerDeps } from '../create-app.tsx'
import { AccountPage } from './account-page.tsx'
import { SignInPage } from './sign-in-page.tsx'

export function authPageRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.get('/sign-in', async (c) => {
    const next = safeNext(c.req.query('next'))
    if (identityOf(c)) return c.redirect(next, 303)
    return c.html(<SignInPage next={next} ssoLabel={deps.oidc?.label} notice={c.req.query('signed-out') === '1' ? 'You have signed out.' : undefined} />)
  })

  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const email = typeof form.email === 'string' ? form.email.slice(0, 320) : ''
    const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : ''
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined)
    if (email.trim() === '' || password === '') {
      return c.html(<SignInPage next={next} email={email} ssoLabel={deps.oidc?.label} error="Enter your email address and password." />, 400)
    }
    try {
      const signedIn = await signInWithPassword(deps, { email, password, address: clientAddress(c, deps.trustProxy), userAgent: c.req.header('user-agent') ?? '' })
      await endPreviousSession(c, deps)
      setSessionCookie(c, deps, signedIn.sessionSecret)
      return c.redirect(next, 303)
    } catch (error) {
      if (error instanceof AppError && (error.code === 'unauthorized' || error.code === 'too_many_requests')) {
        return c.html(<SignInPage next={next} email={email} ssoLabel={deps.oidc?.label} error={error.message} />, error.code === 'unauthorized' ? 401 : 429)
      }
      throw error
    }
  })

  app.post('/sign-out', async (c) => {
    const identity = requireIdentity(c)
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    if (identity.sessionHash && identity.csrfToken) {
      await signOut(deps, { user: identity.user, csrfToken: identity.csrfToken, sessionHash: identity.sessionHash }, actorOf(c), form.everywhere === 'yes')
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c), httpOnly: true, sameSite: 'Lax' })
    return c.redirect('/sign-in?signed-out=1', 303)
  })

  app.get('/account', async (c) => {
    const { user } = requireIdentity(c)
    const [memberships, tokens] = await Promise.all([membershipsOf(deps, user.id), listTokens(deps, user.email)])
    return c.html(<AccountPage user={user} memberships={memberships} tokens={tokens} />)
  })
}

/** A new session replaces any session the browser already had (no session fixation). */
export async function endPreviousSession(c: Context, deps: ServerDeps): Promise<void> {
  const previous = getCookie(c, SESSION_COOKIE)
  if (!previous || previous.length > 200) return
  const session = await resolveSession(deps, previous)
  if (session) await signOut(deps, session, { userId: session.user.id, name: session.user.email, address: clientAddress(c, deps.trustProxy) }, false)
}

export function setSessionCookie(c: Context, deps: ServerDeps, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, { path: '/', httpOnly: true, secure: secureCookies(c), sameSite: 'Lax', maxAge: deps.auth.sessionMaxHours * 3600 })
}

/**
 * Secure cookies on HTTPS and on this machine (browsers treat http://localhost as secure). On plain
 * HTTP to another host a Secure cookie would be dropped and nobody could sign in, so it is not set;
 * docs/security.md says to serve LHS over HTTPS.
 */
export function secureCookies(c: Context): boolean {
  const url = new URL(c.req.url)
  return url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/** Only paths on this site (no `//host`, no scheme), so the sign-in page cannot redirect elsewhere. */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /\p{Cc}/u.test(next) || next.length > 2000) return '/'
  return next
}
