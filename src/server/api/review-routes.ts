/**
 * The review stage over the API: the loop board, running the reviews, an action's stored review
 * with its evidence and verdict history, rebase suggestions, the caller's inbox and the
 * organisation's webhooks.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getProgrammeScope, type ProgrammeScope } from '../../app/catalogue.ts'
import type { AppDeps } from '../../app/deps.ts'
import { inboxOf, markInboxRead } from '../../app/review/inbox.ts'
import { loopBoard, type LoopBoard } from '../../app/review/loop-board.ts'
import { decideSuggestion, listSuggestions, type SuggestionView } from '../../app/review/rebase-suggestions.ts'
import { reviewNow } from '../../app/review/review-now.ts'
import { getStoredReview } from '../../app/review/stored-review.ts'
import { addWebhook, removeWebhook, webhooksOf } from '../../app/review/webhooks.ts'
import {
  ActionReviewSchema, InboxSchema, LoopBoardSchema, MarkedReadSchema, MarkReadInputSchema, NewWebhookSchema, RebaseSuggestionsSchema, ReviewRunSchema,
  reviewOutput, SuggestionDecidedSchema, SuggestionDecisionInputSchema, WebhookInputSchema, WebhooksSchema,
} from '../../contract/review.ts'
import { actorOf, requireIdentity, scopedDeps } from '../access/request-context.ts'
import { json, OrgParams, problems, ProgrammeParams } from './params.ts'

const tags = ['Review']
const ORG = '/api/v1/organisations/{org}'
const PROGRAMME = `${ORG}/programmes/{programme}`
const id = (name: string) => z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name, in: 'path' } })
const ActionParams = ProgrammeParams.extend({ action: id('action') })
const SuggestionParams = ProgrammeParams.extend({ suggestion: id('suggestion') })
const WebhookParams = OrgParams.extend({ webhook: id('webhook') })
const flag = (description: string) => z.enum(['0', '1']).optional().openapi({ description })
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } })

async function scoped(c: Context): Promise<{ deps: AppDeps; scope: ProgrammeScope }> {
  const deps = scopedDeps(c)
  return { deps, scope: await getProgrammeScope(deps, c.req.param('org') ?? '', c.req.param('programme') ?? '') }
}

export function reviewApiRoutes(app: OpenAPIHono): void {
  reviewRoutes(app)
  suggestionRoutes(app)
  inboxRoutes(app)
  webhookRoutes(app)
}

function reviewRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({ method: 'get', path: `${PROGRAMME}/review`, tags, summary: 'The loop board: every action with its predictions, verdict, next review and owner; overdue reviews flagged', request: { params: ProgrammeParams }, responses: { 200: json(LoopBoardSchema, 'The loop board'), ...problems } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      return c.json(boardOutput(await loopBoard(deps, scope)), 200)
    },
  )

  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/review`, tags, summary: 'Review every action of the programme now (verdicts, rebase suggestions and alerts as the daily review would)', request: { params: ProgrammeParams }, responses: { 200: json(ReviewRunSchema, 'What each review found'), ...problems } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      const outcomes = await reviewNow(deps, actorOf(c), scope)
      return c.json({ reviewed: outcomes.filter((o) => o.verdict !== null).length, changed: outcomes.filter((o) => o.changed).length, outcomes }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: `${PROGRAMME}/actions/{action}/review`,
      tags,
      summary: 'An action’s latest review: verdict, reasons, the evidence of each prediction (signals, averages, interrupted time series) and the verdict’s history',
      request: { params: ActionParams, query: z.object({ points: flag('1: include the chart’s points (period, value, centre, limits, type)') }) },
      responses: { 200: json(ActionReviewSchema, 'The review'), ...problems },
    }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      const { action, review, history } = await getStoredReview(deps, scope, c.req.valid('param').action)
      const output = reviewOutput(review.evidence, review, c.req.valid('query').points === '1')
      return c.json({ action, ...output, history: history.map((h) => ({ previous: h.previous, verdict: h.verdict, reasons: [...h.reasons], changedAt: h.changedAt })) }, 200)
    },
  )
}

function boardOutput(board: LoopBoard) {
  return { today: board.today, counts: { ...board.counts }, actions: board.actions.map((a) => ({ ...a, sites: [...a.sites], predictions: a.predictions.map((p) => ({ ...p })) })) }
}

function suggestionOutput(s: SuggestionView) {
  return { id: s.id, measure: s.measure, measureName: s.measureName, site: s.site, siteName: s.siteName, date: s.date, reason: s.reason, createdBy: s.createdBy, actionId: s.actionId }
}

function suggestionRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({ method: 'get', path: `${PROGRAMME}/rebase-suggestions`, tags, summary: 'Rebases the review engine suggests at a working action’s change date, waiting for a lead', request: { params: ProgrammeParams }, responses: { 200: json(RebaseSuggestionsSchema, 'Waiting suggestions'), ...problems } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      return c.json({ suggestions: (await listSuggestions(deps, scope)).map(suggestionOutput) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${PROGRAMME}/rebase-suggestions/{suggestion}`,
      tags,
      summary: 'Accept a suggested rebase (the limits are then recalculated from that date) or decline it',
      request: { params: SuggestionParams, ...body(SuggestionDecisionInputSchema) },
      responses: { 200: json(SuggestionDecidedSchema, 'The suggestion as decided'), ...problems },
    }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      const { decision } = c.req.valid('json')
      const suggestion = await decideSuggestion(deps, actorOf(c), scope, c.req.valid('param').suggestion, decision)
      return c.json({ ...suggestionOutput(suggestion), status: decision === 'accept' ? ('accepted' as const) : ('declined' as const) }, 200)
    },
  )
}

function inboxRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({ method: 'get', path: `${ORG}/inbox`, tags, summary: 'Your alerts in this organisation, newest first (verdict changes, special-cause concerns, reviews due)', request: { params: OrgParams, query: z.object({ unread: flag('1: unread alerts only') }) }, responses: { 200: json(InboxSchema, 'Your inbox'), ...problems } }),
    async (c) => {
      const inbox = await inboxOf(scopedDeps(c), requireIdentity(c).user.id, c.req.valid('param').org, c.req.valid('query').unread === '1')
      return c.json({ unread: inbox.unread, alerts: [...inbox.alerts] }, 200)
    },
  )

  app.openapi(
    createRoute({ method: 'post', path: `${ORG}/inbox/read`, tags, summary: 'Mark your alerts read: the ones named, or all of them (other people’s alerts are never changed)', request: { params: OrgParams, ...body(MarkReadInputSchema) }, responses: { 200: json(MarkedReadSchema, 'How many were marked, and how many are still unread'), ...problems } }),
    async (c) => {
      const { ids } = c.req.valid('json')
      return c.json(await markInboxRead(scopedDeps(c), requireIdentity(c).user.id, c.req.valid('param').org, ids), 200)
    },
  )
}

function webhookRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({ method: 'get', path: `${ORG}/webhooks`, tags, summary: 'The organisation’s outgoing webhooks (never their secrets)', request: { params: OrgParams }, responses: { 200: json(WebhooksSchema, 'Webhooks'), ...problems } }),
    async (c) => c.json({ webhooks: await webhooksOf(scopedDeps(c), c.req.valid('param').org) }, 200),
  )

  app.openapi(
    createRoute({ method: 'post', path: `${ORG}/webhooks`, tags, summary: 'Add a webhook: alerts are POSTed to it, signed with the secret in the answer (shown this once)', request: { params: OrgParams, ...body(WebhookInputSchema) }, responses: { 201: json(NewWebhookSchema, 'The webhook and its secret'), ...problems } }),
    async (c) => c.json(await addWebhook(scopedDeps(c), actorOf(c), c.req.valid('param').org, c.req.valid('json').url), 201),
  )

  app.openapi(
    createRoute({ method: 'delete', path: `${ORG}/webhooks/{webhook}`, tags, summary: 'Remove a webhook', request: { params: WebhookParams }, responses: { 204: { description: 'Removed' }, ...problems } }),
    async (c) => {
      const { org, webhook } = c.req.valid('param')
      await removeWebhook(scopedDeps(c), actorOf(c), org, webhook)
      return c.body(null, 204)
    },
  )
}
