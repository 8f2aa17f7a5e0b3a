/** Actions whose review date has come: an alert to the owner and the decision group, once per review date. */
import { actionAudience, readActionsToReview } from '../../storage/review-inputs.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { deliverAlerts, raiseActionAlert } from './alerts.ts'

/** Raise the review-date alerts of the organisation's open actions (not adopted or abandoned) due on or before today; returns the alert ids. */
export async function raiseReviewDueAlerts(deps: AppDeps, organisationId: number): Promise<number[]> {
  const today = deps.clock().toISOString().slice(0, 10)
  const due = (await readActionsToReview(deps.store.db, organisationId)).filter((a) => a.reviewDate !== null && a.reviewDate <= today && a.status !== 'adopted')
  const raised = await inTransaction(deps, async (tx) => {
    const ids: number[] = []
    for (const action of due) {
      const audience = await actionAudience(tx.store.db, organisationId, action)
      const overdue = action.reviewDate! < today
      const id = await raiseActionAlert(tx.store.db, organisationId, action, audience, tx.clock(), {
        kind: 'review_due',
        title: `${overdue ? 'Review overdue' : 'Review due today'}: ‘${action.title}’`,
        body: `‘${action.title}’ was due for review on ${action.reviewDate}. Look at its verdict, record what the group decides (adopt, adapt or abandon) and set the next review date.`,
        dedupeKey: `review|${action.id}|${action.reviewDate}`,
      })
      if (id !== undefined) ids.push(id)
    }
    return ids
  })
  await deliverAlerts(deps, organisationId, raised)
  return raised
}
