/** Observations and the SPC series of one measure, site and community group. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { getSeries } from '../../app/analyse/get-series.ts'
import { scopedDeps } from '../access/request-context.ts'
import { MeasureSchema, ObservationSchema, SeriesSelectorSchema, SiteSchema } from '../../contract/catalogue.ts'
import { SpcResultSchema } from '../../contract/spc.ts'
import { PROFILES, type Profile } from '../../core/spc/types.ts'
import { json, MeasureParams, problems, withoutId } from './params.ts'

const tags = ['Analysis']

const SeriesQuerySchema = SeriesSelectorSchema.extend({
  profile: z.enum(PROFILES as unknown as [Profile, ...Profile[]]).optional().openapi({ description: 'SPC rule profile (default mdc)' }),
})

const SeriesResponse = z
  .object({
    measure: MeasureSchema,
    site: SiteSchema,
    dimension: z.string().nullable(),
    group: z.string().nullable(),
    rebases: z.array(z.object({ date: z.string(), reason: z.string(), createdBy: z.string() })),
    spc: SpcResultSchema,
  })
  .openapi('Series')

export function seriesRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/organisations/{org}/programmes/{programme}/measures/{measure}/observations',
      tags,
      summary: 'Observations of one series',
      request: { params: MeasureParams, query: SeriesSelectorSchema },
      responses: { 200: json(z.object({ observations: z.array(ObservationSchema) }), 'Observations, oldest first'), ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const series = await getSeries(scopedDeps(c), { organisation: org, programme, measure, ...c.req.valid('query') })
      return c.json({ observations: [...series.rows] }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/organisations/{org}/programmes/{programme}/measures/{measure}/series',
      tags,
      summary: 'SPC analysis of one series (XmR chart with Making Data Count rules)',
      request: { params: MeasureParams, query: SeriesQuerySchema },
      responses: { 200: json(SeriesResponse, 'The series and its SPC result'), ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const s = await getSeries(scopedDeps(c), { organisation: org, programme, measure, ...c.req.valid('query') })
      const rebases = s.rebases.map((r) => ({ date: r.date, reason: r.reason, createdBy: r.createdBy }))
      return c.json({ measure: withoutId(s.measure), site: withoutId(s.site), dimension: s.dimension, group: s.group, rebases, spc: s.spc as z.infer<typeof SpcResultSchema> }, 200)
    },
  )
}
