/** Path parameters and response helpers shared by the API routes. */
import { z } from '@hono/zod-openapi'
import { ProblemSchema } from '../../contract/problem.ts'

export const OrgParams = z.object({ org: z.string().openapi({ param: { name: 'org', in: 'path' }, example: 'riverside' }) })
export const ProgrammeParams = OrgParams.extend({ programme: z.string().openapi({ param: { name: 'programme', in: 'path' }, example: 'htn' }) })
export const MeasureParams = ProgrammeParams.extend({ measure: z.string().openapi({ param: { name: 'measure', in: 'path' }, example: 'bp-control' }) })

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description }
}

export const problems = {
  400: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Bad request' },
  401: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No valid session or API token' },
  403: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Your role does not allow this' },
  404: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Not found' },
} as const

/** Drop the storage id from a row before it leaves the server. */
export function withoutId<T extends { id: number }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = row
  return rest
}
