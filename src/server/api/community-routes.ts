import type { OpenAPIHono } from '@hono/zod-openapi'

export function communityRoutes(_app: OpenAPIHono): void {}
