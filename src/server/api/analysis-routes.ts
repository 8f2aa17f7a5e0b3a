/** A measure's chart (any type), site comparison and community-group comparison; rebases and point notes; the programme's summary matrix. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { recommendFor } from '../../app/analyse/analyse-as.ts'
import { addRebase, removePointNote, removeRebase, setPointNote } from '../../app/analyse/chart-notes.ts'
import { compareGroups } from '../../app/analyse/compare-groups.ts'
import { compareSites } from '../../app/analyse/compare-sites.ts'
import { getSeries } from '../../app/analyse/get-series.ts'
import { getProgrammeOverview, MATRIX_DIMENSION, MATRIX_GROUPS, type SeriesSummary } from '../../app/analyse/programme-overview.ts'
import { getProgrammeScope } from '../../app/catalogue.ts'
import { CHART_TYPES, type ChartType } from '../../core/model.ts'
import { MIN_BASELINE, PROFILES, type Profile } from '../../core/spc/index.ts'
import { controlChartOutput, ordered, runOutput } from '../../contract/spc-chart-output.ts'
import { GroupComparisonSchema, MeasureChartSchema, PointNoteInputSchema, PointNoteKeySchema, RebaseInputSchema, SiteComparisonSchema, SummaryMatrixSchema } from '../../contract/analysis.ts'
import { SeriesSelectorSchema } from '../../contract/catalogue.ts'
import { actorOf, scopedDeps } from '../access/request-context.ts'
import { json, MeasureParams, problems, ProgrammeParams, withoutId } from './params.ts'

const tags = ['Analysis']
const MEASURE = '/api/v1/organisations/{org}/programmes/{programme}/measures/{measure}'
const WindowQuery = z.object({
  from: z.string().optional().openapi({ description: 'First period of the window (YYYY-MM-DD); default: 13 periods before `to`' }),
  to: z.string().optional().openapi({ description: 'Last period of the window (YYYY-MM-DD); default: the latest period' }),
})
const done = { 204: { description: 'Done' } } as const

export function analysisRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: `${MEASURE}/chart`,
      tags,
      summary: 'One series as any chart: run, XmR, P, P′, U, U′ or C, with rebases, exclusions and notes',
      request: {
        params: MeasureParams,
        query: SeriesSelectorSchema.extend({
          chart: z.enum(CHART_TYPES as unknown as [string, ...string[]]).optional().openapi({ description: 'Default: the measure’s default chart' }),
          profile: z.enum(PROFILES as unknown as [Profile, ...Profile[]]).optional().openapi({ description: 'SPC rule profile (default mdc); not used by run charts' }),
          baseline: z.coerce.number().int().min(MIN_BASELINE).max(10_000).optional().openapi({ description: 'Fix the limits of each segment on its first N points (at least 12); all points when absent' }),
        }),
      },
      responses: { 200: json(MeasureChartSchema, 'The chart'), ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const { chart, ...selector } = c.req.valid('query')
      const s = await getSeries(scopedDeps(c), { organisation: org, programme, measure, ...selector, chart: chart as ChartType | undefined })
      const recommendation = recommendFor(s.measure, s.rows)
      const siteCodes = new Map([[s.site.id, s.site.code]])
      return c.json(
        {
          measure: withoutId(s.measure),
          site: withoutId(s.site),
          dimension: s.dimension,
          group: s.group,
          chart: s.chart.type,
          choices: [...s.chart.choices],
          recommendation: { chart: recommendation.chart, reason: recommendation.reason },
          rebases: s.rebases.map((r) => ({ date: r.date, reason: r.reason, createdBy: r.createdBy })),
          notes: s.notes.map((n) => ({ site: siteCodes.get(n.siteId) ?? s.scope.organisation.code, period: n.period, kind: n.kind, note: n.note, createdBy: n.createdBy, createdAt: n.createdAt })),
          result: (s.chart.kind === 'run' ? ordered(runOutput(s.chart.result, 1)) : controlChartOutput(s.chart.result)) as z.infer<typeof MeasureChartSchema>['result'],
        },
        200,
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: `${MEASURE}/funnel`,
      tags,
      summary: 'Sites compared on a funnel plot over a window of periods (numerators and denominators added up)',
      request: { params: MeasureParams, query: WindowQuery },
      responses: { 200: json(SiteComparisonSchema, 'The funnel plot, or why there is none'), ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const r = await compareSites(scopedDeps(c), { organisation: org, programme, measure, ...c.req.valid('query') })
      const funnel = r.funnel && {
        type: r.funnel.type,
        direction: r.funnel.direction,
        target: r.funnel.target,
        phi: r.funnel.phi,
        tau2: r.funnel.tau2,
        adjusted: r.funnel.adjusted,
        spread: r.funnel.spread,
        statement: r.funnel.statement,
        units: r.funnel.units.map((u) => ({ ...u, name: r.sites.get(u.unit)?.site.name ?? u.unit, periods: r.sites.get(u.unit)?.periods ?? 0 })),
      }
      return c.json({ measure: r.measure.code, window: r.window, multiplier: r.multiplier, funnel, unavailable: r.unavailable } as z.infer<typeof SiteComparisonSchema>, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: `${MEASURE}/groups`,
      tags,
      summary: 'Community groups at a site: rates with intervals, differences and ratios to a reference, and the gap over time with its SPC chart',
      request: {
        params: MeasureParams,
        query: WindowQuery.extend({
          site: z.string().optional(),
          dimension: z.string().optional().openapi({ example: 'imd_quintile' }),
          reference: z.string().optional().openapi({ description: 'Default: quintile 5, or the largest group' }),
          comparison: z.string().optional().openapi({ description: 'Group whose gap is followed; default quintile 1, or the group furthest from the reference' }),
        }),
      },
      responses: { 200: json(GroupComparisonSchema, 'The comparison, or why there is none'), ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const r = await compareGroups(scopedDeps(c), { organisation: org, programme, measure, ...c.req.valid('query') })
      return c.json(
        {
          measure: r.measure.code,
          site: r.site.code,
          window: r.window,
          multiplier: r.multiplier,
          dimensions: [...r.dimensions],
          dimension: r.dimension,
          reference: r.differences?.reference ?? null,
          groups: (r.differences?.groups ?? []).map((g) => ({ ...g, difference: g.difference ?? null, ratio: g.ratio ?? null })),
          gap: r.gap && { comparison: r.gap.comparison, points: [...r.gap.series.points], spc: r.gap.spc },
          unavailable: r.unavailable,
        } as z.infer<typeof GroupComparisonSchema>,
        200,
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${MEASURE}/rebases`,
      tags,
      summary: 'Recalculate the limits from a date, with a reason (every site; replaces the reason of a rebase on the same date)',
      request: { params: MeasureParams, body: { content: { 'application/json': { schema: RebaseInputSchema } }, required: true } },
      responses: { ...done, ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const { date, reason } = c.req.valid('json')
      const deps = scopedDeps(c)
      await addRebase(deps, actorOf(c), await getProgrammeScope(deps, org, programme), measure, date, reason)
      return c.body(null, 204)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${MEASURE}/rebases/{date}`,
      tags,
      summary: 'Remove a rebase',
      request: { params: MeasureParams.extend({ date: z.string().openapi({ param: { name: 'date', in: 'path' }, example: '2025-12-08' }) }) },
      responses: { ...done, ...problems },
    }),
    async (c) => {
      const { org, programme, measure, date } = c.req.valid('param')
      const deps = scopedDeps(c)
      await removeRebase(deps, actorOf(c), await getProgrammeScope(deps, org, programme), measure, date)
      return c.body(null, 204)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: `${MEASURE}/notes`,
      tags,
      summary: 'Leave a point out of the limits (exclusion) or note what happened (annotation), with its text',
      request: { params: MeasureParams, body: { content: { 'application/json': { schema: PointNoteInputSchema } }, required: true } },
      responses: { ...done, ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const { note, ...key } = c.req.valid('json')
      const deps = scopedDeps(c)
      await setPointNote(deps, actorOf(c), await getProgrammeScope(deps, org, programme), { measure, ...key }, note)
      return c.body(null, 204)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${MEASURE}/notes`,
      tags,
      summary: 'Remove an exclusion or annotation',
      request: { params: MeasureParams, query: PointNoteKeySchema },
      responses: { ...done, ...problems },
    }),
    async (c) => {
      const { org, programme, measure } = c.req.valid('param')
      const deps = scopedDeps(c)
      await removePointNote(deps, actorOf(c), await getProgrammeScope(deps, org, programme), { measure, ...c.req.valid('query') })
      return c.body(null, 204)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/organisations/{org}/programmes/{programme}/summary',
      tags,
      summary: 'The summary matrix: each measure for all people and each deprivation quintile, with variation and assurance',
      request: { params: ProgrammeParams },
      responses: { 200: json(SummaryMatrixSchema, 'The matrix'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const overview = await getProgrammeOverview(scopedDeps(c), org, programme)
      const cellOf = (group: string | null, summary: SeriesSummary | undefined) => ({
        group,
        latest: summary?.latest?.value ?? null,
        period: summary?.latest?.period ?? null,
        variation: summary?.variation ?? null,
        assurance: summary?.assurance ?? null,
        stale: summary?.stale ?? false,
        computedAt: summary?.computedAt?.toISOString() ?? null,
      })
      const measures = overview.measures.map((m) => ({
        measure: m.measure.code,
        name: m.measure.name,
        cells: [cellOf(null, m), ...MATRIX_GROUPS.map((g) => cellOf(g, m.groups.get(g)))],
      }))
      return c.json({ dimension: MATRIX_DIMENSION, groups: [...MATRIX_GROUPS], measures }, 200)
    },
  )
}
