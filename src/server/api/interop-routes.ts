import type { OpenAPIHono } from '@hono/zod-openapi'

export function interopRoutes(_app: OpenAPIHono): void {}
