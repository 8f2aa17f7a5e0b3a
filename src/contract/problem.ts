/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
import { z } from '@hono/zod-openapi'
import { IssueSchema } from './issue.ts'

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string().openapi({ example: 'Not Found' }),
    status: z.number().int().openapi({ example: 404 }),
    code: z.string().openapi({ description: 'Stable machine-readable code', example: 'not_found' }),
    detail: z.string().openapi({ example: 'No measure with code "bp-contrl".' }),
    issues: z.array(IssueSchema).optional(),
  })
  .openapi('Problem')

export type Problem = z.infer<typeof ProblemSchema>
