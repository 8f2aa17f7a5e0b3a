/**
 * Actions (changes being tested or implemented) with the sites they are made at, and their
 * predictions: which measure should move (or is watched for harm), where, for whom, which way and
 * by when. An action carries a version for optimistic concurrency; every change moves it on.
 */
import type { Kysely, Selectable } from 'kysely'
import type { ActionsTable, ActionStatus, Database } from './schema.ts'

export type { ActionStatus }

export interface ActionRow {
  readonly id: number
  readonly decisionId: number | null
  /** The change idea in the driver diagram this action tests. */
  readonly driverId: number | null
  readonly title: string
  readonly description: string
  readonly ownerUserId: number | null
  /** The owner's email (also when they have since left the organisation). */
  readonly ownerEmail: string | null
  readonly status: ActionStatus
  /** The change date. */
  readonly startDate: string
  readonly reviewDate: string | null
  readonly version: number
  readonly createdBy: string
  readonly createdAt: string
  /** The sites the change is made at; none means the whole organisation. */
  readonly siteIds: readonly number[]
}

export interface ActionFields {
  readonly decisionId: number | null
  readonly driverId: number | null
  readonly title: string
  readonly description: string
  readonly ownerUserId: number | null
  readonly status: ActionStatus
  readonly startDate: string
  readonly reviewDate: string | null
  readonly siteIds: readonly number[]
}

function toAction(row: Selectable<ActionsTable> & { owner_email: string | null }, siteIds: readonly number[]): ActionRow {
  return {
    id: row.id,
    decisionId: row.decision_id,
    driverId: row.driver_id,
    title: row.title,
    description: row.description,
    ownerUserId: row.owner_user_id,
    ownerEmail: row.owner_email,
    status: row.status,
    startDate: row.start_date,
    reviewDate: row.review_date,
    version: row.version,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    siteIds,
  }
}

/** The programme's actions (or the one with `id`), newest change date first. */
export async function listActions(db: Kysely<Database>, organisationId: number, programmeId: number, id?: number): Promise<ActionRow[]> {
  let query = db
    .selectFrom('actions')
    .leftJoin('users', 'users.id', 'actions.owner_user_id')
    .selectAll('actions')
    .select('users.email as owner_email')
    .where('actions.organisation_id', '=', organisationId)
    .where('actions.programme_id', '=', programmeId)
  if (id !== undefined) query = query.where('actions.id', '=', id)
  const rows = await query.orderBy('actions.start_date', 'desc').orderBy('actions.id', 'desc').execute()
  const sites = rows.length === 0 ? [] : await db.selectFrom('action_sites').select(['action_id', 'site_id']).where('organisation_id', '=', organisationId).where('action_id', 'in', rows.map((r) => r.id)).orderBy('site_id').execute()
  return rows.map((r) => toAction(r, sites.filter((s) => s.action_id === r.id).map((s) => s.site_id)))
}

/** Hold the action's row until the transaction ends, so changes to it and its cycles run one at a time. */
export async function lockAction(db: Kysely<Database>, organisationId: number, id: number): Promise<boolean> {
  const row = await db.selectFrom('actions').select('id').where('organisation_id', '=', organisationId).where('id', '=', id).forUpdate().executeTakeFirst()
  return row !== undefined
}

export async function insertAction(db: Kysely<Database>, organisationId: number, programmeId: number, action: ActionFields, createdBy: string, at: Date): Promise<number> {
  const row = await db
    .insertInto('actions')
    .values({ organisation_id: organisationId, programme_id: programmeId, ...columns(action), created_by: createdBy, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  await setSites(db, organisationId, row.id, action.siteIds)
  return row.id
}

/** Write the action only if it is still at `version` (the version moves on); false when it has moved on or is gone. */
export async function updateActionIfVersion(db: Kysely<Database>, organisationId: number, id: number, version: number, action: ActionFields): Promise<boolean> {
  const result = await db
    .updateTable('actions')
    .set((eb) => ({ ...columns(action), version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) return false
  await setSites(db, organisationId, id, action.siteIds)
  return true
}

/** Set the status (a PDSA cycle's act, or a new cycle); the version moves on so an older form cannot undo it. */
export async function setActionStatus(db: Kysely<Database>, organisationId: number, id: number, status: ActionStatus): Promise<void> {
  await db.updateTable('actions').set((eb) => ({ status, version: eb('version', '+', 1) })).where('organisation_id', '=', organisationId).where('id', '=', id).execute()
}

function columns(a: ActionFields) {
  return { decision_id: a.decisionId, driver_id: a.driverId, title: a.title, description: a.description, owner_user_id: a.ownerUserId, status: a.status, start_date: a.startDate, review_date: a.reviewDate }
}

async function setSites(db: Kysely<Database>, organisationId: number, actionId: number, siteIds: readonly number[]): Promise<void> {
  await db.deleteFrom('action_sites').where('organisation_id', '=', organisationId).where('action_id', '=', actionId).execute()
  if (siteIds.length > 0) await db.insertInto('action_sites').values(siteIds.map((siteId) => ({ organisation_id: organisationId, action_id: actionId, site_id: siteId }))).execute()
}

export interface PredictionRow {
  readonly id: number
  readonly actionId: number
  readonly role: 'primary' | 'balancing'
  readonly measureId: number
  readonly siteId: number
  /** '' with group '' for all people. */
  readonly dimension: string
  readonly group: string
  readonly direction: 'increase' | 'decrease'
  readonly expectedSize: number | null
  readonly byDate: string | null
}

export type NewPrediction = Omit<PredictionRow, 'id'>

/** Predictions of the given actions (or, with `measureId`, only those on that measure), in the order they were made. */
export async function listPredictions(db: Kysely<Database>, organisationId: number, filter: { readonly actionIds?: readonly number[]; readonly measureId?: number }): Promise<PredictionRow[]> {
  if (filter.actionIds?.length === 0) return []
  let query = db.selectFrom('predictions').selectAll().where('organisation_id', '=', organisationId)
  if (filter.actionIds) query = query.where('action_id', 'in', [...filter.actionIds])
  if (filter.measureId !== undefined) query = query.where('measure_id', '=', filter.measureId)
  const rows = await query.orderBy('action_id').orderBy('role', 'desc').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, actionId: r.action_id, role: r.role, measureId: r.measure_id, siteId: r.site_id, dimension: r.dimension, group: r.group_name, direction: r.direction, expectedSize: r.expected_size, byDate: r.by_date }))
}

/** Insert a prediction; undefined when the action already has one for the same role, measure, site and group. */
export async function insertPrediction(db: Kysely<Database>, organisationId: number, p: NewPrediction): Promise<number | undefined> {
  const row = await db
    .insertInto('predictions')
    .values({ organisation_id: organisationId, action_id: p.actionId, role: p.role, measure_id: p.measureId, site_id: p.siteId, dimension: p.dimension, group_name: p.group, direction: p.direction, expected_size: p.expectedSize, by_date: p.byDate })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id
}

export async function deletePrediction(db: Kysely<Database>, organisationId: number, actionId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('predictions').where('organisation_id', '=', organisationId).where('action_id', '=', actionId).where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export interface DecisionSummary {
  readonly id: number
  readonly title: string
}

/** The titles (as they stand now) of the programme's decisions, or of those with the given ids. */
export async function listDecisionTitles(db: Kysely<Database>, organisationId: number, programmeId: number, ids?: readonly number[]): Promise<DecisionSummary[]> {
  if (ids?.length === 0) return []
  let query = db
    .selectFrom('decisions as d')
    .innerJoin('decision_versions as v', (j) => j.onRef('v.organisation_id', '=', 'd.organisation_id').onRef('v.decision_id', '=', 'd.id').onRef('v.version', '=', 'd.current_version'))
    .select(['d.id', 'v.title'])
    .where('d.organisation_id', '=', organisationId)
    .where('d.programme_id', '=', programmeId)
  if (ids) query = query.where('d.id', 'in', [...ids])
  return query.orderBy('d.id', 'desc').execute()
}

export interface PersonRow {
  readonly id: number
  readonly email: string
  readonly displayName: string
}

/** The organisation's members who may own an action (any member), by email. */
export async function listOrganisationPeople(db: Kysely<Database>, organisationId: number): Promise<PersonRow[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.email')
    .execute()
  return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name }))
}
