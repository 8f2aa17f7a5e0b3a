/** The background jobs of LHS and the JSON each carries: `createJobQueue<LhsJobs>` accepts only these names. */
import type { AlertEmail } from '../alerts/send-email.ts'
import type { ReviewActionsJob } from '../review/review-after-import.ts'

export type LhsJobs = {
  /**
   * POST one alert event to one of an organisation's webhooks (`app/alerts/deliver-webhook.ts`, with
   * the job's id as the delivery id). Its URL and secret are read when the job runs
   * (`storage/webhooks.webhookSecrets`, owner connection), so the secret is never stored in the queue
   * and a webhook removed meanwhile is not called.
   */
  'alert-webhook': { readonly organisationId: number; readonly webhookId: number; readonly event: string; readonly body: unknown }
  /** Email one alert (`app/alerts/send-email.ts`); a briefing's file is read from its issue when the job runs, not carried in the queue. */
  'alert-email': AlertEmail & { readonly attachIssue?: { readonly organisationId: number; readonly issueId: number } }
  /** Issue the due scheduled briefings of one organisation (after an import brought new data). */
  'issue-briefings': { readonly organisationId: number }
  /** Every day: issue the due scheduled briefings of every organisation. */
  'briefings-daily': Record<string, never>
  /** Review the actions of an organisation whose predictions name these measures (all when absent): after an import. */
  'review-actions': ReviewActionsJob
  /** Every day: review every action of every organisation and raise the review-date alerts. */
  'review-daily': Record<string, never>
  /** Recompute the stale precomputed analyses of one organisation (`app/analyse/refresh-analysis.ts`): after an import, or when a page finds stale results. */
  'refresh-analysis': { readonly organisationId: number }
  /** Send one alert out of the organisation: a webhook job per active webhook and an email job per recipient (when SMTP is set). */
  'deliver-alert': { readonly organisationId: number; readonly alertId: number }
}
