/**
 * The review engine's stored output, read back: one action's latest review (verdict, reasons and
 * the core's evidence) with how its verdict moved, or every reviewed action of a programme.
 */
import { AppError } from '../../core/errors.ts'
import type { ActionReview } from '../../core/loop/index.ts'
import { listActions } from '../../storage/actions.ts'
import { listReviews, listVerdictChanges, type StoredReview, type VerdictChange } from '../../storage/action-reviews.ts'
import type { MeasureKind } from '../../core/model.ts'
import { listMeasures } from '../../storage/measures.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export type { StoredReview, VerdictChange }

export interface ActionReviewRecord {
  readonly action: { readonly id: number; readonly title: string }
  readonly review: StoredReview<ActionReview>
  /** Oldest first; the first entry is the action's first verdict. */
  readonly history: readonly VerdictChange[]
}

/** One action's stored review and verdict history; `not_found` for an action not in the programme, or one not reviewed yet (the message says which). */
export async function getStoredReview(deps: AppDeps, scope: ProgrammeScope, actionId: number): Promise<ActionReviewRecord> {
  const db = deps.store.db
  const org = scope.organisation.id
  const [action] = await listActions(db, org, scope.programme.id, actionId)
  if (action === undefined) throw new AppError('not_found', `No action ${actionId} in ${scope.programme.name}.`)
  const [review] = await listReviews<ActionReview>(db, org, [actionId])
  if (review === undefined) throw new AppError('not_found', `Action ${actionId} (‘${action.title}’) has no review yet: the review engine checks an action from its change date once it has predictions.`)
  return { action: { id: action.id, title: action.title }, review, history: await listVerdictChanges(db, org, actionId) }
}

/** The stored reviews of the programme's actions, by action id. */
export async function storedReviews(deps: AppDeps, scope: ProgrammeScope): Promise<Map<number, StoredReview<ActionReview>>> {
  const actions = await listActions(deps.store.db, scope.organisation.id, scope.programme.id)
  const reviews = await listReviews<ActionReview>(deps.store.db, scope.organisation.id, actions.map((a) => a.id))
  return new Map(reviews.map((r) => [r.actionId, r]))
}

export interface ActionReviewSectionData {
  readonly review: StoredReview<ActionReview> | undefined
  readonly history: readonly VerdictChange[]
  /** Measure code → kind and unit, for formatting the evidence. */
  readonly measures: ReadonlyMap<string, { readonly kind: MeasureKind; readonly unit: string | null }>
}

/** What an action's page shows of its review (nothing yet when it has none). */
export async function actionReviewSection(deps: AppDeps, scope: ProgrammeScope, actionId: number): Promise<ActionReviewSectionData> {
  const db = deps.store.db
  const org = scope.organisation.id
  const [[review], history, measures] = await Promise.all([listReviews<ActionReview>(db, org, [actionId]), listVerdictChanges(db, org, actionId), listMeasures(db, org, scope.programme.id)])
  return { review, history, measures: new Map(measures.map((m) => [m.code, { kind: m.kind, unit: m.unit }])) }
}
