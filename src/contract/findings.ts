/** API shapes of findings: the proposal's evidence and labels, and a lead's decision. */
import { z } from '@hono/zod-openapi'

const convergence = z.enum(['agreement', 'partial_agreement', 'dissonance', 'silence'])
const leaning = z.enum(['improvement', 'concern', 'neutral'])

export const SignalSchema = z
  .object({
    key: z.string(),
    kind: z.string(),
    leaning,
    measure: z.string().nullable(),
    theme: z.number().int().nullable(),
    site: z.string().nullable(),
    dimension: z.string().nullable(),
    group: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    strength: z.number(),
    summary: z.string(),
  })
  .openapi('Signal')

const SourceEvidenceSchema = z.object({ ids: z.array(z.number().int()), negative: z.number().int(), neutral: z.number().int(), positive: z.number().int(), leaning: leaning.nullable(), small: z.boolean() })

export const FindingSchema = z
  .object({
    id: z.number().int(),
    key: z.string().openapi({ description: 'The focus (measure, site, group or themes): stable when the findings are worked out again' }),
    statement: z.string(),
    proposedStatement: z.string(),
    classification: z.string(),
    overall: convergence,
    cells: z.record(z.string(), convergence.nullable()).openapi({ description: 'Each source against the numbers: staff, patients, community, peers' }),
    score: z.number(),
    status: z.enum(['proposed', 'confirmed', 'edited', 'rejected']),
    current: z.boolean(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
    decidedAt: z.string().nullable(),
    computedAt: z.string(),
    focus: z.object({ measure: z.string().nullable(), themes: z.array(z.number().int()), site: z.string().nullable(), dimension: z.string().nullable(), group: z.string().nullable() }),
    signals: z.array(SignalSchema),
    excerpts: z.record(z.string(), SourceEvidenceSchema),
    reasons: z.array(z.string()),
  })
  .openapi('Finding')

export const FindingsSchema = z.object({ findings: z.array(FindingSchema) }).openapi('Findings')

export const DecisionInputSchema = z
  .object({
    action: z.enum(['confirm', 'edit', 'reject']),
    statement: z.string().max(500).optional(),
    classification: z.string().max(60).optional(),
    reason: z.string().max(2000),
  })
  .openapi('FindingDecision')
