/** Insight in and out: add records (de-identified before storage), the codebook, the theme matrix, excerpts (audited reads), codings, agreement, machine suggestions. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { getProgrammeScope, listSites } from '../../app/catalogue.ts'
import { addInsights } from '../../app/insight/add-insights.ts'
import { importInsights } from '../../app/insight/import-insights.ts'
import { AppError } from '../../core/errors.ts'
import { agreementReport } from '../../app/insight/agreement.ts'
import { saveCodes } from '../../app/insight/coding.ts'
import { listCodebook } from '../../app/insight/codebook.ts'
import { runSuggestions } from '../../app/insight/suggestions.ts'
import { isMatrixBy, MATRIX_BY, themeMatrix, themeQuotes } from '../../app/insight/theme-views.ts'
import { AgreementSchema, InsightImportReportSchema, CodingsInputSchema, ExcerptSchema, InsightRecordSchema, StoredInsightSchema, SuggestionRunSchema, ThemeMatrixSchema, ThemeSchema } from '../../contract/insight.ts'
import { actorOf, scopedDeps } from '../access/request-context.ts'
import { json, problems, ProgrammeParams } from './params.ts'

const tags = ['Insight']
const PROGRAMME = '/api/v1/organisations/{org}/programmes/{programme}'
const BY = MATRIX_BY.map((m) => m.by) as [string, ...string[]]

export function insightRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: `${PROGRAMME}/insights`,
      tags,
      summary: 'Add insight records; every text is de-identified before it is stored, and nothing is stored if any record is wrong',
      request: { params: ProgrammeParams, body: { content: { 'application/json': { schema: z.object({ records: z.array(InsightRecordSchema).min(1).max(1000) }) } }, required: true } },
      responses: { 201: json(StoredInsightSchema, 'Stored'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const deps = scopedDeps(c)
      const counts = await addInsights(deps, actorOf(c), await getProgrammeScope(deps, org, programme), c.req.valid('json').records)
      return c.json({ records: counts.records, excerpts: counts.excerpts, redacted: { ...counts.redacted } }, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${PROGRAMME}/insights/imports`,
      tags,
      summary: 'Import insight from a file (multipart field `file`): CSV or XLSX with columns text, date, site, source, fft, age_band, ethnicity, sex, imd_quintile, tags; or FHIR R4 QuestionnaireResponse resources as a Bundle (.json) or NDJSON (.ndjson). Every text is de-identified before it is stored; nothing is stored if any problem is an error',
      request: { params: ProgrammeParams, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } }, required: true } },
      responses: { 201: json(InsightImportReportSchema, 'Imported'), 200: json(InsightImportReportSchema, 'Not imported: the issues say why'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const deps = scopedDeps(c)
      const body = await c.req.parseBody()
      const file = body.file
      if (!(file instanceof File)) throw new AppError('invalid_request', 'Send the file as the multipart form field "file".')
      const report = await importInsights(deps, actorOf(c), await getProgrammeScope(deps, org, programme), file.name, new Uint8Array(await file.arrayBuffer()))
      return c.json({ ...report, redacted: { ...report.redacted }, issues: [...report.issues] }, report.importId === null ? 200 : 201)
    },
  )

  app.openapi(
    createRoute({ method: 'get', path: `${PROGRAMME}/themes`, tags, summary: 'The codebook: every theme, parents before children', request: { params: ProgrammeParams }, responses: { 200: json(z.object({ themes: z.array(ThemeSchema) }), 'The codebook'), ...problems } }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const deps = scopedDeps(c)
      const themes = await listCodebook(deps, await getProgrammeScope(deps, org, programme))
      return c.json({ themes: themes.map((t) => ({ id: t.id, parentId: t.parentId, guid: t.guid, name: t.name, definition: t.definition, examples: [...t.examples], colour: t.colour, frame: t.frame })) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: `${PROGRAMME}/themes/matrix`,
      tags,
      summary: 'Excerpts per theme (sub-themes rolled up) by community group, site or source, with the sentiment mix; machine suggestions not counted',
      request: { params: ProgrammeParams, query: z.object({ by: z.enum(BY).optional().openapi({ description: 'Default imd_quintile' }) }) },
      responses: { 200: json(ThemeMatrixSchema, 'The matrix'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const by = c.req.valid('query').by
      const deps = scopedDeps(c)
      const m = await themeMatrix(deps, await getProgrammeScope(deps, org, programme), isMatrixBy(by) ? by : 'imd_quintile')
      return c.json({ by: m.by, total: m.total, columns: [...m.columns], rows: m.rows.map((r) => ({ themeId: r.theme.id, name: r.theme.name, depth: r.depth, all: r.all, cells: [...r.cells] })) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: `${PROGRAMME}/excerpts`,
      tags,
      summary: 'De-identified excerpts, optionally those a person coded with a theme and from one column of the matrix; every read is audited',
      request: {
        params: ProgrammeParams,
        query: z.object({
          theme: z.coerce.number().int().positive().optional(),
          by: z.enum(BY).optional(),
          column: z.string().max(200).optional().openapi({ description: 'With `by`: the group label, site code or source type' }),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
        }),
      },
      responses: { 200: json(z.object({ excerpts: z.array(ExcerptSchema) }), 'Excerpts, oldest first'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const q = c.req.valid('query')
      const deps = scopedDeps(c)
      const scope = await getProgrammeScope(deps, org, programme)
      const quotes = await themeQuotes(deps, actorOf(c), scope, { themeId: q.theme, by: isMatrixBy(q.by) ? q.by : undefined, column: q.column, limit: q.limit ?? 50, offset: q.offset ?? 0 })
      const codes = new Map((await listSites(deps, org)).map((s) => [s.id, s.code]))
      return c.json({ excerpts: quotes.excerpts.map((x) => ({ id: x.id, text: x.text, sentiment: x.sentiment, source: x.source, collectedVia: x.collectedVia, date: x.date, site: codes.get(x.siteId) ?? '', groups: { ...x.groups }, fft: x.fft, tags: [...x.tags] })) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: `${PROGRAMME}/excerpts/{excerpt}/codings`,
      tags,
      summary: 'Set your codes on an excerpt to exactly these themes (with the words selected, if any); settles the machine’s suggestions on it',
      request: { params: ProgrammeParams.extend({ excerpt: z.coerce.number().int().positive().openapi({ param: { name: 'excerpt', in: 'path' } }) }), body: { content: { 'application/json': { schema: CodingsInputSchema } }, required: true } },
      responses: { 200: json(z.object({ applied: z.number().int(), removed: z.number().int() }), 'Saved'), ...problems },
    }),
    async (c) => {
      const { org, programme, excerpt } = c.req.valid('param')
      const deps = scopedDeps(c)
      const choices = c.req.valid('json').themes.map((t) => ({ themeId: t.themeId, span: t.span ?? null }))
      return c.json(await saveCodes(deps, actorOf(c), await getProgrammeScope(deps, org, programme), excerpt, choices), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: `${PROGRAMME}/agreement`,
      tags,
      summary: 'Cohen’s kappa per theme between two coders (people or "machine") on the excerpts both coded',
      request: { params: ProgrammeParams, query: z.object({ coders: z.string().max(700).optional().openapi({ description: 'Two coders separated by a comma; default the two people with most excerpts in common' }) }) },
      responses: { 200: json(AgreementSchema, 'Agreement'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const names = c.req.valid('query').coders?.split(',').map((s) => s.trim())
      const deps = scopedDeps(c)
      const report = await agreementReport(deps, await getProgrammeScope(deps, org, programme), names?.length === 2 ? [names[0]!, names[1]!] : undefined)
      const r = report.result
      return c.json(
        {
          pairs: report.pairs.map((p) => ({ coders: [...p.coders], excerpts: p.excerpts })),
          coders: r ? [...r.coders] : null,
          excerpts: r?.excerptIds.length ?? 0,
          pooled: r ? cells(r.pooled) : null,
          themes: r ? r.themes.map((t) => ({ ...cells(t), themeId: t.themeId, name: report.themes.get(t.themeId)?.name ?? '' })) : [],
        },
        200,
      )
    },
  )

  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/suggestions`, tags, summary: 'Run the machine coder over uncoded excerpts (suggestions count nowhere until a person accepts them)', request: { params: ProgrammeParams }, responses: { 200: json(SuggestionRunSchema, 'What the machine coder did'), ...problems } }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const deps = scopedDeps(c)
      return c.json(await runSuggestions(deps, actorOf(c), await getProgrammeScope(deps, org, programme)), 200)
    },
  )
}

function cells(a: { n: number; both: number; firstOnly: number; secondOnly: number; neither: number; observed: number | null; expected: number | null; kappa: number | null; strength: string | null }) {
  return { n: a.n, both: a.both, firstOnly: a.firstOnly, secondOnly: a.secondOnly, neither: a.neither, observed: a.observed, expected: a.expected, kappa: a.kappa, strength: a.strength }
}
