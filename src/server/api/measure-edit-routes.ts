/** Editing a measure's definition, with optimistic concurrency (a stale version gets 409 and the current one). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { getProgrammeScope } from '../../app/catalogue.ts'
import { editMeasure, VersionConflict, type MeasureEdit } from '../../app/gather/edit-measure.ts'
import { MeasureSchema } from '../../contract/catalogue.ts'
import { ProblemSchema } from '../../contract/problem.ts'
import { AppError } from '../../core/errors.ts'
import { DIRECTIONS } from '../../core/model.ts'
import { actorOf, scopedDeps } from '../access/request-context.ts'
import { json, MeasureParams, problems, withoutId } from './params.ts'

const text = (max: number) => z.string().max(max)

const MeasureEditSchema = z
  .object({
    version: z.number().int().positive().optional().openapi({ description: 'The version you started from (or send If-Match: "N")' }),
    name: text(200).optional(),
    description: text(5000).optional(),
    direction: z.enum(DIRECTIONS as ['increase', 'decrease', 'neutral']).optional(),
    target: z.number().nullable().optional(),
    unit: text(50).nullable().optional(),
    numeratorDefinition: text(2000).nullable().optional(),
    denominatorDefinition: text(2000).nullable().optional(),
  })
  .strict()
  .openapi('MeasureEdit')

export function measureEditRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/organisations/{org}/programmes/{programme}/measures/{measure}',
      tags: ['Catalogue'],
      summary: 'Change a measure’s name, description, direction, target, unit or definitions',
      description: 'Send the version you started from as `version` or `If-Match: "N"`. If the measure changed since, nothing is written: 409 with the current version in the ETag header.',
      request: { params: MeasureParams, body: { content: { 'application/json': { schema: MeasureEditSchema } }, required: true } },
      responses: {
        200: json(MeasureSchema, 'The changed measure (ETag: its new version)'),
        ...problems,
        409: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'The measure changed since the version you sent' },
        428: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No version sent' },
      },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const { version: bodyVersion, ...edit } = c.req.valid('json')
      const version = bodyVersion ?? ifMatch(c.req.header('if-match'))
      if (version === undefined) throw new AppError('precondition_required', 'Say which version you are changing: send "version" in the body or an If-Match: "N" header (the version is in GET …/measures/CODE).')
      const deps = scopedDeps(c)
      const scope = await getProgrammeScope(deps, org, programme)
      try {
        const updated = await editMeasure(deps, actorOf(c), scope, measure, version, Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) as MeasureEdit)
        c.header('etag', `"${updated.version}"`)
        return c.json(withoutId(updated), 200)
      } catch (error) {
        if (error instanceof VersionConflict) c.header('etag', `"${error.current.version}"`)
        throw error
      }
    },
  )
}

function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  if (!match) throw new AppError('invalid_request', `If-Match: "${header.slice(0, 40)}" is not a measure version (expected a number in quotes, such as "3").`)
  return Number(match[1])
}
