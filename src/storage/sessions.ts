/** Sign-in sessions and API tokens, stored by the SHA-256 of their secret (the secret is never stored). */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface SessionRow {
  readonly userId: number
  readonly csrfToken: string
  readonly createdAt: Date
  readonly lastSeenAt: Date
  readonly expiresAt: Date
}

export async function insertSession(db: Kysely<Database>, session: { idHash: string; userId: number; csrfToken: string; now: Date; expiresAt: Date; address: string; userAgent: string }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id_hash: session.idHash, user_id: session.userId, csrf_token: session.csrfToken, created_at: session.now, last_seen_at: session.now, expires_at: session.expiresAt, address: session.address, user_agent: session.userAgent })
    .execute()
}

export async function findSession(db: Kysely<Database>, idHash: string): Promise<SessionRow | undefined> {
  const row = await db.selectFrom('sessions').select(['user_id', 'csrf_token', 'created_at', 'last_seen_at', 'expires_at']).where('id_hash', '=', idHash).executeTakeFirst()
  return row && { userId: row.user_id, csrfToken: row.csrf_token, createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at), expiresAt: new Date(row.expires_at) }
}

export async function touchSession(db: Kysely<Database>, idHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
}

/** Sign out everywhere; returns how many sessions ended. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute()
}

export interface TokenRow {
  readonly id: number
  readonly userId: number
  readonly name: string
  readonly createdAt: string
  readonly lastUsedAt: string | null
  readonly revoked: boolean
}

export async function insertToken(db: Kysely<Database>, token: { userId: number; name: string; tokenHash: string; now: Date }): Promise<number> {
  const row = await db.insertInto('api_tokens').values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, created_at: token.now }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function findActiveToken(db: Kysely<Database>, tokenHash: string): Promise<TokenRow | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst()
  return row && toToken(row)
}

export async function markTokenUsed(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute()
}

export async function listTokens(db: Kysely<Database>, userId: number): Promise<TokenRow[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute()
  return rows.map(toToken)
}

/** Revoke one of the user's tokens; false when the user has no such active token. */
export async function revokeToken(db: Kysely<Database>, userId: number, id: number, now: Date): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

function toToken(row: { id: number; user_id: number; name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }): TokenRow {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
    revoked: row.revoked_at !== null,
  }
}

/** Record one sign-in attempt (for rate limiting and the audit trail). */
export async function recordSignInAttempt(db: Kysely<Database>, attempt: { email: string; address: string; succeeded: boolean; at: Date }): Promise<void> {
  await db.insertInto('sign_in_attempts').values({ email: attempt.email, address: attempt.address, succeeded: attempt.succeeded, attempted_at: attempt.at }).execute()
}

/** Failed attempts since `since` for the account and for the address. */
export async function countFailedSignIns(db: Kysely<Database>, email: string, address: string, since: Date): Promise<{ account: number; address: number }> {
  const count = async (column: 'email' | 'address', value: string) => {
    const row = await db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', value)
      .where('succeeded', '=', false)
      .where('attempted_at', '>=', since)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  return { account: await count('email', email), address: await count('address', address) }
}

/** Forget attempts older than `before` (they no longer count towards any limit). */
export async function pruneSignInAttempts(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('attempted_at', '<', before).execute()
}
