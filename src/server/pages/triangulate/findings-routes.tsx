/** Findings pages: the triangulation matrix, one finding, a lead's decision, recomputation, and the measure ↔ theme links. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { findingQuotes } from '../../../app/triangulate/finding-quotes.ts'
import { CLASSIFICATIONS, decide, getFinding, listProgrammeFindings, type FindingFilter } from '../../../app/triangulate/findings.ts'
import { addLink, linkView, removeLink } from '../../../app/triangulate/links.ts'
import { recomputeFindingsAudited } from '../../../app/triangulate/recompute.ts'
import { can } from '../../../core/access.ts'
import { AppError } from '../../../core/errors.ts'
import type { Classification, Convergence } from '../../../core/triangulate/index.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { formOf } from '../form-body.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { FindingPage } from './finding-page.tsx'
import { FindingsPage } from './findings-page.tsx'
import { LinksPage } from './links-page.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'

export function findingsPageRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/findings`, async (c) => {
    const scope = await scopeOf(c)
    const filter = filterOf(c)
    const findings = await listProgrammeFindings(scopedDeps(c), scope, filter)
    const done = c.req.query('recomputed') ? `Worked out again: ${c.req.query('recomputed')} findings.` : undefined
    return c.html(<FindingsPage scope={scope} findings={findings} all={c.req.query('all') === '1'} filter={filter} canRecompute={can(accessOf(c).role, 'analyse')} done={done} />)
  })

  app.post(`${PROGRAMME}/findings/recompute`, async (c) => {
    const scope = await scopeOf(c)
    const result = await recomputeFindingsAudited(scopedDeps(c), actorOf(c), scope)
    return c.redirect(`/organisations/${scope.organisation.code}/programmes/${scope.programme.code}/findings?recomputed=${result.findings.length}`, 303)
  })

  app.get(`${PROGRAMME}/findings/:finding`, async (c) => renderFinding(c, undefined, c.req.query('saved') ? 'Your decision has been recorded.' : undefined))

  app.post(`${PROGRAMME}/findings/:finding/decision`, async (c) => {
    const form = await formOf(c)
    try {
      await decide(scopedDeps(c), actorOf(c), await scopeOf(c), idFrom(c.req.param('finding'), 'finding'), { action: (form.action ?? 'confirm') as 'confirm', statement: form.statement, classification: form.classification, reason: form.reason ?? '' })
    } catch (error) {
      return renderFinding(c, problemFrom(error, 'reason'), undefined, 400)
    }
    return c.redirect(`${c.req.path.replace(/\/decision$/, '')}?saved=1`, 303)
  })

  app.get(`${PROGRAMME}/links`, async (c) => renderLinks(c, undefined, c.req.query('saved') ? 'Saved. Work the findings out again to use the change.' : undefined))

  app.post(`${PROGRAMME}/links`, async (c) => {
    const form = await formOf(c)
    try {
      await addLink(scopedDeps(c), actorOf(c), await scopeOf(c), form.measure ?? '', Number(form.theme))
    } catch (error) {
      if (error instanceof AppError && (error.code === 'invalid_request' || error.code === 'not_found')) return renderLinks(c, { field: 'measure', message: error.message }, undefined, 400)
      throw error
    }
    return c.redirect(`${c.req.path}?saved=1`, 303)
  })

  app.post(`${PROGRAMME}/links/remove`, async (c) => {
    const form = await formOf(c)
    if (!form.measure || !Number.isInteger(Number(form.theme))) throw new AppError('invalid_request', 'The form does not say which link to remove. Go back and choose one.')
    await removeLink(scopedDeps(c), actorOf(c), await scopeOf(c), form.measure ?? '', Number(form.theme))
    return c.redirect(`${c.req.path.replace(/\/remove$/, '')}?saved=1`, 303)
  })
}

function filterOf(c: Context): FindingFilter {
  const status = c.req.query('status')
  const classification = c.req.query('classification')
  const convergence = c.req.query('convergence')
  return {
    ...(status && ['proposed', 'confirmed', 'edited', 'rejected'].includes(status) ? { status: status as FindingFilter['status'] } : {}),
    ...(classification && CLASSIFICATIONS.some((x) => x.value === classification) ? { classification: classification as Classification } : {}),
    ...(convergence && ['agreement', 'partial_agreement', 'dissonance', 'silence'].includes(convergence) ? { convergence: convergence as Convergence } : {}),
  }
}


async function renderFinding(c: Context, problem: FormProblem | undefined, done: string | undefined, status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const scope = await scopeOf(c)
  const finding = await getFinding(deps, scope, idFrom(c.req.param('finding'), 'finding'))
  const role = accessOf(c).role
  const quotes = can(role, 'read_text') ? await findingQuotes(deps, actorOf(c), scope, finding) : null
  return c.html(<FindingPage scope={scope} finding={finding} quotes={quotes} canDecide={can(role, 'lead')} canRecordDecision={can(role, 'decide')} problem={problem} done={done} />, status)
}

async function renderLinks(c: Context, problem: FormProblem | undefined, done: string | undefined, status: 200 | 400 = 200) {
  const scope = await scopeOf(c)
  return c.html(<LinksPage scope={scope} view={await linkView(scopedDeps(c), scope)} canEdit={can(accessOf(c).role, 'analyse')} problem={problem} done={done} />, status)
}
