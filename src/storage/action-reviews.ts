/**
 * The review engine's output: the latest review of each action (verdict, reasons, evidence) and a
 * row in `verdict_changes` each time an action's verdict changes (including its first).
 */
import type { Kysely } from 'kysely'
import type { Database, VerdictValue } from './schema.ts'

export interface StoredReview<E = unknown> {
  readonly actionId: number
  readonly verdict: VerdictValue
  readonly reasons: readonly string[]
  readonly evidence: E
  /** The last period of data the review saw; null when there was none. */
  readonly dataThrough: string | null
  readonly evaluatedAt: string
}

export interface VerdictChange {
  readonly id: number
  readonly actionId: number
  readonly previous: VerdictValue | null
  readonly verdict: VerdictValue
  readonly reasons: readonly string[]
  readonly changedAt: string
}

/** Store an action's latest review; returns the verdict it had before (undefined when it had none), and records a change when the verdict moved. */
export async function saveReview(db: Kysely<Database>, organisationId: number, review: StoredReview, at: Date): Promise<{ previous: VerdictValue | undefined; changed: boolean }> {
  const before = await db
    .selectFrom('action_reviews')
    .select('verdict')
    .where('organisation_id', '=', organisationId)
    .where('action_id', '=', review.actionId)
    .forUpdate()
    .executeTakeFirst()
  const values = {
    verdict: review.verdict,
    reasons: JSON.stringify(review.reasons),
    evidence: JSON.stringify(review.evidence),
    data_through: review.dataThrough,
    evaluated_at: at,
  }
  await db
    .insertInto('action_reviews')
    .values({ organisation_id: organisationId, action_id: review.actionId, ...values })
    .onConflict((oc) => oc.columns(['organisation_id', 'action_id']).doUpdateSet(values))
    .execute()
  const changed = before?.verdict !== review.verdict
  if (changed) {
    await db
      .insertInto('verdict_changes')
      .values({ organisation_id: organisationId, action_id: review.actionId, previous: before?.verdict ?? null, verdict: review.verdict, reasons: JSON.stringify(review.reasons), changed_at: at })
      .execute()
  }
  return { previous: before?.verdict, changed }
}

/** The latest reviews of the given actions (all of the organisation's when `actionIds` is omitted). */
export async function listReviews<E = unknown>(db: Kysely<Database>, organisationId: number, actionIds?: readonly number[]): Promise<StoredReview<E>[]> {
  if (actionIds !== undefined && actionIds.length === 0) return []
  let query = db.selectFrom('action_reviews').selectAll().where('organisation_id', '=', organisationId)
  if (actionIds !== undefined) query = query.where('action_id', 'in', actionIds)
  const rows = await query.orderBy('action_id').execute()
  return rows.map((r) => ({
    actionId: r.action_id,
    verdict: r.verdict,
    reasons: r.reasons as string[],
    evidence: r.evidence as E,
    dataThrough: r.data_through,
    evaluatedAt: new Date(r.evaluated_at).toISOString(),
  }))
}

/** How an action's verdict moved over time, oldest first. */
export async function listVerdictChanges(db: Kysely<Database>, organisationId: number, actionId: number): Promise<VerdictChange[]> {
  const rows = await db.selectFrom('verdict_changes').selectAll().where('organisation_id', '=', organisationId).where('action_id', '=', actionId).orderBy('changed_at').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, actionId: r.action_id, previous: r.previous, verdict: r.verdict, reasons: r.reasons as string[], changedAt: new Date(r.changed_at).toISOString() }))
}
