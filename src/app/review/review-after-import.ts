/**
 * New observations re-run the reviews of the actions whose predictions name the measures an import
 * touched: on the job queue when there is one (the server), otherwise straight away (the CLI).
 */
import type { AppDeps } from '../deps.ts'
import { reviewActions } from './review-actions.ts'

export const REVIEW_ACTIONS_JOB = 'review-actions'

export interface ReviewActionsJob {
  readonly organisationId: number
  /** Only actions with a prediction on one of these measures; all actions when absent. */
  readonly measureIds?: readonly number[]
}

/** The measures whose observations import `importId` wrote. */
export async function measuresOfImport(deps: AppDeps, organisationId: number, importId: number): Promise<number[]> {
  const rows = await deps.store.db
    .selectFrom('observations')
    .select('measure_id')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('import_id', '=', importId)
    .orderBy('measure_id')
    .execute()
  return rows.map((r) => r.measure_id)
}

export async function reviewAfterImport(deps: AppDeps, organisationId: number, importId: number): Promise<void> {
  const measureIds = await measuresOfImport(deps, organisationId, importId)
  if (measureIds.length === 0) return
  const job: ReviewActionsJob = { organisationId, measureIds }
  if (deps.jobs) await deps.jobs.send(REVIEW_ACTIONS_JOB, job, { singletonKey: `review-${organisationId}-${measureIds.join('.')}` })
  else await reviewActions(deps, organisationId, { measureIds })
}
