/**
 * Scheduled briefings on the job queue: every morning the due schedules of every organisation are
 * issued, and an import that brings new data queues the organisation's "after new data" schedules
 * at once. Delivery (inbox, webhooks, email with the file) goes through the loop's alert jobs.
 */
import type { JobQueue } from '../jobs/job-queue.ts'
import type { LhsJobs } from '../jobs/lhs-jobs.ts'
import type { AppDeps } from '../deps.ts'
import { issueDueBriefings, type BriefingRenderer } from './issue-briefing.ts'

export const ISSUE_BRIEFINGS_JOB = 'issue-briefings'

/** 06:30 every day, UK time: after the daily review (06:15), so verdicts in the briefing are fresh. */
export const DAILY_BRIEFINGS_CRON = '30 6 * * *'

/**
 * Register the briefing workers and the daily schedule. `deps` must be the owner's, with the job
 * sender (startLoopJobs returns it) so issued alerts go on to webhooks and email.
 */
export async function startShareJobs(queue: JobQueue<LhsJobs>, deps: AppDeps, render: BriefingRenderer, log: (message: string) => void = () => {}): Promise<void> {
  const run = async (organisationId?: number) => {
    const { failed } = await issueDueBriefings(deps, render, organisationId)
    for (const f of failed) log(`Scheduled briefing ${f.scheduleId} could not be issued: ${f.error}`)
  }
  await queue.work('issue-briefings', async ({ data }) => run(data.organisationId))
  await queue.work('briefings-daily', async () => run())
  await queue.schedule('briefings-daily', DAILY_BRIEFINGS_CRON, {}, { tz: 'Europe/London' })
}

/** After an import: queue the organisation's due briefings (only with a queue; without one the server's daily run picks them up). */
export async function briefingsAfterImport(deps: AppDeps, organisationId: number): Promise<void> {
  if (deps.jobs) await deps.jobs.send(ISSUE_BRIEFINGS_JOB, { organisationId }, { singletonKey: `briefings-${organisationId}` })
}
