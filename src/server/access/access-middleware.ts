/**
 * Authentication and authorisation for every request, in one place:
 * 1. who: a bearer token (API clients) or the session cookie (browsers);
 * 2. what the matched route needs (route-permissions.ts; an undeclared route is refused);
 * 3. for a browser session, every state-changing request must carry the session's CSRF token;
 * 4. for an organisation route, the user's membership and role: not a member → 404 (whether the
 *    organisation exists is not revealed), a role without the permission → 403;
 * 5. the request's organisation work then runs as lhs_app under row-level security, reading from the
 *    read replica when read-routing.ts says so; a state-changing request leaves the primary's
 *    write position in a cookie so this browser reads its own writes.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { matchedRoutes } from 'hono/route'
import { can, rolesWith, type Permission } from '../../core/access.ts'
import { AppError } from '../../core/errors.ts'
import { resolveSession } from '../../app/auth/sign-in.ts'
import { resolveToken } from '../../app/auth/tokens.ts'
import { membershipsOf, siteIdsOf } from '../../app/auth/people.ts'
import type { ServerDeps } from '../create-app.tsx'
import { readTarget, rememberWrite } from './read-routing.ts'
import { routeAccess, type RouteAccess } from './route-permissions.ts'
import { clientAddress, setAccess, setIdentity, type Identity } from './request-context.ts'

export const SESSION_COOKIE = 'lhs_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function accessControl(deps: ServerDeps): MiddlewareHandler {
  const check = checkAccess(deps)
  return async (c, next) => {
    // `next()` resolves to the context; a Response is an answer of this middleware's own (a redirect to sign in).
    const answer = await check(c, next)
    if (answer instanceof Response) c.res = answer
    await rememberWrite(c, deps.store)
  }
}

function checkAccess(deps: ServerDeps): MiddlewareHandler {
  return async (c, next) => {
    const identity = await authenticate(c, deps)
    if (identity) setIdentity(c, identity)
    const required = requiredAccess(c)
    if (required === undefined) return next() // no route matches: the not-found handler answers
    if (required === null) throw new AppError('forbidden', `${c.req.method} ${c.req.path} has no declared permission, so it is refused.`)
    if (required === 'public') return next()
    if (!identity) return unauthenticated(c)
    if (identity.via === 'session' && !SAFE_METHODS.has(c.req.method)) await checkCsrf(c, identity)
    if (required === 'signed_in') return next()
    await authorise(c, deps, identity, required)
    return next()
  }
}

async function authenticate(c: Context, deps: ServerDeps): Promise<Identity | undefined> {
  const address = clientAddress(c, deps.trustProxy)
  const authorization = c.req.header('authorization')
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
    const user = token ? await resolveToken(deps, token) : undefined
    if (!user) throw new AppError('unauthorized', 'The API token is not valid: it is unknown, revoked, or not sent as "Authorization: Bearer TOKEN".')
    return { user, via: 'token', address }
  }
  const secret = getCookie(c, SESSION_COOKIE)
  if (!secret || secret.length > 200) return undefined
  const session = await resolveSession(deps, secret)
  return session && { user: session.user, via: 'session', csrfToken: session.csrfToken, sessionHash: session.sessionHash, address }
}

/** The matched route's declared access; undefined when no route matches, null when it is undeclared. */
function requiredAccess(c: Context): RouteAccess | null | undefined {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
  const route = matchedRoutes(c).findLast((r) => r.method === method)
  if (!route) return undefined
  return routeAccess(method, route.path) ?? null
}

function unauthenticated(c: Context): Response {
  if (c.req.path.startsWith('/api/')) throw new AppError('unauthorized', 'Sign in first: send "Authorization: Bearer TOKEN" (create one with "lhs token create --email E").')
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url)
    return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
  }
  throw new AppError('unauthorized', 'Your session has ended. Sign in again, then send the form again.')
}

async function checkCsrf(c: Context, identity: Identity): Promise<void> {
  let sent = c.req.header('x-csrf-token')
  if (sent === undefined && /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(c.req.header('content-type') ?? '')) {
    const form = await c.req.parseBody().catch(() => {
      throw new AppError('invalid_request', 'The form could not be read. Go back to the page and send it again.')
    })
    const field = form._csrf
    sent = typeof field === 'string' ? field : undefined
  }
  if (sent !== identity.csrfToken) throw new AppError('forbidden', 'This form is out of date or did not come from this site (its security token does not match your session). Go back, reload the page and send it again.')
}

async function authorise(c: Context, deps: ServerDeps, identity: Identity, permission: Permission): Promise<void> {
  const code = organisationCode(c.req.path)
  if (code === undefined) throw new Error(`route ${c.req.path} needs "${permission}" but has no organisation in its path`)
  const membership = (await membershipsOf(deps, identity.user.id)).find((m) => m.organisationCode === code)
  if (!membership) throw new AppError('not_found', `No organisation with code "${code}".`)
  if (!can(membership.role, permission)) {
    throw new AppError('forbidden', `Your role in ${membership.organisationName} (${membership.role.replace('_', ' ')}) does not allow this; it needs the ${listWords(rolesWith(permission).map((r) => r.replace('_', ' ')))} role.`)
  }
  const siteIds = membership.siteCodes === null ? null : await siteIdsOf(deps, membership.organisationId, membership.siteCodes)
  const scope = { organisationId: membership.organisationId, siteIds }
  // On the replica, writes a GET makes (audit entries of exports and text reads) go through writeDb to the primary.
  const store = (await readTarget(c, deps.store)) === 'replica' ? { ...deps.store, db: deps.store.scopedRead(scope), writeDb: deps.store.scoped(scope) } : { ...deps.store, db: deps.store.scoped(scope) }
  setAccess(c, {
    organisationId: membership.organisationId,
    organisationCode: membership.organisationCode,
    role: membership.role,
    siteCodes: membership.siteCodes,
    deps: { ...deps, store },
  })
}

/** The organisation code in `/organisations/:org/…` or `/api/v1/organisations/:org/…`. */
export function organisationCode(path: string): string | undefined {
  const raw = /^(?:\/api\/v1)?\/organisations\/([^/]+)/.exec(path)?.[1]
  if (raw === undefined) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}
