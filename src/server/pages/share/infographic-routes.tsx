import type { OpenAPIHono } from '@hono/zod-openapi'

export function infographicRoutes(_app: OpenAPIHono): void {}
