/** The SPC result of one series: the same shape in the API, `lhs spc --json` and the pages. */
import { z } from '@hono/zod-openapi'
import { PROFILES } from '../core/spc/types.ts'
import { DIRECTIONS } from '../core/model.ts'
import { IssueSchema } from './issue.ts'

const pointType = z.enum(['common_cause', 'improvement', 'concern', 'neutral_high', 'neutral_low'])

export const RunsSchema = z.object({
  usefulPoints: z.number().int(),
  longestRun: z.number().int(),
  longestRunMax: z.number().int(),
  crossings: z.number().int(),
  crossingsMin: z.number().int(),
  signal: z.boolean(),
})

export const SegmentSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    reason: z.string().nullable(),
    centre: z.number(),
    upper: z.number(),
    lower: z.number(),
    upper2sigma: z.number(),
    lower2sigma: z.number(),
    baselinePoints: z.number().int(),
    trialLimits: z.boolean(),
    runs: RunsSchema,
  })
  .openapi('Segment')

export const SpcPointSchema = z
  .object({
    period: z.string(),
    value: z.number(),
    segment: z.number().int(),
    centre: z.number(),
    upper: z.number(),
    lower: z.number(),
    rule: z.enum(['outside_limits', 'trend', 'two_of_three', 'shift']).nullable(),
    type: pointType,
    excluded: z.string().nullable(),
  })
  .openapi('SpcPoint')

export const SpcResultSchema = z
  .object({
    chart: z.literal('xmr'),
    profile: z.enum(PROFILES as unknown as [string, ...string[]]),
    direction: z.enum(DIRECTIONS as unknown as [string, ...string[]]),
    target: z.number().nullable(),
    segments: z.array(SegmentSchema),
    points: z.array(SpcPointSchema),
    variation: pointType.nullable(),
    assurance: z.enum(['pass', 'fail', 'hit_or_miss']).nullable(),
    issues: z.array(IssueSchema),
  })
  .openapi('SpcResult')
