/**
 * API and CLI shapes of the review stage: the loop board, a run of the review engine, an action's
 * stored review with its evidence trimmed to what a reader checks (no fitted values or residuals;
 * the chart's points only when asked), rebase suggestions, the inbox and webhooks. Values are in
 * the measure's stored units: a proportion as a fraction (0.05 is 5 percentage points).
 */
import { z } from '@hono/zod-openapi'
import type { CoefficientEstimate } from '../core/impact/coefficient-estimate.ts'
import type { RateRatioEstimate } from '../core/impact/poisson-interrupted-time-series.ts'
import type { ActionReview, PredictionReview } from '../core/loop/index.ts'

const verdict = z.enum(['working', 'not_yet_clear', 'not_working', 'harm'])
const movement = z.enum(['increase', 'decrease'])
const status = z.enum(['planned', 'in_progress', 'adopted', 'adapted', 'abandoned'])

export const BoardActionSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    status,
    startDate: z.string(),
    reviewDate: z.string().nullable().openapi({ description: 'The next review' }),
    overdue: z.boolean().openapi({ description: 'The review date has passed and the action is still open' }),
    owner: z.string().nullable(),
    decisionId: z.number().int().nullable(),
    sites: z.array(z.string()),
    predictions: z.array(
      z.object({
        role: z.enum(['primary', 'balancing']),
        measure: z.string(), measureName: z.string(), measureKind: z.enum(['count', 'proportion', 'rate', 'mean']), unit: z.string().nullable(),
        site: z.string(), siteName: z.string(), wholeOrganisation: z.boolean(),
        dimension: z.string().nullable(), group: z.string().nullable(), groupLabel: z.string().nullable(),
        direction: movement.openapi({ description: 'primary: the expected direction; balancing: the harmful one' }),
        expectedSize: z.number().nullable(),
        by: z.string().nullable(),
      }),
    ),
    verdict: verdict.nullable().openapi({ description: 'null until the action has been reviewed' }),
    verdictLabel: z.string().nullable(),
    summary: z.string().nullable().openapi({ description: 'The verdict’s first reason' }),
    reviewedAt: z.string().nullable(),
    dataThrough: z.string().nullable(),
    cycles: z.number().int(),
    rebaseSuggestions: z.number().int(),
  })
  .openapi('BoardAction')

export const LoopBoardSchema = z
  .object({
    today: z.string(),
    actions: z.array(BoardActionSchema),
    counts: z.object({ working: z.number().int(), not_yet_clear: z.number().int(), not_working: z.number().int(), harm: z.number().int(), unreviewed: z.number().int(), overdue: z.number().int() }),
  })
  .openapi('LoopBoard')

export const ReviewRunSchema = z
  .object({
    reviewed: z.number().int(),
    changed: z.number().int(),
    outcomes: z.array(
      z.object({
        actionId: z.number().int(),
        title: z.string(),
        verdict: verdict.nullable().openapi({ description: 'null for an action without predictions' }),
        previous: verdict.nullable(),
        changed: z.boolean(),
        alerts: z.number().int().openapi({ description: 'Alerts raised by this review' }),
      }),
    ),
  })
  .openapi('ReviewRun')

const CoefficientSchema = z.object({ estimate: z.number(), se: z.number(), lower: z.number(), upper: z.number(), p: z.number() }).openapi('Coefficient')
const RateRatioSchema = z.object({ rateRatio: z.number(), lower: z.number(), upper: z.number(), p: z.number() }).openapi('RateRatio')

export const ChartPointSchema = z
  .object({
    period: z.string(),
    value: z.number(),
    centre: z.number(),
    upper: z.number(),
    lower: z.number(),
    type: z.enum(['common_cause', 'improvement', 'concern', 'neutral_high', 'neutral_low']),
    rule: z.string().nullable(),
    excluded: z.string().nullable(),
  })
  .openapi('ReviewChartPoint')

export const PredictionEvidenceSchema = z
  .object({
    changeDate: z.string(),
    asOf: z.string(),
    baselineFrom: z.string().nullable(),
    baselineTo: z.string().nullable(),
    lastPeriod: z.string().nullable(),
    rebase: z.object({ date: z.string(), reason: z.string() }).nullable().openapi({ description: 'The accepted rebase that starts the baseline' }),
    pointsBefore: z.number().int(),
    pointsAfter: z.number().int(),
    excludedBefore: z.number().int(),
    excludedAfter: z.number().int(),
    averageBefore: z.number().nullable(),
    averageAfter: z.number().nullable(),
    difference: z.number().nullable().openapi({ description: 'averageAfter − averageBefore' }),
    signals: z.array(z.object({ kind: z.enum(['outside_limits', 'shift', 'trend']), direction: movement, periods: z.array(z.string()) })).openapi({ description: 'Special cause among the points after the change, against the limits frozen on the baseline' }),
    levelChange: CoefficientSchema.nullable().openapi({ description: 'Interrupted time series: the step at the change, in the measure’s units' }),
    slopeChange: CoefficientSchema.nullable().openapi({ description: 'Interrupted time series: the change in slope, per period' }),
    poisson: z.object({ levelChange: RateRatioSchema, slopeChange: RateRatioSchema, dispersion: z.number() }).nullable().openapi({ description: 'Segmented Poisson regression for counts and rates' }),
    impactNote: z.string().nullable().openapi({ description: 'Why there is no estimate yet' }),
    chart: z
      .object({
        chart: z.string().openapi({ example: 'p' }),
        reason: z.string().openapi({ description: 'Why this chart' }),
        frozen: z.boolean().openapi({ description: 'Limits frozen on the baseline (false: too short a baseline, no chart)' }),
        centre: z.number().nullable(),
        baselinePoints: z.number().int().nullable(),
        variation: z.string().nullable(),
        points: z.array(ChartPointSchema).optional().openapi({ description: 'Only with ?points=1' }),
      }),
    issues: z.array(z.object({ severity: z.enum(['error', 'warning']), code: z.string(), message: z.string() })),
  })
  .openapi('PredictionEvidence')

export const PredictionReviewSchema = z
  .object({
    role: z.enum(['primary', 'balancing']),
    measure: z.string(),
    subject: z.string().openapi({ example: 'Blood pressure controlled to target at Eastgate, most deprived fifth' }),
    verdict: z.enum(['working', 'not_yet_clear', 'not_working', 'harm', 'no_harm']),
    label: z.string(),
    basis: z.string().openapi({ description: 'The rule of docs/methods/verdicts.md that decided' }),
    reasons: z.array(z.string()),
    direction: movement.openapi({ description: 'primary: the expected direction; balancing: the harmful one' }),
    expectedSize: z.number().nullable(),
    by: z.string().nullable(),
    sizeComparison: z.enum(['smaller', 'consistent', 'larger']).nullable(),
    evidence: PredictionEvidenceSchema,
  })
  .openapi('PredictionReview')

const VerdictChangeSchema = z.object({ previous: verdict.nullable(), verdict, reasons: z.array(z.string()), changedAt: z.string() }).openapi('VerdictChange')

const reviewFields = {
  verdict,
  label: z.string(),
  reasons: z.array(z.string()).openapi({ description: 'The first says why the verdict is what it is; then one per prediction' }),
  changeDate: z.string(),
  asOf: z.string(),
  dataThrough: z.string().nullable(),
  evaluatedAt: z.string(),
  predictions: z.array(PredictionReviewSchema),
}

export const ActionReviewSchema = z
  .object({ action: z.object({ id: z.number().int(), title: z.string() }), ...reviewFields, history: z.array(VerdictChangeSchema).openapi({ description: 'How the verdict moved, oldest first' }) })
  .openapi('ActionReview')

/** `lhs review --json`: every action of the programme with its verdict and evidence (stable keys). */
export const ReviewReportSchema = z.object({
  organisation: z.string(),
  programme: z.string(),
  today: z.string(),
  ran: z.boolean().openapi({ description: 'The reviews were worked out again before printing (false with --no-run)' }),
  counts: LoopBoardSchema.shape.counts,
  actions: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      status,
      owner: z.string().nullable(),
      startDate: z.string(),
      reviewDate: z.string().nullable(),
      overdue: z.boolean(),
      review: z.object(reviewFields).nullable().openapi({ description: 'null until the action has been reviewed' }),
    }),
  ),
})

export const RebaseSuggestionSchema = z
  .object({
    id: z.number().int(),
    measure: z.string(),
    measureName: z.string(),
    site: z.string().nullable(),
    siteName: z.string().nullable(),
    date: z.string(),
    reason: z.string(),
    createdBy: z.string(),
    actionId: z.number().int().nullable(),
  })
  .openapi('RebaseSuggestion')

export const RebaseSuggestionsSchema = z.object({ suggestions: z.array(RebaseSuggestionSchema) }).openapi('RebaseSuggestions')
export const SuggestionDecisionInputSchema = z.object({ decision: z.enum(['accept', 'decline']) }).strict().openapi('RebaseSuggestionDecision')
export const SuggestionDecidedSchema = RebaseSuggestionSchema.extend({ status: z.enum(['accepted', 'declined']) }).openapi('RebaseSuggestionDecided')

export const InboxSchema = z
  .object({
    unread: z.number().int(),
    alerts: z.array(
      z.object({
        id: z.number().int(), organisation: z.string(), kind: z.enum(['verdict_changed', 'special_cause', 'review_due', 'briefing']),
        title: z.string(), body: z.string(), link: z.string().openapi({ description: 'The page it is about' }), createdAt: z.string(), read: z.boolean(),
      }),
    ),
  })
  .openapi('Inbox')

export const MarkReadInputSchema = z
  .object({ ids: z.array(z.number().int().positive().max(2_147_483_647)).max(1000).optional().openapi({ description: 'Alert ids; omit to mark every alert of yours in the organisation' }) })
  .strict()
  .openapi('MarkRead')
export const MarkedReadSchema = z.object({ marked: z.number().int(), unread: z.number().int() }).openapi('MarkedRead')

export const WebhookSchema = z.object({ id: z.number().int(), url: z.string(), active: z.boolean(), createdBy: z.string(), createdAt: z.string() }).openapi('Webhook')
export const WebhooksSchema = z.object({ webhooks: z.array(WebhookSchema) }).openapi('Webhooks')
export const WebhookInputSchema = z.object({ url: z.string().max(2000).openapi({ example: 'https://hooks.example.org/lhs' }) }).strict().openapi('WebhookInput')
export const NewWebhookSchema = z
  .object({ id: z.number().int(), url: z.string(), secret: z.string().openapi({ description: 'Signs every delivery (HMAC-SHA256); shown this once only' }) })
  .openapi('NewWebhook')

export type PredictionReviewOutput = z.infer<typeof PredictionReviewSchema>
export type ReviewOutput = z.infer<z.ZodObject<typeof reviewFields>>
export type ReviewReport = z.infer<typeof ReviewReportSchema>

/** The core's review as the API and CLI show it (`points`: include the chart's points). */
export function reviewOutput(review: ActionReview, stored: { dataThrough: string | null; evaluatedAt: string }, points = false): ReviewOutput {
  return {
    verdict: review.verdict,
    label: review.label,
    reasons: [...review.reasons],
    changeDate: review.changeDate,
    asOf: review.asOf,
    dataThrough: stored.dataThrough,
    evaluatedAt: stored.evaluatedAt,
    predictions: review.predictions.map((p) => predictionOutput(p, points)),
  }
}

/** One prediction's verdict and its evidence, without the time series' fitted values and residuals. */
export function predictionOutput(p: PredictionReview, points = false): PredictionReviewOutput {
  const e = p.evidence
  const chart = e.chart
  const segment = chart?.segments[0]
  return {
    role: p.role,
    measure: p.measure,
    subject: p.subject,
    verdict: p.verdict,
    label: p.label,
    basis: p.basis,
    reasons: [...p.reasons],
    direction: p.role === 'primary' ? p.direction : p.harmfulDirection,
    expectedSize: p.role === 'primary' ? p.expectedSize : null,
    by: p.role === 'primary' ? p.by : null,
    sizeComparison: p.role === 'primary' ? p.sizeComparison : null,
    evidence: {
      changeDate: e.changeDate,
      asOf: e.asOf,
      baselineFrom: e.baselineFrom,
      baselineTo: e.baselineTo,
      lastPeriod: e.lastPeriod,
      rebase: e.rebase === null ? null : { date: e.rebase.date, reason: e.rebase.reason ?? '' },
      pointsBefore: e.pointsBefore,
      pointsAfter: e.pointsAfter,
      excludedBefore: e.excludedBefore,
      excludedAfter: e.excludedAfter,
      averageBefore: e.averageBefore,
      averageAfter: e.averageAfter,
      difference: e.difference,
      signals: e.signals.map((s) => ({ kind: s.kind, direction: s.direction, periods: [...s.periods] })),
      levelChange: coefficient(e.impact.levelChange),
      slopeChange: coefficient(e.impact.slopeChange),
      poisson: e.impact.poisson === null ? null : { levelChange: rateRatio(e.impact.poisson.coefficients.levelChange), slopeChange: rateRatio(e.impact.poisson.coefficients.slopeChange), dispersion: e.impact.poisson.dispersion },
      impactNote: e.impact.reason,
      chart: {
        chart: e.chartChoice.chart,
        reason: e.chartChoice.reason,
        frozen: chart !== null,
        centre: segment?.centre ?? null,
        baselinePoints: segment?.baselinePoints ?? null,
        variation: chart?.variation ?? null,
        ...(points && chart !== null
          ? { points: chart.points.map((x) => ({ period: x.period, value: x.value, centre: x.centre, upper: x.upper, lower: x.lower, type: x.type, rule: x.rule, excluded: x.excluded })) }
          : {}),
      },
      issues: e.issues.map((i) => ({ severity: i.severity, code: i.code, message: i.message })),
    },
  }
}

function coefficient(c: CoefficientEstimate | null): z.infer<typeof CoefficientSchema> | null {
  return c === null ? null : { estimate: c.estimate, se: c.se, lower: c.lower, upper: c.upper, p: c.p }
}

function rateRatio(c: RateRatioEstimate): z.infer<typeof RateRatioSchema> {
  return { rateRatio: c.rateRatio, lower: c.rateRatioLower, upper: c.rateRatioUpper, p: c.p }
}
