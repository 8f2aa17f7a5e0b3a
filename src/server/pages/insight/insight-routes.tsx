/** A programme's insight pages: the overview, the staff note form, events and interviews. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { listSites } from '../../../app/catalogue.ts'
import { insightOverview, listProgrammeEvents } from '../../../app/insight/insight-overview.ts'
import { FEEDBACK_FHIR_QUESTIONNAIRE, importInsights } from '../../../app/insight/import-insights.ts'
import { storedFileName } from '../../../app/gather/import-file.ts'
import { InsightImportPage } from './insight-import-page.tsx'
import { recordEvent, recordStaffInsight, type StaffNoteKind } from '../../../app/insight/record-insight.ts'
import { AppError } from '../../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { scopeOf } from '../programme-scope.ts'
import { formOf } from '../form-body.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { EventsPage, type EventValues } from './events-page.tsx'
import { feedbackUrl } from './feedback-routes.tsx'
import { insightHref } from './insight-nav.tsx'
import { InsightOverviewPage } from './insight-overview-page.tsx'
import { StaffNotePage, type StaffNoteValues } from './staff-note-page.tsx'

export const INSIGHT = '/organisations/:org/programmes/:programme/insight'

export function insightPageRoutes(app: OpenAPIHono): void {
  app.get(INSIGHT, async (c) => {
    const overview = await insightOverview(scopedDeps(c), c.req.param('org') ?? '', c.req.param('programme') ?? '')
    return c.html(<InsightOverviewPage overview={overview} role={accessOf(c).role} formUrl={feedbackUrl(c, overview.scope.organisation.code, overview.scope.programme.code)} />)
  })

  app.get(`${INSIGHT}/staff`, async (c) => renderStaff(c, {}, undefined, c.req.query('saved') === '1' ? 'Your note has been saved.' : undefined))

  app.post(`${INSIGHT}/staff`, async (c) => {
    const form = await formOf(c)
    const values: StaffNoteValues = { kind: form.kind ?? 'observation', text: form.text ?? '', site: form.site ?? '', date: form.date ?? '', tags: form.tags ?? '' }
    try {
      const scope = await scopeOf(c)
      await recordStaffInsight(scopedDeps(c), actorOf(c), scope, { kind: values.kind as StaffNoteKind, text: values.text ?? '', site: values.site ?? '', date: values.date ?? '', tags: (values.tags ?? '').split(/[,;]/) })
    } catch (error) {
      return renderStaff(c, values, fieldProblem(error), undefined, 400)
    }
    return c.redirect(`${insightHref(c.req.param('org') ?? '', c.req.param('programme') ?? '')}/staff?saved=1`, 303)
  })

  app.get(`${INSIGHT}/import`, async (c) => c.html(<InsightImportPage scope={await scopeOf(c)} role={accessOf(c).role} />))

  app.post(`${INSIGHT}/import`, async (c) => {
    const scope = await scopeOf(c)
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const file = body.file
    const role = accessOf(c).role
    if (!(file instanceof File) || file.size === 0) return c.html(<InsightImportPage scope={scope} role={role} problem={{ field: 'file', message: 'Choose a file to import.' }} />, 400)
    try {
      const report = await importInsights(scopedDeps(c), actorOf(c), scope, file.name, new Uint8Array(await file.arrayBuffer()))
      return c.html(<InsightImportPage scope={scope} role={role} fileName={storedFileName(file.name)} report={report} />, report.importId === null ? 400 : 200)
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_request') return c.html(<InsightImportPage scope={scope} role={role} problem={{ field: 'file', message: error.message }} />, 400)
      throw error
    }
  })

  app.get(`${INSIGHT}/questionnaire.json`, (c) => c.json(FEEDBACK_FHIR_QUESTIONNAIRE, 200, { 'Content-Type': 'application/fhir+json; charset=utf-8' }))

  app.get(`${INSIGHT}/events`, async (c) => renderEvents(c, {}, undefined, c.req.query('saved') ? `Saved, split into ${Number(c.req.query('saved')) || 0} excerpts.` : undefined))

  app.post(`${INSIGHT}/events`, async (c) => {
    const form = await formOf(c)
    const values: EventValues = { kind: form.kind ?? 'event', title: form.title ?? '', runBy: form.runBy ?? '', place: form.place ?? '', site: form.site ?? '', date: form.date ?? '', groups: form.groups ?? '', notes: form.notes ?? '' }
    let excerpts = 0
    try {
      const scope = await scopeOf(c)
      // The use case refuses a kind other than these two, naming the field.
      const result = await recordEvent(scopedDeps(c), actorOf(c), scope, { kind: values.kind as 'event' | 'interview', title: values.title ?? '', runBy: values.runBy ?? '', place: values.place ?? '', site: values.site ?? '', date: values.date ?? '', groups: (values.groups ?? '').split(/[,;]/), notes: values.notes ?? '' })
      excerpts = result.excerpts
    } catch (error) {
      return renderEvents(c, values, fieldProblem(error), undefined, 400)
    }
    return c.redirect(`${insightHref(c.req.param('org') ?? '', c.req.param('programme') ?? '')}/events?saved=${excerpts}`, 303)
  })
}


function today(c: Context): string {
  return scopedDeps(c).clock().toISOString().slice(0, 10)
}

async function renderStaff(c: Context, values: StaffNoteValues, problem: FormProblem | undefined, done: string | undefined, status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const scope = await scopeOf(c)
  const sites = await listSites(deps, scope.organisation.code)
  return c.html(<StaffNotePage scope={scope} role={accessOf(c).role} sites={sites.filter((s) => s.kind !== 'network')} today={today(c)} values={values} problem={problem} done={done} />, status)
}

async function renderEvents(c: Context, values: EventValues, problem: FormProblem | undefined, done: string | undefined, status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const scope = await scopeOf(c)
  const [sites, events] = await Promise.all([listSites(deps, scope.organisation.code), listProgrammeEvents(deps, scope)])
  return c.html(<EventsPage scope={scope} role={accessOf(c).role} sites={sites.filter((s) => s.kind !== 'network')} events={events} today={today(c)} values={values} problem={problem} done={done} />, status)
}

/** The field a refusal is about (from its issue's column; a missing site is the site field), or rethrow anything that is not the user's mistake. */
function fieldProblem(error: unknown): FormProblem {
  if (error instanceof AppError && error.code === 'not_found' && error.message.startsWith('No site')) return { field: 'site', message: error.message }
  return problemFrom(error, 'text')
}
