/** Issues found in input data, as every API response and CLI report shows them. */
import { z } from '@hono/zod-openapi'

export const IssueSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string().openapi({ example: 'unknown_measure' }),
    message: z.string().openapi({ example: 'obs.csv:3:measure: "bp-contrl" is not a measure of this programme (expected one of bp-control, bp-recorded).' }),
    file: z.string().optional(),
    line: z.number().int().optional(),
    column: z.string().optional(),
    value: z.string().optional(),
    expected: z.string().optional(),
  })
  .openapi('Issue')
