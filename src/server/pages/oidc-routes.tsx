/**
 * Single sign-on routes (registered only when it is configured): `/auth/oidc/start` sends the
 * browser to the identity provider, `/auth/oidc/callback` takes it back and signs the person in.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createOidcClient, oidcCallback, oidcStart, OIDC_STATE_COOKIE, OIDC_STATE_MAX_AGE_SECONDS, type OidcSettings } from '../../app/auth/oidc.ts'
import { AppError } from '../../core/errors.ts'
import { clientAddress } from '../access/request-context.ts'
import type { ServerDeps } from '../create-app.tsx'
import { statusOf } from '../problem.ts'
import { endPreviousSession, safeNext, secureCookies, setSessionCookie } from './auth-routes.tsx'
import { ErrorPage } from './error-page.tsx'

export function oidcRoutes(app: OpenAPIHono, deps: ServerDeps, settings: OidcSettings): void {
  const oidc = createOidcClient(settings)
  // Only the two routes below need the cookie; Lax, because the provider's redirect back is a top-level navigation from another site.
  const cookieOptions = (c: Context) => ({ path: '/auth/oidc', httpOnly: true, secure: secureCookies(c), sameSite: 'Lax' as const })

  app.get('/auth/oidc/start', async (c) => {
    const { url, cookie } = await oidcStart(oidc, safeNext(c.req.query('next')), deps.clock())
    setCookie(c, OIDC_STATE_COOKIE, cookie, { ...cookieOptions(c), maxAge: OIDC_STATE_MAX_AGE_SECONDS })
    return c.redirect(url.href, 302)
  })

  app.get('/auth/oidc/callback', async (c) => {
    const stateCookie = getCookie(c, OIDC_STATE_COOKIE)
    deleteCookie(c, OIDC_STATE_COOKIE, cookieOptions(c))
    try {
      const meta = { address: clientAddress(c, deps.trustProxy), userAgent: c.req.header('user-agent') ?? '' }
      const signedIn = await oidcCallback(deps, oidc, callbackUrl(settings, c), stateCookie, meta)
      await endPreviousSession(c, deps)
      setSessionCookie(c, deps, signedIn.sessionSecret)
      return c.redirect(safeNext(signedIn.next), 303)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const status = statusOf(error.code)
      return c.html(<ErrorPage status={status} detail={error.message} />, status)
    }
  })
}

/**
 * The registered redirect URI with the query the provider sent: the token request must repeat the
 * registered URI exactly, which the request's own URL may not be behind a reverse proxy.
 */
function callbackUrl(settings: OidcSettings, c: Context): URL {
  const url = new URL(settings.redirectUri)
  url.search = new URL(c.req.url).search
  return url
}

