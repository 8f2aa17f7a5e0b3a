/** Organisations (tenants). Creating one also creates its root `system` site with the same code. */
import type { Kysely } from 'kysely'
import type { Organisation } from '../core/model.ts'
import type { Database } from './schema.ts'

export interface OrganisationRow extends Organisation {
  readonly id: number
}

export async function listOrganisations(db: Kysely<Database>): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').select(['id', 'code', 'name']).orderBy('name').execute()
}

export async function findOrganisation(db: Kysely<Database>, code: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst()
}

/** Insert the organisation (and its root site) unless it exists; returns it either way. */
export async function ensureOrganisation(db: Kysely<Database>, organisation: Organisation): Promise<OrganisationRow> {
  const existing = await findOrganisation(db, organisation.code)
  if (existing) return existing
  const row = await db
    .insertInto('organisations')
    .values({ code: organisation.code, name: organisation.name })
    .returning(['id', 'code', 'name'])
    .executeTakeFirstOrThrow()
  await db
    .insertInto('sites')
    .values({ organisation_id: row.id, code: organisation.code, name: organisation.name, kind: 'system', parent_id: null })
    .execute()
  return row
}

/** The id of the organisation's disclosure policy (see core/disclosure), or undefined when there is no such organisation. */
export async function findDisclosurePolicyId(db: Kysely<Database>, organisationId: number): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('disclosure_policy').where('id', '=', organisationId).executeTakeFirst()
  return row?.disclosure_policy
}

/** Sets the organisation's disclosure policy id; returns the id it had before, or undefined when there is no such organisation. */
export async function updateDisclosurePolicy(db: Kysely<Database>, organisationId: number, policyId: string): Promise<string | undefined> {
  const before = await db.selectFrom('organisations').select('disclosure_policy').where('id', '=', organisationId).forUpdate().executeTakeFirst()
  if (before === undefined) return undefined
  await db.updateTable('organisations').set({ disclosure_policy: policyId }).where('id', '=', organisationId).execute()
  return before.disclosure_policy
}
