/** Rebases: the date a measure's limits are recalculated, with the reason and who recorded it. */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface RebaseRow {
  readonly measureId: number
  readonly date: string
  readonly reason: string
  readonly createdBy: string
}

export async function listRebases(db: Kysely<Database>, organisationId: number, measureId: number): Promise<RebaseRow[]> {
  return db
    .selectFrom('rebases')
    .select(['measure_id as measureId', 'rebase_date as date', 'reason', 'created_by as createdBy'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .orderBy('rebase_date')
    .execute()
}

/** Record a rebase; recording the same date again updates its reason. Returns true when it is new. */
export async function upsertRebase(db: Kysely<Database>, organisationId: number, rebase: RebaseRow): Promise<boolean> {
  const row = await db
    .insertInto('rebases')
    .values({ organisation_id: organisationId, measure_id: rebase.measureId, rebase_date: rebase.date, reason: rebase.reason, created_by: rebase.createdBy })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'measure_id', 'rebase_date'])
        .doUpdateSet({ reason: rebase.reason, created_by: rebase.createdBy })
        .where('rebases.reason', '<>', rebase.reason),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirst()
  return row?.inserted === true
}

/** Remove the rebase of `measureId` on `date`; true when there was one. */
export async function deleteRebase(db: Kysely<Database>, organisationId: number, measureId: number, date: string): Promise<boolean> {
  const result = await db.deleteFrom('rebases').where('organisation_id', '=', organisationId).where('measure_id', '=', measureId).where('rebase_date', '=', date).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
