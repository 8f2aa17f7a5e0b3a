/** Findings and signals over the API: list, recompute, decide; the measure ↔ theme links. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { getProgrammeScope } from '../../app/catalogue.ts'
import { decide, getFinding, listProgrammeFindings, type FindingView } from '../../app/triangulate/findings.ts'
import { recomputeFindingsAudited } from '../../app/triangulate/recompute.ts'
import { FindingSchema, FindingsSchema, DecisionInputSchema } from '../../contract/findings.ts'
import { actorOf, scopedDeps } from '../access/request-context.ts'
import { json, problems, ProgrammeParams } from './params.ts'

const tags = ['Findings']
const PROGRAMME = '/api/v1/organisations/{org}/programmes/{programme}'
const FindingParams = ProgrammeParams.extend({ finding: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'finding', in: 'path' } }) })

function output(f: FindingView) {
  return {
    id: f.id,
    key: f.proposal.key,
    statement: f.statement,
    classification: f.classification,
    overall: f.proposal.overall,
    score: f.proposal.score,
    status: f.status,
    current: f.current,
    decidedBy: f.decidedBy,
    decisionReason: f.decisionReason,
    decidedAt: f.decidedAt,
    computedAt: f.computedAt,
    focus: { ...f.proposal.focus, themes: [...f.proposal.focus.themes] },
    signals: f.proposal.signals.map((s) => ({ ...s })),
    excerpts: Object.fromEntries(Object.entries(f.proposal.excerpts).map(([source, e]) => [source, { ...e, ids: [...e.ids] }])),
    reasons: [...f.proposal.reasons],
    cells: { ...f.proposal.cells },
    proposedStatement: f.proposal.statement,
  }
}

export function findingsRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({ method: 'get', path: `${PROGRAMME}/findings`, tags, summary: 'The programme’s current findings, strongest evidence first, with their signals, evidence counts and convergence labels', request: { params: ProgrammeParams }, responses: { 200: json(FindingsSchema, 'Findings'), ...problems } }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const deps = scopedDeps(c)
      const findings = await listProgrammeFindings(deps, await getProgrammeScope(deps, org, programme))
      return c.json({ findings: findings.map(output) }, 200)
    },
  )

  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/findings/recompute`, tags, summary: 'Work the signals and findings out again from the stored data (decisions are kept)', request: { params: ProgrammeParams }, responses: { 200: json(z.object({ signals: z.number().int(), findings: z.number().int(), millis: z.number() }), 'Done'), ...problems } }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const deps = scopedDeps(c)
      const result = await recomputeFindingsAudited(deps, actorOf(c), await getProgrammeScope(deps, org, programme))
      return c.json({ signals: result.signals.length, findings: result.findings.length, millis: Math.round(result.millis.compute + result.millis.save) }, 200)
    },
  )

  app.openapi(
    createRoute({ method: 'get', path: `${PROGRAMME}/findings/{finding}`, tags, summary: 'One finding', request: { params: FindingParams }, responses: { 200: json(FindingSchema, 'The finding'), ...problems } }),
    async (c) => {
      const { org, programme, finding } = c.req.valid('param')
      const deps = scopedDeps(c)
      return c.json(output(await getFinding(deps, await getProgrammeScope(deps, org, programme), finding)) , 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${PROGRAMME}/findings/{finding}/decision`,
      tags,
      summary: 'A lead confirms, edits (statement, classification) or rejects a finding, with a reason; kept when the findings are worked out again',
      request: { params: FindingParams, body: { content: { 'application/json': { schema: DecisionInputSchema } }, required: true } },
      responses: { 200: json(FindingSchema, 'The finding as decided'), ...problems },
    }),
    async (c) => {
      const { org, programme, finding } = c.req.valid('param')
      const deps = scopedDeps(c)
      const result = await decide(deps, actorOf(c), await getProgrammeScope(deps, org, programme), finding, c.req.valid('json'))
      return c.json(output(result) , 200)
    },
  )
}
