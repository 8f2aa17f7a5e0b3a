/** Who am I: the signed-in user (or token's user), their organisations, roles and permissions. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { membershipsOf } from '../../app/auth/people.ts'
import { ROLE_PERMISSIONS } from '../../core/access.ts'
import { requireIdentity } from '../access/request-context.ts'
import type { ServerDeps } from '../create-app.tsx'
import { json, problems } from './params.ts'

const MeSchema = z
  .object({
    email: z.string(),
    via: z.enum(['session', 'token']),
    organisations: z.array(z.object({ code: z.string(), name: z.string(), role: z.string(), permissions: z.array(z.string()), sites: z.array(z.string()).nullable() })),
  })
  .openapi('Me')

export function accountRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/me', tags: ['Account'], summary: 'The signed-in user, their organisations, roles and permissions', responses: { 200: json(MeSchema, 'You'), ...problems } }),
    async (c) => {
      const identity = requireIdentity(c)
      const memberships = await membershipsOf(deps, identity.user.id)
      return c.json(
        {
          email: identity.user.email,
          via: identity.via,
          organisations: memberships.map((m) => ({ code: m.organisationCode, name: m.organisationName, role: m.role, permissions: [...ROLE_PERMISSIONS[m.role]], sites: m.siteCodes === null ? null : [...m.siteCodes] })),
        },
        200,
      )
    },
  )
}
