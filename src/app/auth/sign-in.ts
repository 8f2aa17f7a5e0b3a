/**
 * Signing in and out with a password: rate limited per account and per address, every attempt
 * audited, a new session (new secret) at each sign-in, sessions ending after inactivity.
 */
import { AppError } from '../../core/errors.ts'
import { countFailedSignIns, deleteSession, deleteUserSessions, findSession, insertSession, pruneSignInAttempts, recordSignInAttempt, touchSession } from '../../storage/sessions.ts'
import { findUserByEmail, findUserById, type UserRow } from '../../storage/users.ts'
import type { AppDeps } from '../deps.ts'
import { audit, type Actor } from './audit.ts'
import { newSecret, sha256, storableText, verifyPassword } from './secrets.ts'
import type { AuthSettings } from './settings.ts'

export interface AuthDeps extends AppDeps {
  readonly auth: AuthSettings
}

export interface SignedIn {
  /** The cookie value; only its hash is stored. */
  readonly sessionSecret: string
  readonly user: UserRow
}

export interface SessionUser {
  readonly user: UserRow
  readonly csrfToken: string
  readonly sessionHash: string
}

const MINUTE = 60_000

export async function signInWithPassword(deps: AuthDeps, input: { email: string; password: string; address: string; userAgent: string }): Promise<SignedIn> {
  const email = storableText(input.email, 320).trim().toLowerCase()
  const now = deps.clock()
  const since = new Date(now.getTime() - deps.auth.failureWindowMinutes * MINUTE)
  const failures = await countFailedSignIns(deps.store.db, email, input.address, since)
  const actor: Actor = { userId: null, name: email || 'anonymous', address: input.address }
  if (failures.account >= deps.auth.maxFailuresPerAccount || failures.address >= deps.auth.maxFailuresPerAddress) {
    await audit(deps, actor, { organisationId: null, action: 'sign_in.refused', target: `user:${email}`, after: { reason: 'too many failed attempts', ...failures } })
    throw new AppError('too_many_requests', `Too many failed sign-in attempts. Wait ${deps.auth.failureWindowMinutes} minutes and try again, or ask an administrator to reset your password.`)
  }
  const user = email === '' ? undefined : await findUserByEmail(deps.store.db, email)
  const ok = (await verifyPassword(user?.passwordHash ?? null, input.password)) && user !== undefined && !user.disabled
  await recordSignInAttempt(deps.store.db, { email, address: input.address, succeeded: ok, at: now })
  if (!ok || !user) {
    await audit(deps, actor, { organisationId: null, action: 'sign_in.failed', target: `user:${email}` })
    throw new AppError('unauthorized', 'The email address or password is not right.')
  }
  await pruneSignInAttempts(deps.store.db, new Date(now.getTime() - 24 * 60 * MINUTE))
  return startSession(deps, user, { address: input.address, userAgent: input.userAgent, method: 'password' })
}

/** A fresh session for a user who has proved who they are (password or single sign-on). */
export async function startSession(deps: AuthDeps, user: UserRow, meta: { address: string; userAgent: string; method: string }): Promise<SignedIn> {
  const now = deps.clock()
  const sessionSecret = newSecret()
  await insertSession(deps.store.db, {
    idHash: sha256(sessionSecret),
    userId: user.id,
    csrfToken: newSecret(),
    now,
    expiresAt: expiry(deps, now, now),
    address: storableText(meta.address, 100),
    userAgent: storableText(meta.userAgent, 500),
  })
  await audit(deps, { userId: user.id, name: user.email, address: meta.address }, { organisationId: null, action: 'sign_in.succeeded', target: `user:${user.email}`, after: { method: meta.method } })
  return { sessionSecret, user }
}

/** The user behind a session cookie, or undefined when it is unknown, expired or the user is disabled. Extends the session. */
export async function resolveSession(deps: AuthDeps, sessionSecret: string): Promise<SessionUser | undefined> {
  const sessionHash = sha256(sessionSecret)
  const session = await findSession(deps.store.db, sessionHash)
  if (!session) return undefined
  const now = deps.clock()
  if (session.expiresAt <= now) {
    await deleteSession(deps.store.db, sessionHash)
    return undefined
  }
  const user = await findUserById(deps.store.db, session.userId)
  if (!user || user.disabled) return undefined
  // Write at most once a minute, not on every request.
  if (now.getTime() - session.lastSeenAt.getTime() >= MINUTE) await touchSession(deps.store.db, sessionHash, now, expiry(deps, now, session.createdAt))
  return { user, csrfToken: session.csrfToken, sessionHash }
}

export async function signOut(deps: AuthDeps, session: SessionUser, actor: Actor, everywhere: boolean): Promise<number> {
  const ended = everywhere ? await deleteUserSessions(deps.store.db, session.user.id) : (await deleteSession(deps.store.db, session.sessionHash), 1)
  await audit(deps, actor, { organisationId: null, action: everywhere ? 'sign_out.everywhere' : 'sign_out', target: `user:${session.user.email}`, after: { sessionsEnded: ended } })
  return ended
}

/** Idle expiry, never past the session's absolute limit. */
function expiry(deps: AuthDeps, now: Date, createdAt: Date): Date {
  return new Date(Math.min(now.getTime() + deps.auth.sessionIdleMinutes * MINUTE, createdAt.getTime() + deps.auth.sessionMaxHours * 60 * MINUTE))
}
