/** Builds the Hono app: JSON API under /api/v1, the OpenAPI document, pages and static assets. */
import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps } from '../app/deps.ts'
import { AppError } from '../core/errors.ts'
import type { Issue } from '../core/issues.ts'
import { assetRoutes } from './assets.ts'
import { rejectControlCharacters } from './reject-control-characters.ts'
import { sameOriginPosts, securityHeaders } from './security.ts'
import { catalogueRoutes } from './api/catalogue-routes.ts'
import { importRoutes } from './api/import-routes.ts'
import { seriesRoutes } from './api/series-routes.ts'
import { pageRoutes } from './pages/routes.tsx'
import { classify, onError, problem } from './problem.ts'
import { ErrorPage } from './pages/error-page.tsx'

export interface ServerDeps extends AppDeps {
  /** Largest accepted upload, in bytes. */
  readonly uploadLimitBytes: number
  readonly log: (message: string) => void
}

export function createApp(deps: ServerDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return undefined
      const issues: Issue[] = result.error.issues.map((i) => ({
        severity: 'error',
        code: i.code,
        message: `${i.path.join('.') || 'request'}: ${i.message}`,
        column: i.path.join('.'),
      }))
      return problem(c, 'invalid_request', 'The request is not valid: ' + issues.map((i) => i.message).join('; '), issues)
    },
  })
  app.use(securityHeaders())
  app.use(sameOriginPosts())
  app.use(rejectControlCharacters())
  app.onError((error, c) => {
    if (c.req.path.startsWith('/api/')) return onError(error, c, deps.log)
    const { status, detail } = classify(error, c, deps.log)
    return c.html(ErrorPage({ status, detail }), status)
  })

  const limit = bodyLimit({
    maxSize: deps.uploadLimitBytes,
    onError: () => {
      throw new AppError('payload_too_large', `The file is larger than the upload limit of ${formatBytes(deps.uploadLimitBytes)} (set LHS_UPLOAD_LIMIT_MB to change it).`)
    },
  })
  app.use('/api/v1/organisations/:org/programmes/:programme/imports', limit)
  app.use('/organisations/:org/programmes/:programme/import', limit)

  app.get('/health', async (c) => ((await deps.store.ping()) ? c.json({ status: 'ok' }, 200) : c.json({ status: 'unavailable' }, 503)))
  catalogueRoutes(app, deps)
  seriesRoutes(app, deps)
  importRoutes(app, deps)
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Learning Health System API', version: '1', description: 'Everything an organisation owns lives under /api/v1/organisations/{org}. Errors are application/problem+json with a stable code.' },
  })
  assetRoutes(app)
  pageRoutes(app, deps)
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? problem(c, 'not_found', `No API route for ${c.req.method} ${c.req.path}.`)
      : c.html(ErrorPage({ status: 404, detail: 'If you typed the web address, check it is correct. If you pasted it, check you copied all of it.' }), 404),
  )
  return app
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`
}
