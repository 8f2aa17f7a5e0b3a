/** Community-group rates and gaps of `lhs gap --json`. */
import { z } from '@hono/zod-openapi'
import { IssueSchema } from './issue.ts'

export const IntervalSchema = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() }).strict().openapi('Interval')

export const GapRowSchema = z
  .object({
    period: z.string(),
    group: z.string(),
    numerator: z.number(),
    denominator: z.number(),
    /** The group's proportion or rate with its Wilson or exact Poisson interval. */
    value: IntervalSchema,
    isReference: z.boolean(),
    small: z.boolean(),
    notStated: z.boolean(),
    /** Group − reference; null for the reference itself, or when the reference has no row that period. */
    difference: IntervalSchema.nullable(),
    /** Group ÷ reference; null as for the difference, and when either numerator is 0. */
    ratio: IntervalSchema.nullable(),
  })
  .strict()
  .openapi('GapRow')

export const GapPointSchema = z
  .object({ period: z.string(), value: z.number(), lower: z.number(), upper: z.number(), comparisonValue: z.number(), referenceValue: z.number() })
  .strict()
  .openapi('GapPoint')

export const GapResultSchema = z
  .object({
    measure: z.enum(['proportion', 'rate']),
    reference: z.string(),
    level: z.number(),
    groups: z.array(z.string()),
    /** One row per period and group, periods in order, groups in file order. */
    rows: z.array(GapRowSchema),
    /** For each group other than the reference, its gap to the reference period by period. */
    gaps: z.array(z.object({ group: z.string(), points: z.array(GapPointSchema) }).strict()),
    issues: z.array(IssueSchema),
  })
  .strict()
  .openapi('GapResult')
