/** The funnel plot of `lhs funnel --json`: the shape of the CLI contract plus the spread statement. */
import { z } from '@hono/zod-openapi'
import { FUNNEL_TYPES } from '../core/compare/index.ts'

export const FunnelUnitSchema = z
  .object({
    unit: z.string(),
    numerator: z.number(),
    denominator: z.number(),
    value: z.number(),
    z: z.number(),
    lower95: z.number(),
    upper95: z.number(),
    lower998: z.number(),
    upper998: z.number(),
    position: z.enum(['above', 'within', 'below']),
  })
  .strict()
  .openapi('FunnelUnit')

export const FunnelResultSchema = z
  .object({
    type: z.enum(FUNNEL_TYPES as unknown as [string, ...string[]]),
    target: z.number(),
    phi: z.number(),
    tau2: z.number(),
    adjusted: z.boolean(),
    statement: z.string(),
    units: z.array(FunnelUnitSchema),
  })
  .strict()
  .openapi('FunnelResult')
