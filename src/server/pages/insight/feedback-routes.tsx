/**
 * The public feedback form of a programme (`/feedback/{org}/{programme}`) and its QR code. No
 * sign-in, no cookies; flood control in memory (feedback-limiter.ts) and a honeypot field. The
 * comment is de-identified by the use case before it is stored, and never logged.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import QRCode from 'qrcode'
import { checkFeedback, feedbackChoices, submitFeedback, type FeedbackForm } from '../../../app/insight/public-feedback.ts'
import { clientAddress } from '../../access/request-context.ts'
import type { ServerDeps } from '../../create-app.tsx'
import { createFeedbackLimiter, type FeedbackLimiter } from '../../feedback-limiter.ts'
import { FeedbackBusyPage, FeedbackPage, FeedbackThanksPage, HONEYPOT_FIELD } from './feedback-page.tsx'

export const FEEDBACK = '/feedback/:org/:programme'

const FIELDS = ['fft', 'comment', 'site', 'age_band', 'ethnicity', 'sex'] as const

export function feedbackRoutes(app: OpenAPIHono, deps: ServerDeps, limiter: FeedbackLimiter = createFeedbackLimiter()): void {
  app.get(FEEDBACK, async (c) => {
    const choices = await feedbackChoices(deps, c.req.param('org') ?? '', c.req.param('programme') ?? '')
    return c.html(<FeedbackPage choices={choices} action={c.req.path} form={{ site: c.req.query('site') ?? '' }} />)
  })

  app.post(FEEDBACK, async (c) => {
    const choices = await feedbackChoices(deps, c.req.param('org') ?? '', c.req.param('programme') ?? '')
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const thanks = () => c.html(<FeedbackThanksPage organisation={choices.scope.organisation.name} />)
    // A robot that fills every field is thanked and nothing is stored.
    if (typeof body[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '') return thanks()
    const form = formOf(body)
    const errors = checkFeedback(form, choices)
    if (errors.length > 0) return c.html(<FeedbackPage choices={choices} action={c.req.path} form={form} errors={errors} />, 400)
    if (!limiter.allow(clientAddress(c, deps.trustProxy), `${choices.scope.organisation.id}/${choices.scope.programme.id}`, deps.clock().getTime())) {
      return c.html(<FeedbackBusyPage />, 429, { 'Retry-After': '600' })
    }
    await submitFeedback(deps, choices, form)
    return thanks()
  })

  app.get(`${FEEDBACK}/qr.svg`, async (c) => {
    const choices = await feedbackChoices(deps, c.req.param('org') ?? '', c.req.param('programme') ?? '')
    const svg = await QRCode.toString(feedbackUrl(c, choices.scope.organisation.code, choices.scope.programme.code), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' })
  })
}

/** The form's address as people outside reach it (this request's origin). */
export function feedbackUrl(c: Context, organisation: string, programme: string): string {
  return `${new URL(c.req.url).origin}/feedback/${encodeURIComponent(organisation)}/${encodeURIComponent(programme)}`
}

function formOf(body: Record<string, unknown>): FeedbackForm {
  const form: Record<string, string> = {}
  for (const field of FIELDS) {
    const value = body[field]
    if (typeof value === 'string') form[field] = value.slice(0, field === 'comment' ? 20000 : 200)
  }
  return form
}
