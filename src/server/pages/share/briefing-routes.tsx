import type { OpenAPIHono } from '@hono/zod-openapi'

export function briefingRoutes(_app: OpenAPIHono): void {}
