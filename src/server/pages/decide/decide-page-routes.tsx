/** Decide pages (registered by create-app): decision groups, meetings and their packs, the decision log. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { decisionPageRoutes } from './decision-routes.tsx'
import { groupPageRoutes } from './group-routes.tsx'
import { meetingPageRoutes } from './meeting-routes.tsx'

export function decidePageRoutes(app: OpenAPIHono): void {
  groupPageRoutes(app)
  meetingPageRoutes(app)
  decisionPageRoutes(app)
}
