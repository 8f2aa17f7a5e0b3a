/** API tokens: shown once at creation, stored hashed, carrying their user's permissions. */
import { AppError } from '../../core/errors.ts'
import { findActiveToken, insertToken, listTokens as listTokenRows, markTokenUsed, revokeToken as revokeTokenRow, type TokenRow } from '../../storage/sessions.ts'
import { findUserByEmail, findUserById, type UserRow } from '../../storage/users.ts'
import type { AppDeps } from '../deps.ts'
import { audit, type Actor } from './audit.ts'
import { newSecret, sha256 } from './secrets.ts'

export type { TokenRow }

const PREFIX = 'lhs_'

export async function createToken(deps: AppDeps, actor: Actor, email: string, name: string): Promise<{ id: number; token: string }> {
  const user = await requireUser(deps, email)
  const label = name.trim() || 'API token'
  if (label.length > 100) throw new AppError('invalid_request', `A token name must be at most 100 characters (it has ${label.length}).`)
  const token = newSecret(PREFIX)
  const id = await insertToken(deps.store.db, { userId: user.id, name: label, tokenHash: sha256(token), now: deps.clock() })
  await audit(deps, actor, { organisationId: null, action: 'token.created', target: `user:${user.email}/token:${id}`, after: { name: label } })
  return { id, token }
}

/** The user behind a bearer token, or undefined when the token is unknown, revoked or its user disabled. */
export async function resolveToken(deps: AppDeps, token: string): Promise<UserRow | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined
  const row = await findActiveToken(deps.store.db, sha256(token))
  if (!row) return undefined
  const user = await findUserById(deps.store.db, row.userId)
  if (!user || user.disabled) return undefined
  const now = deps.clock()
  if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= 60_000) await markTokenUsed(deps.store.db, row.id, now)
  return user
}

export async function listTokens(deps: AppDeps, email: string): Promise<TokenRow[]> {
  return listTokenRows(deps.store.db, (await requireUser(deps, email)).id)
}

export async function revokeToken(deps: AppDeps, actor: Actor, email: string, id: number): Promise<void> {
  const user = await requireUser(deps, email)
  if (!(await revokeTokenRow(deps.store.db, user.id, id, deps.clock()))) throw new AppError('not_found', `${user.email} has no active token with id ${id}.`)
  await audit(deps, actor, { organisationId: null, action: 'token.revoked', target: `user:${user.email}/token:${id}` })
}

async function requireUser(deps: AppDeps, email: string): Promise<UserRow> {
  const user = await findUserByEmail(deps.store.db, email.trim())
  if (!user) throw new AppError('not_found', `No user with email "${email.trim()}".`)
  return user
}

export async function userById(deps: AppDeps, id: number): Promise<UserRow> {
  const user = await findUserById(deps.store.db, id)
  if (!user) throw new AppError('not_found', `No user with id ${id}.`)
  return user
}
