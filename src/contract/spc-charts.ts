/** The result of `lhs spc --json --chart run|xmr|p|u|c|pp|up|g|t`: one shape for every chart type. */
import { z } from '@hono/zod-openapi'
import type { Issue } from '../core/issues.ts'
import { DIRECTIONS } from '../core/model.ts'
import { PROFILES } from '../core/spc/types.ts'
import { IssueSchema } from './issue.ts'

/** Chart names as `--chart` spells them (pp and up are Laney's P′ and U′). */
export const SPC_CHARTS = ['run', 'xmr', 'p', 'u', 'c', 'pp', 'up', 'g', 't'] as const
export type SpcChart = (typeof SPC_CHARTS)[number]

const pointType = z.enum(['common_cause', 'improvement', 'concern', 'neutral_high', 'neutral_low'])
const limit = z.number().nullable()

/** Anhøj runs analysis of a segment against its centre line; `usefulPoints` is the older name of `useful`. */
export const ChartRunsSchema = z.object({
  useful: z.number().int(),
  usefulPoints: z.number().int(),
  longestRun: z.number().int(),
  longestRunMax: z.number().int(),
  crossings: z.number().int(),
  crossingsMin: z.number().int(),
  signal: z.boolean(),
})

/** A segment; its limits are null where the chart has none (run) or they vary by point (P, U, C, P′, U′). */
export const ChartSegmentSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    reason: z.string().nullable(),
    centre: z.number(),
    upper: limit,
    lower: limit,
    upper2sigma: limit,
    lower2sigma: limit,
    baselinePoints: z.number().int(),
    /** null for a run chart (no limits). */
    trialLimits: z.boolean().nullable(),
    runs: ChartRunsSchema,
  })
  .openapi('ChartSegment')

export const ChartPointSchema = z
  .object({
    period: z.string(),
    value: z.number(),
    segment: z.number().int(),
    centre: z.number(),
    upper: limit,
    lower: limit,
    upper2sigma: limit,
    lower2sigma: limit,
    rule: z.enum(['outside_limits', 'trend', 'two_of_three', 'shift']).nullable(),
    /** null for a run chart (no point types). */
    type: pointType.nullable(),
    excluded: z.string().nullable(),
    /** P, U, C, P′, U′ only. */
    numerator: z.number().optional(),
    denominator: z.number().optional(),
  })
  .openapi('ChartPoint')

export const SpcChartResultSchema = z
  .object({
    chart: z.enum(SPC_CHARTS),
    /** null for charts without profiles (run, g, t). */
    profile: z.enum(PROFILES as unknown as [string, ...string[]]).nullable(),
    /** null for a run chart. */
    direction: z.enum(DIRECTIONS as unknown as [string, ...string[]]).nullable(),
    target: z.number().nullable(),
    /** Present when not 1 for XmR (kept out of today's XmR output), always for the other charts. */
    multiplier: z.number().optional(),
    segments: z.array(ChartSegmentSchema),
    points: z.array(ChartPointSchema),
    variation: pointType.nullable(),
    assurance: z.enum(['pass', 'fail', 'hit_or_miss']).nullable(),
    issues: z.array(IssueSchema),
  })
  .strict()
  .openapi('SpcChartResult')

/** The output as the CLI builds it (issues in the core's own type). */
export type SpcChartResult = Omit<z.infer<typeof SpcChartResultSchema>, 'issues'> & { readonly issues: readonly Issue[] }
