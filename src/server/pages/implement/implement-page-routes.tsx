/** Implement pages (registered by create-app): the aim and driver diagram, actions, predictions and PDSA cycles. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { actionPageRoutes } from './action-routes.tsx'
import { aimPageRoutes } from './aim-routes.tsx'
import { cyclePageRoutes } from './cycle-routes.tsx'

export function implementPageRoutes(app: OpenAPIHono): void {
  aimPageRoutes(app)
  actionPageRoutes(app)
  cyclePageRoutes(app)
}
