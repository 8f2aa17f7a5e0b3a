/** Organisations, sites, programmes and measures. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { membershipsOf } from '../../app/auth/people.ts'
import { getMeasure, getOrganisation, getProgrammeScope, listProgrammeMeasures, listProgrammes, listSites } from '../../app/catalogue.ts'
import type { AppDeps } from '../../app/deps.ts'
import { requireIdentity, scopedDeps } from '../access/request-context.ts'
import { MeasureSchema, OrganisationSchema, ProgrammeSchema, SiteSchema } from '../../contract/catalogue.ts'
import { json, MeasureParams, OrgParams, problems, ProgrammeParams, withoutId } from './params.ts'

const tags = ['Catalogue']

export function catalogueRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/organisations', tags, summary: 'The organisations you belong to', responses: { 200: json(z.object({ organisations: z.array(OrganisationSchema) }), 'Organisations') } }),
    async (c) => c.json({ organisations: (await membershipsOf(deps, requireIdentity(c).user.id)).map((m) => ({ code: m.organisationCode, name: m.organisationName })) }, 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/organisations/{org}', tags, summary: 'One organisation', request: { params: OrgParams }, responses: { 200: json(OrganisationSchema, 'The organisation'), ...problems } }),
    async (c) => c.json(withoutId(await getOrganisation(scopedDeps(c), c.req.valid('param').org)), 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/organisations/{org}/sites', tags, summary: 'Sites of an organisation (a hierarchy)', request: { params: OrgParams }, responses: { 200: json(z.object({ sites: z.array(SiteSchema) }), 'Sites, parents first'), ...problems } }),
    async (c) => c.json({ sites: (await listSites(scopedDeps(c), c.req.valid('param').org)).map(withoutId) }, 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/organisations/{org}/programmes', tags, summary: 'Improvement programmes', request: { params: OrgParams }, responses: { 200: json(z.object({ programmes: z.array(ProgrammeSchema) }), 'Programmes'), ...problems } }),
    async (c) => c.json({ programmes: (await listProgrammes(scopedDeps(c), c.req.valid('param').org)).map(withoutId) }, 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/organisations/{org}/programmes/{programme}', tags, summary: 'One programme', request: { params: ProgrammeParams }, responses: { 200: json(ProgrammeSchema, 'The programme'), ...problems } }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      return c.json(withoutId((await getProgrammeScope(scopedDeps(c), org, programme)).programme), 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/organisations/{org}/programmes/{programme}/measures', tags, summary: 'Measures of a programme', request: { params: ProgrammeParams }, responses: { 200: json(z.object({ measures: z.array(MeasureSchema) }), 'Measures'), ...problems } }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const scope = await getProgrammeScope(scopedDeps(c), org, programme)
      return c.json({ measures: (await listProgrammeMeasures(scopedDeps(c), scope)).map(withoutId) }, 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/v1/organisations/{org}/programmes/{programme}/measures/{measure}', tags, summary: 'One measure', request: { params: MeasureParams }, responses: { 200: json(MeasureSchema, 'The measure'), ...problems } }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const scope = await getProgrammeScope(scopedDeps(c), org, programme)
      return c.json(withoutId(await getMeasure(scopedDeps(c), scope, measure)), 200)
    },
  )
}
