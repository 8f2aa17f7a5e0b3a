/** Builds the Hono app: JSON API under /api/v1, the OpenAPI document, pages and static assets. */
import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { contextStorage } from 'hono/context-storage'
import type { OidcSettings } from '../app/auth/oidc.ts'
import type { AuthSettings } from '../app/auth/settings.ts'
import type { AppDeps } from '../app/deps.ts'
import { accessControl } from './access/access-middleware.ts'
import { accountRoutes } from './api/account-routes.ts'
import { auditRoutes } from './api/audit-routes.ts'
import { measureEditRoutes } from './api/measure-edit-routes.ts'
import { auditPageRoutes } from './pages/audit-routes.tsx'
import { oidcRoutes } from './pages/oidc-routes.tsx'
import { peopleRoutes } from './pages/people-routes.tsx'
import { authPageRoutes } from './pages/auth-routes.tsx'
import { AppError } from '../core/errors.ts'
import type { Issue } from '../core/issues.ts'
import { assetRoutes } from './assets.ts'
import { rejectControlCharacters } from './reject-control-characters.ts'
import { sameOriginPosts, securityHeaders } from './security.ts'
import { catalogueRoutes } from './api/catalogue-routes.ts'
import { importRoutes } from './api/import-routes.ts'
import { seriesRoutes } from './api/series-routes.ts'
import { analysisRoutes } from './api/analysis-routes.ts'
import { pageRoutes } from './pages/routes.tsx'
import { feedbackRoutes } from './pages/insight/feedback-routes.tsx'
import { insightPageRoutes } from './pages/insight/insight-routes.tsx'
import { codingPageRoutes } from './pages/insight/coding-routes.tsx'
import { themePageRoutes } from './pages/insight/theme-routes.tsx'
import { codebookPageRoutes } from './pages/insight/codebook-routes.tsx'
import { findingsPageRoutes } from './pages/triangulate/findings-routes.tsx'
import { insightRoutes } from './api/insight-routes.ts'
import { findingsRoutes } from './api/findings-routes.ts'
import { decideApiRoutes } from './api/decide-routes.ts'
import { implementApiRoutes } from './api/implement-routes.ts'
import { reviewApiRoutes } from './api/review-routes.ts'
import { decidePageRoutes } from './pages/decide/decide-page-routes.tsx'
import { implementPageRoutes } from './pages/implement/implement-page-routes.tsx'
import { reviewPageRoutes } from './pages/review/review-page-routes.tsx'
import { briefingRoutes } from './pages/share/briefing-routes.tsx'
import { infographicRoutes } from './pages/share/infographic-routes.tsx'
import { disclosureRoutes } from './pages/share/disclosure-routes.tsx'
import { communityPageRoutes } from './pages/community/community-page-routes.tsx'
import { interopRoutes } from './api/interop-routes.ts'
import { communityRoutes } from './api/community-routes.ts'
import { scheduleRoutes } from './pages/share/schedule-routes.tsx'
import type { FeedbackLimiter } from './feedback-limiter.ts'
import { classify, onError, problem } from './problem.ts'
import { ErrorPage } from './pages/error-page.tsx'

export interface ServerDeps extends AppDeps {
  /** Largest accepted upload, in bytes. */
  readonly uploadLimitBytes: number
  readonly log: (message: string) => void
  readonly auth: AuthSettings
  /** Take the client's address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  readonly trustProxy: boolean
  /** Single sign-on through OpenID Connect, when configured (its routes exist only then). */
  readonly oidc?: OidcSettings | undefined
  /** Flood control for the public feedback form (tests pass their own). */
  readonly feedbackLimiter?: FeedbackLimiter | undefined
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
  app.use(contextStorage())
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
  app.use('/organisations/:org/programmes/:programme/insight/import', limit)
  app.use('/organisations/:org/programmes/:programme/insight/codebook/import', limit)
  app.use('/api/v1/organisations/:org/programmes/:programme/insights', limit)
  app.use('/api/v1/organisations/:org/programmes/:programme/insights/imports', limit)
  app.use('/api/v1/organisations/:org/programmes/:programme/fhir/imports', limit)
  // The public feedback form takes a short form, nothing more.
  app.use('/feedback/*', bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new AppError('payload_too_large', 'The form is too large to send (at most 64 KB).') } }))

  // After the body limits, so a form's CSRF field is read from a body already known to be small enough.
  app.use(accessControl(deps))

  app.get('/health', async (c) => ((await deps.store.ping()) ? c.json({ status: 'ok' }, 200) : c.json({ status: 'unavailable' }, 503)))
  accountRoutes(app, deps)
  catalogueRoutes(app, deps)
  measureEditRoutes(app)
  seriesRoutes(app)
  analysisRoutes(app)
  importRoutes(app)
  auditRoutes(app)
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Learning Health System API', version: '1', description: 'Everything an organisation owns lives under /api/v1/organisations/{org}. Errors are application/problem+json with a stable code.' },
  })
  assetRoutes(app)
  authPageRoutes(app, deps)
  if (deps.oidc) oidcRoutes(app, deps, deps.oidc)
  pageRoutes(app, deps)
  feedbackRoutes(app, deps, deps.feedbackLimiter)
  insightPageRoutes(app)
  codingPageRoutes(app)
  themePageRoutes(app)
  codebookPageRoutes(app)
  findingsPageRoutes(app)
  insightRoutes(app)
  findingsRoutes(app)
  decidePageRoutes(app)
  implementPageRoutes(app)
  reviewPageRoutes(app, deps)
  decideApiRoutes(app)
  implementApiRoutes(app)
  reviewApiRoutes(app)
  briefingRoutes(app)
  scheduleRoutes(app)
  infographicRoutes(app)
  disclosureRoutes(app)
  interopRoutes(app)
  communityPageRoutes(app)
  communityRoutes(app)
  peopleRoutes(app, deps)
  auditPageRoutes(app)
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
