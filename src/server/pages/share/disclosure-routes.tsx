import type { OpenAPIHono } from '@hono/zod-openapi'

export function disclosureRoutes(_app: OpenAPIHono): void {}
