/**
 * Decision log pages: the log (`view`), one decision (`view`), recording a decision and changing
 * one as a new version (`decide`). `/decisions/new` is registered after `/decisions/:decision`,
 * whose handler passes "new" on, so the access middleware (which reads the last matching route)
 * asks for `decide` there.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { getDecision, listProgrammeDecisions, parseDecisionFilter } from '../../../app/decide/decisions.ts'
import { lessonsFor } from '../../../app/decide/find-lessons.ts'
import { getMeeting } from '../../../app/decide/meetings.ts'
import { listPeopleOf, personView } from '../../../app/decide/people.ts'
import { createDecision, reviseDecision } from '../../../app/decide/record-decision.ts'
import { listProgrammeFindings } from '../../../app/triangulate/findings.ts'
import { can } from '../../../core/access.ts'
import { AppError } from '../../../core/errors.ts'
import { accessOf, actorOf, identityOf, scopedDeps } from '../../access/request-context.ts'
import type { FormProblem } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { decisionPath } from './decide-paths.ts'
import type { DecisionForm } from './decision-fields.tsx'
import { ChangeDecisionPage, NewDecisionPage } from './decision-form-page.tsx'
import { DecisionPage } from './decision-page.tsx'
import { DecisionsPage } from './decisions-page.tsx'
import { problemsFrom } from './form-problems.tsx'
import { formValuesOf, type FormValues } from './form-values.ts'

const PROGRAMME = '/organisations/:org/programmes/:programme'
const positive = (values: readonly string[]) => [...new Set(values.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647))]

function formFrom(values: FormValues): DecisionForm {
  const text = (name: string) => values.text(name) ?? ''
  return { title: text('title'), rationale: text('rationale'), optionsConsidered: text('optionsConsidered'), optionChosen: text('optionChosen'), label: text('label'), owner: text('owner'), reviewDate: text('reviewDate'), findings: positive(values.list('findings')), lessons: positive(values.list('lessons')) }
}

function inputOf(form: DecisionForm) {
  return { ...form, findings: form.findings, lessons: form.lessons, reviewDate: form.reviewDate.trim() === '' ? null : form.reviewDate }
}

export function decisionPageRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/decisions`, async (c) => {
    const scope = await scopeOf(c)
    const filter = parseDecisionFilter({ q: c.req.query('q'), label: c.req.query('label'), review: c.req.query('review') })
    const decisions = await listProgrammeDecisions(scopedDeps(c), scope, filter)
    return c.html(<DecisionsPage scope={scope} decisions={decisions} filter={filter} canDecide={can(accessOf(c).role, 'decide')} />)
  })

  app.get(`${PROGRAMME}/decisions/:decision`, async (c, next) => {
    if (c.req.param('decision') === 'new') return next()
    const scope = await scopeOf(c)
    const decision = await getDecision(scopedDeps(c), scope, idFrom(c.req.param('decision'), 'decision'))
    const done = c.req.query('saved') === 'created' ? 'The decision has been recorded.' : c.req.query('saved') === 'changed' ? `Saved as version ${decision.current.version}.` : undefined
    return c.html(<DecisionPage scope={scope} decision={decision} canDecide={can(accessOf(c).role, 'decide')} canLead={can(accessOf(c).role, 'lead')} done={done} />)
  })

  app.get(`${PROGRAMME}/decisions/new`, async (c) => {
    const scope = await scopeOf(c)
    const meetingParam = c.req.query('meeting')
    const meeting = meetingParam === undefined || meetingParam === '' ? undefined : await getMeeting(scopedDeps(c), scope, idFrom(meetingParam, 'meeting'))
    const findings = [...new Set([...positive(c.req.queries('finding') ?? []), ...(meeting?.agenda.map((f) => f.id) ?? [])])]
    const owner = identityOf(c)?.user.email ?? ''
    const form: DecisionForm = { title: '', rationale: '', optionsConsidered: '', optionChosen: '', label: '', owner, reviewDate: '', findings, lessons: [] }
    return renderNew(c, scope, form, meeting?.id, [])
  })

  app.post(`${PROGRAMME}/decisions`, async (c) => {
    const values = await formValuesOf(c)
    const form = formFrom(values)
    const scope = await scopeOf(c)
    const meeting = values.text('meeting')
    try {
      const decision = await createDecision(scopedDeps(c), actorOf(c), scope, { ...inputOf(form), meeting })
      return c.redirect(`${decisionPath(scope, decision.id)}?saved=created`, 303)
    } catch (error) {
      const problems = problemsFrom(error, 'title', ['invalid_request'])
      return renderNew(c, scope, form, meeting === undefined || meeting === '' || problems.some((p) => p.field === 'meeting') ? undefined : Number(meeting), problems, 400)
    }
  })

  app.get(`${PROGRAMME}/decisions/:decision/change`, async (c) => {
    const scope = await scopeOf(c)
    const decision = await getDecision(scopedDeps(c), scope, idFrom(c.req.param('decision'), 'decision'))
    const v = decision.current
    const form: DecisionForm = { title: v.title, rationale: v.rationale, optionsConsidered: v.optionsConsidered.join('\n'), optionChosen: v.optionChosen, label: v.label, owner: v.owner?.email ?? '', reviewDate: v.reviewDate ?? '', findings: v.findings, lessons: v.lessons }
    return renderChange(c, scope, decision.id, form, { fromVersion: v.version, reason: '', stale: false }, [])
  })

  app.post(`${PROGRAMME}/decisions/:decision/versions`, async (c) => {
    const values = await formValuesOf(c)
    const form = formFrom(values)
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('decision'), 'decision')
    const reason = values.text('reason') ?? ''
    const fromVersion = values.text('fromVersion') ?? ''
    try {
      await reviseDecision(scopedDeps(c), actorOf(c), scope, id, { ...inputOf(form), reason, fromVersion })
    } catch (error) {
      const stale = error instanceof AppError && error.code === 'conflict'
      const problems = problemsFrom(error, 'reason')
      return renderChange(c, scope, id, form, { fromVersion: stale ? undefined : Number(fromVersion) || undefined, reason, stale }, problems, stale ? 409 : 400)
    }
    return c.redirect(`${decisionPath(scope, id)}?saved=changed`, 303)
  })
}

async function formLists(c: Context, scope: ProgrammeScope, form: DecisionForm, exclude?: number) {
  const deps = scopedDeps(c)
  const all = await listProgrammeFindings(deps, scope, { old: true })
  const findings = all.filter((f) => f.current || form.findings.includes(f.id))
  const people = (await listPeopleOf(deps, scope.organisation.id)).map(personView)
  const lessons = await lessonsFor(deps, scope, form.findings, { exclude })
  return { findings, people, lessons }
}

async function renderNew(c: Context, scope: ProgrammeScope, form: DecisionForm, meetingId: number | undefined, problems: readonly FormProblem[], status: 200 | 400 = 200) {
  const meeting = meetingId === undefined ? undefined : await getMeeting(scopedDeps(c), scope, meetingId)
  return c.html(<NewDecisionPage scope={scope} form={form} meeting={meeting} problems={problems} {...await formLists(c, scope, form)} />, status)
}

interface ChangeState {
  /** The version the form starts from; undefined: the one in force now. */
  readonly fromVersion: number | undefined
  readonly reason: string
  readonly stale: boolean
}

async function renderChange(c: Context, scope: ProgrammeScope, id: number, form: DecisionForm, state: ChangeState, problems: readonly FormProblem[], status: 200 | 400 | 409 = 200) {
  const decision = await getDecision(scopedDeps(c), scope, id)
  const fromVersion = state.fromVersion ?? decision.current.version
  return c.html(
    <ChangeDecisionPage scope={scope} decision={id} current={decision.current} fromVersion={fromVersion} reason={state.reason} stale={state.stale} lessonTitles={decision.lessonTitles} form={form} problems={problems} {...await formLists(c, scope, form, id)} />,
    status,
  )
}
