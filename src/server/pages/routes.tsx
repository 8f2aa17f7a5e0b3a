/** Server-rendered pages. Each page calls the same use cases as the API. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { getProgrammeOverview } from '../../app/analyse/programme-overview.ts'
import { getSeries } from '../../app/analyse/get-series.ts'
import { audit } from '../../app/auth/audit.ts'
import { membershipsOf } from '../../app/auth/people.ts'
import { getProgrammeScope, listProgrammes } from '../../app/catalogue.ts'
import { importFileAs } from '../../app/gather/audited-import.ts'
import { accessOf, actorOf, requireIdentity, scopedDeps } from '../access/request-context.ts'
import { AppError } from '../../core/errors.ts'
import { can, isRole } from '../../core/access.ts'
import type { ServerDeps } from '../create-app.tsx'
import { analysisPageRoutes, seriesQueryOf } from './analysis-routes.tsx'
import { HomePage } from './home-page.tsx'
import { ImportPage } from './import-page.tsx'
import { ProgrammePage } from './programme-page.tsx'
import { seriesCsv } from './series-csv.ts'

const PROGRAMME = '/organisations/:org/programmes/:programme'

export function pageRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.get('/', async (c) => {
    const memberships = await membershipsOf(deps, requireIdentity(c).user.id)
    const organisations = await Promise.all(
      memberships.map(async (m) => {
        const scoped = { ...deps, store: { ...deps.store, db: deps.store.scoped({ organisationId: m.organisationId, siteIds: null }) } }
        return { organisation: { code: m.organisationCode, name: m.organisationName }, programmes: await listProgrammes(scoped, m.organisationCode), administers: isRole(m.role) && can(m.role, 'administer') }
      }),
    )
    return c.html(<HomePage organisations={organisations} />)
  })

  app.get(PROGRAMME, async (c) => {
    const overview = await getProgrammeOverview(scopedDeps(c), c.req.param('org'), c.req.param('programme'))
    return c.html(<ProgrammePage overview={overview} />)
  })

  analysisPageRoutes(app)

  app.get(`${PROGRAMME}/measures/:measure/data.csv`, async (c) => {
    const series = await getSeries(scopedDeps(c), seriesQueryOf(c, new URL(c.req.url).searchParams))
    await audit(scopedDeps(c), actorOf(c), { organisationId: accessOf(c).organisationId, action: 'export.series_csv', target: c.req.path + new URL(c.req.url).search, after: { rows: series.rows.length } })
    const name = [series.measure.code, series.site.code, series.dimension, series.group].filter(Boolean).join('-').replace(/[^a-z0-9-]+/gi, '_')
    return c.body(seriesCsv(series), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` })
  })

  const megabytes = deps.uploadLimitBytes / (1024 * 1024)
  const uploadLimitMb = megabytes >= 1 ? String(Math.round(megabytes)) : megabytes.toFixed(2)
  app.get(`${PROGRAMME}/import`, async (c) => {
    const scope = await getProgrammeScope(scopedDeps(c), c.req.param('org'), c.req.param('programme'))
    return c.html(<ImportPage scope={scope} uploadLimitMb={uploadLimitMb} />)
  })

  app.post(`${PROGRAMME}/import`, async (c) => {
    const scope = await getProgrammeScope(scopedDeps(c), c.req.param('org'), c.req.param('programme'))
    const form = await c.req.parseBody().catch(() => {
      throw new AppError('invalid_request', 'The form could not be read. Choose the file again and send it.')
    })
    const file = form.file
    const kind = form.kind === 'measures' ? 'measures' : 'observations'
    if (!(file instanceof File) || file.size === 0) {
      return c.html(<ImportPage scope={scope} uploadLimitMb={uploadLimitMb} formError="Choose a file to import." />, 400)
    }
    try {
      const report = await importFileAs(scopedDeps(c), actorOf(c), accessOf(c).organisationId, {
        organisation: scope.organisation.code,
        programme: scope.programme.code,
        kind,
        fileName: file.name,
        content: new Uint8Array(await file.arrayBuffer()),
      })
      const failed = report.issues.some((i) => i.severity === 'error')
      return c.html(<ImportPage scope={scope} uploadLimitMb={uploadLimitMb} result={{ fileName: file.name, report }} />, failed ? 422 : 200)
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_request') return c.html(<ImportPage scope={scope} uploadLimitMb={uploadLimitMb} formError={error.message} />, 400)
      throw error
    }
  })
}
