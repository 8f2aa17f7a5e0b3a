/** People who sign in, and their memberships of organisations (role, optionally narrowed to sites). */
import type { Kysely } from 'kysely'
import type { Role } from '../core/access.ts'
import type { Database } from './schema.ts'

export interface UserRow {
  readonly id: number
  readonly email: string
  readonly displayName: string
  readonly passwordHash: string | null
  readonly disabled: boolean
}

export interface MembershipRow {
  readonly organisationId: number
  readonly organisationCode: string
  readonly organisationName: string
  readonly role: Role
  /** Null for every site. */
  readonly siteCodes: readonly string[] | null
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()
  return row && toUser(row)
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toUser(row)
}

/** Insert the user, or set the password (and name) of the existing one; returns the user either way. */
export async function upsertUser(db: Kysely<Database>, user: { email: string; displayName?: string; passwordHash: string | null }): Promise<UserRow> {
  const email = user.email.toLowerCase()
  const row = await db
    .insertInto('users')
    .values({ email, display_name: user.displayName ?? '', password_hash: user.passwordHash })
    .onConflict((oc) => oc.column('email').doUpdateSet({ password_hash: user.passwordHash, ...(user.displayName === undefined ? {} : { display_name: user.displayName }) }))
    .returningAll()
    .executeTakeFirstOrThrow()
  return toUser(row)
}

export async function setMembership(db: Kysely<Database>, organisationId: number, userId: number, role: Role, siteCodes: readonly string[] | null): Promise<void> {
  const values = { role, site_codes: siteCodes === null ? null : [...siteCodes] }
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet((eb) => ({ ...values, version: eb('memberships.version', '+', 1) })))
    .execute()
}

export async function listMemberships(db: Kysely<Database>, userId: number): Promise<MembershipRow[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'organisations.code', 'organisations.name', 'memberships.role', 'memberships.site_codes'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute()
  return rows.map((r) => ({ organisationId: r.organisation_id, organisationCode: r.code, organisationName: r.name, role: r.role as Role, siteCodes: r.site_codes }))
}

export interface MemberRow {
  readonly email: string
  readonly displayName: string
  readonly role: Role
  readonly siteCodes: readonly string[] | null
}

export async function listMembers(db: Kysely<Database>, organisationId: number): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.display_name', 'memberships.role', 'memberships.site_codes'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.email')
    .execute()
  return rows.map((r) => ({ email: r.email, displayName: r.display_name, role: r.role as Role, siteCodes: r.site_codes }))
}

/** True when some user holds the admin role somewhere (first-run check). */
export async function anyAdministrator(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('memberships').select('user_id').where('role', '=', 'admin').limit(1).executeTakeFirst()) !== undefined
}

function toUser(row: { id: number; email: string; display_name: string; password_hash: string | null; disabled_at: Date | null }): UserRow {
  return { id: row.id, email: row.email, displayName: row.display_name, passwordHash: row.password_hash, disabled: row.disabled_at !== null }
}
