/**
 * Alerts from the loop: raised inside the review's transaction (the inbox row commits with the
 * verdict), then handed to the job queue to leave the organisation by webhook and email. Without
 * a job queue (`deps.jobs`), alerts stay in the inbox only.
 */
import type { Kysely } from 'kysely'
import { raiseAlert } from '../../storage/alerts.ts'
import type { ActionToReview } from '../../storage/review-inputs.ts'
import type { AlertKind, Database } from '../../storage/schema.ts'
import type { AppDeps } from '../deps.ts'

export const DELIVER_ALERT_JOB = 'deliver-alert'

export interface ActionAlert {
  readonly kind: AlertKind
  readonly title: string
  readonly body: string
  readonly dedupeKey: string
  readonly measureId?: number
}

export function actionLink(action: Pick<ActionToReview, 'id' | 'programmeCode' | 'organisationCode'>): string {
  return `/organisations/${action.organisationCode}/programmes/${action.programmeCode}/actions/${action.id}`
}

/** Raise an alert about an action for `audience`; undefined when its key was raised before. */
export async function raiseActionAlert(db: Kysely<Database>, organisationId: number, action: ActionToReview, audience: readonly number[], at: Date, alert: ActionAlert): Promise<number | undefined> {
  return raiseAlert(
    db,
    organisationId,
    { programmeId: action.programmeId, kind: alert.kind, actionId: action.id, measureId: alert.measureId ?? null, title: alert.title, body: alert.body, link: actionLink(action), dedupeKey: alert.dedupeKey },
    audience,
    at,
  )
}

/** Queue the delivery of alerts that have just been committed (nothing to do without a queue). */
export async function deliverAlerts(deps: AppDeps, organisationId: number, alertIds: readonly number[]): Promise<void> {
  if (deps.jobs === undefined) return
  for (const alertId of alertIds) await deps.jobs.send(DELIVER_ALERT_JOB, { organisationId, alertId }, { singletonKey: `alert-${organisationId}-${alertId}` })
}
