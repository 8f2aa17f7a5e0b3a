import type { OpenAPIHono } from '@hono/zod-openapi'

export function communityPageRoutes(_app: OpenAPIHono): void {}
