/**
 * The loop's background work on the job queue: reviews after imports and every day, and alerts
 * leaving the organisation by webhook (signed, retried with back-off) and email (when SMTP is set).
 * `startLoopJobs` registers the workers and the daily schedule and gives use cases a `JobSender`.
 */
import { deliverWebhook } from '../alerts/deliver-webhook.ts'
import { sendAlertEmail, type Mailer } from '../alerts/send-email.ts'
import type { JobQueue } from '../jobs/job-queue.ts'
import type { LhsJobs } from '../jobs/lhs-jobs.ts'
import { emailsOf } from '../../storage/alerts.ts'
import { webhookSecrets } from '../../storage/webhooks.ts'
import { briefingIssueById } from '../../storage/briefing-schedules.ts'
import type { AppDeps, JobSender } from '../deps.ts'
import { reviewActions } from './review-actions.ts'
import { raiseReviewDueAlerts } from './review-due.ts'

/** 06:15 every day, UK time: before the working day starts. */
export const DAILY_REVIEW_CRON = '15 6 * * *'

export interface LoopJobOptions {
  /** Alert emails go out only when a mailer is configured (LHS_SMTP_URL). */
  readonly mailer?: Mailer
  /** The address people open alerts at, e.g. https://lhs.example.org (links in emails and webhooks are made absolute with it). */
  readonly baseUrl?: string
  /** Timeout of one webhook call; default 10 s. */
  readonly webhookTimeoutMs?: number
}

export function jobSender(queue: JobQueue<LhsJobs>): JobSender {
  return {
    async send(name, data, options) {
      await queue.send(name as keyof LhsJobs, data as never, options?.singletonKey === undefined ? {} : { singletonKey: options.singletonKey })
    },
  }
}

/** Register every loop worker and the daily review on `queue` (started or not); `deps` must be the owner's (no row-level scope). */
export async function startLoopJobs(queue: JobQueue<LhsJobs>, deps: AppDeps, options: LoopJobOptions = {}): Promise<AppDeps> {
  const withJobs: AppDeps = { ...deps, jobs: jobSender(queue) }
  await queue.work('review-actions', async ({ data }) => {
    await reviewActions(withJobs, data.organisationId, data.measureIds === undefined ? {} : { measureIds: data.measureIds })
  })
  await queue.work('review-daily', async () => {
    const organisations = await deps.store.db.selectFrom('organisations').select('id').orderBy('id').execute()
    for (const { id } of organisations) {
      await reviewActions(withJobs, id)
      await raiseReviewDueAlerts(withJobs, id)
    }
  })
  await queue.work('deliver-alert', async ({ data }) => {
    await fanOut(queue, deps, data.organisationId, data.alertId, options)
  })
  await queue.work('alert-webhook', async ({ id, data }) => {
    const hook = (await webhookSecrets(deps.store.db, data.organisationId)).find((h) => h.id === data.webhookId)
    if (hook) await deliverWebhook({ url: hook.url, secret: hook.secret, event: data.event, body: data.body, deliveryId: id, ...(options.webhookTimeoutMs ? { timeoutMs: options.webhookTimeoutMs } : {}) })
  })
  const mailer = options.mailer
  if (mailer) {
    await queue.work('alert-email', async ({ data }) => {
      const { attachIssue, ...email } = data
      const file = attachIssue === undefined ? undefined : await briefingIssueById(deps.store.db, attachIssue.organisationId, attachIssue.issueId)
      await sendAlertEmail(mailer, file === undefined ? email : { ...email, attachments: [{ filename: file.fileName, contentType: file.contentType, content: file.content }] })
    })
  }
  await queue.schedule('review-daily', DAILY_REVIEW_CRON, {}, { tz: 'Europe/London' })
  return withJobs
}

/** One job per webhook and per recipient's email: each retried on its own. */
async function fanOut(queue: JobQueue<LhsJobs>, deps: AppDeps, organisationId: number, alertId: number, options: LoopJobOptions): Promise<void> {
  const db = deps.store.db
  const alert = await db
    .selectFrom('alerts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.kind', 'a.title', 'a.body', 'a.link', 'a.created_at', 'a.action_id', 'a.issue_id', 'o.code as organisation'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.id', '=', alertId)
    .executeTakeFirst()
  if (alert === undefined) return
  const link = `${options.baseUrl ?? ''}${alert.link}`
  const event = `alert.${alert.kind}`
  const body = { id: alert.id, organisation: alert.organisation, kind: alert.kind, title: alert.title, body: alert.body, link, action: alert.action_id, createdAt: new Date(alert.created_at).toISOString() }
  for (const hook of await webhookSecrets(db, organisationId)) {
    await queue.send('alert-webhook', { organisationId, webhookId: hook.id, event, body }, { singletonKey: `webhook-${organisationId}-${alertId}-${hook.id}`, retryLimit: 8, retryDelaySeconds: 30, retryBackoff: true })
  }
  if (options.mailer === undefined) return
  const recipients = await db.selectFrom('alert_recipients').select('user_id').where('organisation_id', '=', organisationId).where('alert_id', '=', alertId).execute()
  for (const to of await emailsOf(db, recipients.map((r) => r.user_id))) {
    const attach = alert.issue_id === null ? {} : { attachIssue: { organisationId, issueId: alert.issue_id } }
    await queue.send('alert-email', { to, subject: `[LHS] ${alert.title}`, text: `${alert.body}\n\nOpen it in LHS: ${link}\n`, ...attach }, { singletonKey: `email-${organisationId}-${alertId}-${to}` })
  }
}
