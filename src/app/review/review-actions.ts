/**
 * The review engine's use case: for each action (not abandoned) with predictions, read every named
 * series, run the verdict engine (core/loop) as of today, and in one transaction per action store
 * the review, record a change of verdict, suggest a rebase at the change date for each prediction
 * that is working (a lead accepts or declines it), and raise the alerts the review calls for.
 * Alerts leave the organisation (webhook, email) afterwards, through `deliverAlerts`.
 */
import { reviewAction, type ActionReview, type PredictionReview } from '../../core/loop/index.ts'
import { listMeasures, type MeasureRow } from '../../storage/measures.ts'
import { suggestRebase } from '../../storage/rebases.ts'
import { saveReview } from '../../storage/action-reviews.ts'
import { actionAudience, readActionsToReview, type ActionToReview, type ReviewFilter } from '../../storage/review-inputs.ts'
import type { VerdictValue } from '../../storage/schema.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { raiseActionAlert, deliverAlerts } from './alerts.ts'
import { reviewInput } from './review-inputs.ts'

export const REVIEWER = 'review engine'

export interface ActionReviewOutcome {
  readonly actionId: number
  readonly title: string
  readonly verdict: VerdictValue | null
  readonly previous: VerdictValue | null
  readonly changed: boolean
  readonly alerts: number
}

/** Review the actions `filter` selects in the organisation; returns what happened to each. */
export async function reviewActions(deps: AppDeps, organisationId: number, filter: ReviewFilter = {}): Promise<ActionReviewOutcome[]> {
  const actions = await readActionsToReview(deps.store.db, organisationId, filter)
  const measuresByProgramme = new Map<number, Map<number, MeasureRow>>()
  const outcomes: ActionReviewOutcome[] = []
  const asOf = deps.clock().toISOString().slice(0, 10)
  for (const action of actions) {
    if (action.predictions.length === 0) {
      outcomes.push({ actionId: action.id, title: action.title, verdict: null, previous: null, changed: false, alerts: 0 })
      continue
    }
    let measures = measuresByProgramme.get(action.programmeId)
    if (measures === undefined) {
      measures = new Map((await listMeasures(deps.store.db, organisationId, action.programmeId)).map((m) => [m.id, m]))
      measuresByProgramme.set(action.programmeId, measures)
    }
    const review = reviewAction(await reviewInput(deps.store.db, organisationId, action, measures, asOf))
    outcomes.push(await storeReview(deps, organisationId, action, review))
  }
  return outcomes
}

async function storeReview(deps: AppDeps, organisationId: number, action: ActionToReview, review: ActionReview): Promise<ActionReviewOutcome> {
  const raised: number[] = []
  const outcome = await inTransaction(deps, async (tx) => {
    const db = tx.store.db
    const at = tx.clock()
    const dataThrough = lastPeriod(review.predictions)
    const saved = await saveReview(db, organisationId, { actionId: action.id, verdict: review.verdict, reasons: review.reasons, evidence: review, dataThrough, evaluatedAt: at.toISOString() }, at)
    for (const [index, prediction] of action.predictions.entries()) {
      const result = review.predictions[index]
      if (prediction.role === 'primary' && result?.verdict === 'working') {
        await suggestRebase(db, organisationId, { measureId: prediction.measureId, siteId: prediction.siteId, date: action.startDate, reason: `Change made: ${action.title}`.slice(0, 500), createdBy: REVIEWER, actionId: action.id })
      }
    }
    const audience = await actionAudience(db, organisationId, action)
    if (saved.changed) {
      const id = await raiseActionAlert(db, organisationId, action, audience, at, {
        kind: 'verdict_changed',
        title: saved.previous === undefined ? `First verdict on ‘${action.title}’: ${review.label}` : `Verdict changed on ‘${action.title}’: now ${review.label}`,
        body: review.reasons.join('\n'),
        dedupeKey: `verdict|${action.id}|${saved.previous ?? 'none'}|${review.verdict}|${at.toISOString()}`,
      })
      if (id !== undefined) raised.push(id)
    }
    for (const [index, result] of review.predictions.entries()) {
      const prediction = action.predictions[index]
      const last = result.evidence.chart?.points.at(-1)
      if (prediction === undefined || last === undefined || !isConcern(result, last.type)) continue
      const id = await raiseActionAlert(db, organisationId, action, audience, at, {
        kind: 'special_cause',
        title: `Special-cause concern: ${result.subject}`,
        body: `The latest point (${last.period}) of ${result.subject} is special-cause variation in the direction that matters, on the chart watched for ‘${action.title}’.`,
        dedupeKey: `special|${prediction.measureId}|${prediction.siteId}|${prediction.dimension}|${prediction.group}|${last.period}`,
        measureId: prediction.measureId,
      })
      if (id !== undefined) raised.push(id)
    }
    return { actionId: action.id, title: action.title, verdict: review.verdict, previous: saved.previous ?? null, changed: saved.changed, alerts: raised.length }
  })
  await deliverAlerts(deps, organisationId, raised)
  return outcome
}

/** A point that should worry someone: a concern on the measure's own direction, or, on a balancing chart, special cause the harmful way. */
function isConcern(review: PredictionReview, type: string): boolean {
  if (type === 'concern') return true
  if (review.role !== 'balancing') return false
  return (review.harmfulDirection === 'increase' && type === 'neutral_high') || (review.harmfulDirection === 'decrease' && type === 'neutral_low')
}

function lastPeriod(predictions: readonly PredictionReview[]): string | null {
  const periods = predictions.map((p) => p.evidence.lastPeriod).filter((p): p is string => p !== null)
  return periods.length === 0 ? null : periods.reduce((a, b) => (a > b ? a : b))
}
