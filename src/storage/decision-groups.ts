/**
 * Decision groups (boards, committees, huddles) of an organisation and their members, and the
 * organisation's people a group may draw its members from.
 */
import type { Kysely } from 'kysely'
import type { Role } from '../core/access.ts'
import type { Database, DecisionGroupKind } from './schema.ts'

export interface DecisionGroupRow {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly kind: DecisionGroupKind
  readonly purpose: string
  readonly memberCount: number
}

/** A person of the organisation (an account with a membership). */
export interface PersonRow {
  readonly userId: number
  readonly email: string
  readonly displayName: string
}

export interface OrganisationPersonRow extends PersonRow {
  readonly role: Role
}

export interface NewDecisionGroup {
  readonly code: string
  readonly name: string
  readonly kind: DecisionGroupKind
  readonly purpose: string
  readonly at: Date
}

function groups(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom('decision_groups as g')
    .select((eb) => [
      'g.id',
      'g.code',
      'g.name',
      'g.kind',
      'g.purpose',
      eb
        .selectFrom('decision_group_members as m')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('m.organisation_id', '=', 'g.organisation_id')
        .whereRef('m.group_id', '=', 'g.id')
        .as('member_count'),
    ])
    .where('g.organisation_id', '=', organisationId)
}

function toGroup(r: { id: number; code: string; name: string; kind: DecisionGroupKind; purpose: string; member_count: number | null }): DecisionGroupRow {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, purpose: r.purpose, memberCount: Number(r.member_count ?? 0) }
}

/** The organisation's groups by name. */
export async function listDecisionGroups(db: Kysely<Database>, organisationId: number): Promise<DecisionGroupRow[]> {
  return (await groups(db, organisationId).orderBy('g.name').orderBy('g.code').execute()).map(toGroup)
}

export async function findDecisionGroup(db: Kysely<Database>, organisationId: number, code: string): Promise<DecisionGroupRow | undefined> {
  const row = await groups(db, organisationId).where('g.code', '=', code).executeTakeFirst()
  return row && toGroup(row)
}

export async function findDecisionGroupById(db: Kysely<Database>, organisationId: number, id: number): Promise<DecisionGroupRow | undefined> {
  const row = await groups(db, organisationId).where('g.id', '=', id).executeTakeFirst()
  return row && toGroup(row)
}

/** Insert a group; returns its id, or undefined when the organisation already has one with that code. */
export async function insertDecisionGroup(db: Kysely<Database>, organisationId: number, group: NewDecisionGroup): Promise<number | undefined> {
  const row = await db
    .insertInto('decision_groups')
    .values({ organisation_id: organisationId, code: group.code, name: group.name, kind: group.kind, purpose: group.purpose, created_at: group.at })
    .onConflict((oc) => oc.columns(['organisation_id', 'code']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

/** The group's members by email. */
export async function listGroupMembers(db: Kysely<Database>, organisationId: number, groupId: number): Promise<PersonRow[]> {
  const rows = await db
    .selectFrom('decision_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.display_name'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.group_id', '=', groupId)
    .orderBy('u.email')
    .execute()
  return rows.map((r) => ({ userId: r.id, email: r.email, displayName: r.display_name }))
}

/** Make the group's members exactly `userIds`. */
export async function replaceGroupMembers(db: Kysely<Database>, organisationId: number, groupId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('decision_group_members').where('organisation_id', '=', organisationId).where('group_id', '=', groupId).execute()
  if (userIds.length === 0) return
  await db
    .insertInto('decision_group_members')
    .values([...new Set(userIds)].map((userId) => ({ organisation_id: organisationId, group_id: groupId, user_id: userId })))
    .execute()
}

/** The organisation's members (who may join a group, own a decision or attend a meeting), by email. */
export async function listOrganisationPeople(db: Kysely<Database>, organisationId: number): Promise<OrganisationPersonRow[]> {
  const rows = await db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'ms.role'])
    .where('ms.organisation_id', '=', organisationId)
    .orderBy('u.email')
    .execute()
  return rows.map((r) => ({ userId: r.id, email: r.email, displayName: r.display_name, role: r.role as Role }))
}
