/** Server-rendered pages. Each page calls the same use cases as the API. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getProgrammeOverview } from '../../app/analyse/programme-overview.ts'
import { getSeries, type SeriesQuery } from '../../app/analyse/get-series.ts'
import { getSeriesOptions } from '../../app/analyse/series-options.ts'
import { audit } from '../../app/auth/audit.ts'
import { membershipsOf } from '../../app/auth/people.ts'
import { getProgrammeScope, listProgrammes } from '../../app/catalogue.ts'
import { importFileAs } from '../../app/gather/audited-import.ts'
import { accessOf, actorOf, requireIdentity, scopedDeps } from '../access/request-context.ts'
import { AppError } from '../../core/errors.ts'
import type { ServerDeps } from '../create-app.tsx'
import { HomePage } from './home-page.tsx'
import { ImportPage } from './import-page.tsx'
import { MeasurePage } from './measure-page.tsx'
import { ProgrammePage } from './programme-page.tsx'
import { seriesCsv } from './series-csv.ts'

const PROGRAMME = '/organisations/:org/programmes/:programme'

export function pageRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.get('/', async (c) => {
    const memberships = await membershipsOf(deps, requireIdentity(c).user.id)
    const organisations = await Promise.all(
      memberships.map(async (m) => {
        const scoped = { ...deps, store: { ...deps.store, db: deps.store.scoped({ organisationId: m.organisationId, siteIds: null }) } }
        return { organisation: { code: m.organisationCode, name: m.organisationName }, programmes: await listProgrammes(scoped, m.organisationCode) }
      }),
    )
    return c.html(<HomePage organisations={organisations} />)
  })

  app.get(PROGRAMME, async (c) => {
    const overview = await getProgrammeOverview(scopedDeps(c), c.req.param('org'), c.req.param('programme'))
    return c.html(<ProgrammePage overview={overview} />)
  })

  app.get(`${PROGRAMME}/measures/:measure`, async (c) => {
    const query = seriesQuery(c)
    const series = await getSeries(scopedDeps(c), query)
    const options = await getSeriesOptions(scopedDeps(c), series.scope, series.measure)
    const csvHref = `${c.req.path}/data.csv${new URL(c.req.url).search}`
    return c.html(<MeasurePage series={series} options={options} csvHref={csvHref} />)
  })

  app.get(`${PROGRAMME}/measures/:measure/data.csv`, async (c) => {
    const series = await getSeries(scopedDeps(c), seriesQuery(c))
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

/** Site from `?site=`, community group from `?who=dimension:group` (or `?dimension=&group=`). */
function seriesQuery(c: Context): SeriesQuery {
  const who = c.req.query('who') ?? ''
  const split = who.indexOf(':')
  if (who !== '' && split <= 0) throw new AppError('invalid_request', `Community group "${who}" should be written dimension:group, for example imd_quintile:1.`)
  const dimension = split > 0 ? who.slice(0, split) : c.req.query('dimension')
  const group = split > 0 ? who.slice(split + 1) : c.req.query('group')
  return { organisation: c.req.param('org') ?? '', programme: c.req.param('programme') ?? '', measure: c.req.param('measure') ?? '', site: c.req.query('site'), dimension, group }
}
