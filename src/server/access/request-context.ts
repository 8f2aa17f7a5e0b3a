/**
 * Who is asking and what they may see, attached to the request by the access middleware.
 * Handlers read it with `identityOf(c)` and `scopedDeps(c)`.
 */
import type { Context } from 'hono'
import type { Role } from '../../core/access.ts'
import type { Actor } from '../../app/auth/audit.ts'
import type { UserRow } from '../../app/auth/people.ts'
import type { ServerDeps } from '../create-app.tsx'

export interface Identity {
  readonly user: UserRow
  readonly via: 'session' | 'token'
  /** Present for browser sessions: the token every form post must carry. */
  readonly csrfToken?: string
  readonly sessionHash?: string
  readonly address: string
}

export interface OrganisationAccess {
  readonly organisationId: number
  readonly organisationCode: string
  readonly role: Role
  readonly siteCodes: readonly string[] | null
  /** Deps whose store runs as lhs_app under row-level security for this organisation (and sites). */
  readonly deps: ServerDeps
}

const identities = new WeakMap<Request, Identity>()
const accesses = new WeakMap<Request, OrganisationAccess>()

export function setIdentity(c: Context, identity: Identity): void {
  identities.set(c.req.raw, identity)
}

export function identityOf(c: Context): Identity | undefined {
  return identities.get(c.req.raw)
}

export function requireIdentity(c: Context): Identity {
  const identity = identityOf(c)
  if (!identity) throw new Error(`${c.req.method} ${c.req.path} needs a signed-in user but the access middleware let it through without one`)
  return identity
}

export function setAccess(c: Context, access: OrganisationAccess): void {
  accesses.set(c.req.raw, access)
}

export function accessOf(c: Context): OrganisationAccess {
  const access = accesses.get(c.req.raw)
  if (!access) throw new Error(`${c.req.method} ${c.req.path} reads organisation data but has no organisation permission in route-permissions.ts`)
  return access
}

/** The deps to use for this request's organisation data (row-level security applies). */
export function scopedDeps(c: Context): ServerDeps {
  return accessOf(c).deps
}

/** The actor for audit entries. */
export function actorOf(c: Context): Actor {
  const identity = identityOf(c)
  return identity ? { userId: identity.user.id, name: identity.user.email, address: identity.address } : { userId: null, name: 'anonymous', address: clientAddress(c) }
}

/**
 * The client's address: the socket's peer, or the first X-Forwarded-For hop when LHS_TRUST_PROXY
 * says a reverse proxy sets it (otherwise a client could forge it to dodge rate limits).
 */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded.slice(0, 100)
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress ?? 'unknown'
}
