/**
 * The precomputed analysis on the job queue: `refresh-analysis` recomputes an organisation's stale
 * series (queued after every import, and by a page that finds stale results), and at start every
 * organisation with stale series (after a migration, or work a stopped server left) is queued.
 */
import type { JobQueue } from '../jobs/job-queue.ts'
import type { LhsJobs } from '../jobs/lhs-jobs.ts'
import { organisationsWithStaleSeries } from '../../storage/series-analysis.ts'
import type { AppDeps } from '../deps.ts'
import { refreshAnalysis, REFRESH_ANALYSIS_JOB } from './refresh-analysis.ts'

/** Register the worker and queue the organisations that have stale results; `deps` must be the owner's. */
export async function startAnalysisJobs(queue: JobQueue<LhsJobs>, deps: AppDeps, log: (message: string) => void = () => {}): Promise<void> {
  await queue.work(REFRESH_ANALYSIS_JOB, async ({ data }) => {
    const started = Date.now()
    const report = await refreshAnalysis(deps, data.organisationId)
    if (report.recomputed + report.removed > 0) log(`Analysis refreshed for organisation ${data.organisationId}: ${report.recomputed} series in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })
  for (const organisationId of await organisationsWithStaleSeries(deps.store.db)) await queue.send(REFRESH_ANALYSIS_JOB, { organisationId })
}
