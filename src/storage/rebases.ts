/**
 * Rebases: the date a measure's limits are recalculated, with the reason and who recorded it. A
 * rebase applies to every site (`siteId` null) or to one site's series. The review engine suggests
 * a rebase at an action's change date (status `suggested`, with the action); a suggestion changes
 * no chart until a lead accepts it.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface RebaseRow {
  readonly measureId: number
  readonly date: string
  readonly reason: string
  readonly createdBy: string
  /** Null or absent: every site of the measure. */
  readonly siteId?: number | null
}

export interface RebaseSuggestion extends RebaseRow {
  readonly id: number
  readonly siteId: number | null
  readonly actionId: number | null
}

/**
 * The accepted rebases of a measure that apply to `siteId`'s series: those for every site and,
 * when `siteId` is given, that site's own. Without `siteId`, only the every-site rebases.
 */
export async function listRebases(db: Kysely<Database>, organisationId: number, measureId: number, siteId?: number): Promise<RebaseRow[]> {
  return db
    .selectFrom('rebases')
    .select(['measure_id as measureId', 'rebase_date as date', 'reason', 'created_by as createdBy', 'site_id as siteId'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('status', '=', 'accepted')
    .where((eb) => (siteId === undefined ? eb('site_id', 'is', null) : eb.or([eb('site_id', 'is', null), eb('site_id', '=', siteId)])))
    .orderBy('rebase_date')
    .execute()
}

/** Record a rebase; recording the same date again updates its reason (and accepts a suggestion there). Returns true when it is new. */
export async function upsertRebase(db: Kysely<Database>, organisationId: number, rebase: RebaseRow): Promise<boolean> {
  const row = await db
    .insertInto('rebases')
    .values({ organisation_id: organisationId, measure_id: rebase.measureId, site_id: rebase.siteId ?? null, rebase_date: rebase.date, reason: rebase.reason, created_by: rebase.createdBy })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'measure_id', 'site_id', 'rebase_date'])
        .doUpdateSet({ reason: rebase.reason, created_by: rebase.createdBy, status: 'accepted' })
        .where((eb) => eb.or([eb('rebases.reason', '<>', rebase.reason), eb('rebases.status', '<>', 'accepted')])),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirst()
  return row?.inserted === true
}

/** Remove the accepted rebase of `measureId` on `date` (for every site, or for `siteId`); true when there was one. */
export async function deleteRebase(db: Kysely<Database>, organisationId: number, measureId: number, date: string, siteId: number | null = null): Promise<boolean> {
  const result = await db
    .deleteFrom('rebases')
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('rebase_date', '=', date)
    .where('status', '=', 'accepted')
    .where((eb) => (siteId === null ? eb('site_id', 'is', null) : eb('site_id', '=', siteId)))
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Suggest a rebase for an action's change date; nothing happens when any rebase is already there. True when new. */
export async function suggestRebase(db: Kysely<Database>, organisationId: number, suggestion: Omit<RebaseSuggestion, 'id'>): Promise<boolean> {
  const row = await db
    .insertInto('rebases')
    .values({
      organisation_id: organisationId, measure_id: suggestion.measureId, site_id: suggestion.siteId, rebase_date: suggestion.date,
      reason: suggestion.reason, created_by: suggestion.createdBy, action_id: suggestion.actionId, status: 'suggested',
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'measure_id', 'site_id', 'rebase_date']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Suggestions still waiting for a lead, optionally for one action. */
export async function listRebaseSuggestions(db: Kysely<Database>, organisationId: number, filter: { actionId?: number; measureId?: number } = {}): Promise<RebaseSuggestion[]> {
  let query = db
    .selectFrom('rebases')
    .select(['id', 'measure_id as measureId', 'rebase_date as date', 'reason', 'created_by as createdBy', 'site_id as siteId', 'action_id as actionId'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'suggested')
  if (filter.actionId !== undefined) query = query.where('action_id', '=', filter.actionId)
  if (filter.measureId !== undefined) query = query.where('measure_id', '=', filter.measureId)
  return query.orderBy('rebase_date').orderBy('id').execute()
}

/** Accept a suggestion (it then applies to the charts); false when there is no such suggestion. */
export async function acceptRebaseSuggestion(db: Kysely<Database>, organisationId: number, id: number, acceptedBy: string): Promise<RebaseSuggestion | undefined> {
  return db
    .updateTable('rebases')
    .set({ status: 'accepted', created_by: acceptedBy })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('status', '=', 'suggested')
    .returning(['id', 'measure_id as measureId', 'rebase_date as date', 'reason', 'created_by as createdBy', 'site_id as siteId', 'action_id as actionId'])
    .executeTakeFirst()
}

/** Decline a suggestion (it is removed); false when there is no such suggestion. */
export async function declineRebaseSuggestion(db: Kysely<Database>, organisationId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('rebases').where('organisation_id', '=', organisationId).where('id', '=', id).where('status', '=', 'suggested').executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
