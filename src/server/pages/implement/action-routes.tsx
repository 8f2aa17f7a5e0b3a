/** Action pages: the list, starting an action (often from a decision), one action, and changing it with the version it started from. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { actionFormOptions } from '../../../app/implement/action-options.ts'
import { createAction, editAction, getActionDetail, listProgrammeActions, type ActionInput } from '../../../app/implement/actions.ts'
import type { ActionDetail } from '../../../app/implement/action-views.ts'
import { can } from '../../../core/access.ts'
import { AppError, invalidField } from '../../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { ActionFormPage } from './action-form-page.tsx'
import { ActionPage } from './action-page.tsx'
import { ActionsPage } from './actions-page.tsx'
import type { FormValues } from './form-parts.tsx'
import { actionPath } from './implement-paths.tsx'
import { formWithList } from './form-list.ts'

const PROGRAMME = '/organisations/:org/programmes/:programme'
const CODES = ['invalid_request', 'conflict'] as const
const SAVED: Readonly<Record<string, string>> = {
  created: 'The action has started. Now add what it should move: its predictions.',
  changed: 'The action has been saved.',
  predicted: 'The prediction has been added.',
  removed: 'The prediction has been removed.',
}

export function actionPageRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/actions`, async (c) => {
    const scope = await scopeOf(c)
    const deps = scopedDeps(c)
    return c.html(<ActionsPage scope={scope} actions={await listProgrammeActions(deps, scope)} canEdit={can(accessOf(c).role, 'lead')} today={todayOf(c)} />)
  })

  // Registered before …/actions/new so that /actions/new reaches that route (whose permission the access check applies).
  app.get(`${PROGRAMME}/actions/:action`, async (c, next) => {
    if (c.req.param('action') === 'new') return next()
    return renderAction(c, undefined, undefined, 200, SAVED[c.req.query('saved') ?? ''])
  })

  app.get(`${PROGRAMME}/actions/new`, async (c) => {
    const decision = c.req.query('decision')
    const options = await actionFormOptions(scopedDeps(c), await scopeOf(c))
    if (decision && !options.decisions.some((d) => String(d.id) === decision)) throw new AppError('not_found', `No decision "${decision.slice(0, 20)}" in this programme to start an action from.`)
    return renderForm(c, undefined, { decision: decision ?? '', startDate: todayOf(c), status: 'planned' }, [])
  })

  app.post(`${PROGRAMME}/actions`, async (c) => {
    const { form, list } = await formWithList(c, 'sites')
    const scope = await scopeOf(c)
    let created: ActionDetail
    try {
      created = await createAction(scopedDeps(c), actorOf(c), scope, actionInput(form, list))
    } catch (error) {
      return renderForm(c, undefined, form, list, problemFrom(error, 'title', CODES), 400)
    }
    return c.redirect(`${actionPath(scope, created.id)}?saved=created`, 303)
  })

  app.get(`${PROGRAMME}/actions/:action/edit`, async (c) => {
    const action = await getActionDetail(scopedDeps(c), await scopeOf(c), idFrom(c.req.param('action'), 'action'))
    const values = { title: action.title, description: action.description, decision: String(action.decision?.id ?? ''), changeIdea: String(action.changeIdea?.id ?? ''), owner: action.owner?.email ?? '', startDate: action.startDate, reviewDate: action.reviewDate ?? '', status: action.status, version: String(action.version) }
    return renderForm(c, action, values, action.sites.map((s) => s.code))
  })

  app.post(`${PROGRAMME}/actions/:action/edit`, async (c) => {
    const { form, list } = await formWithList(c, 'sites')
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('action'), 'action')
    try {
      const version = Number(form.version)
      if (!Number.isInteger(version) || version <= 0) throw invalidField('title', 'The form does not say which version of the action it started from. Open the action again and make your change there.')
      await editAction(scopedDeps(c), actorOf(c), scope, id, version, actionInput(form, list))
    } catch (error) {
      const problem = problemFrom(error, 'title', CODES)
      return renderForm(c, await getActionDetail(scopedDeps(c), scope, id), form, list, problem, error instanceof AppError && error.code === 'conflict' ? 409 : 400)
    }
    return c.redirect(`${actionPath(scope, id)}?saved=changed`, 303)
  })
}

function actionInput(form: FormValues, sites: readonly string[]): ActionInput {
  return {
    title: form.title ?? '',
    description: form.description ?? '',
    decision: optionalId('decision', 'decision', form.decision),
    changeIdea: optionalId('changeIdea', 'change idea', form.changeIdea),
    owner: form.owner || null,
    sites,
    startDate: form.startDate ?? '',
    reviewDate: form.reviewDate || null,
    status: form.status || 'planned',
  }
}

function optionalId(field: string, what: string, text: string | undefined): number | null {
  if (text === undefined || text === '') return null
  const id = Number(text)
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw invalidField(field, `"${text.slice(0, 20)}" is not a ${what} of this programme: choose one from the list, or none.`, text)
  return id
}

/** Today in the server clock's calendar (UTC), as an ISO date. */
export function todayOf(c: Context): string {
  return scopedDeps(c).clock().toISOString().slice(0, 10)
}

async function renderForm(c: Context, action: ActionDetail | undefined, values: FormValues, sites: readonly string[], problem?: FormProblem, status: 200 | 400 | 409 = 200) {
  const scope = await scopeOf(c)
  const options = await actionFormOptions(scopedDeps(c), scope)
  return c.html(<ActionFormPage scope={scope} options={options} action={action} values={values} sites={sites} problem={problem} />, status)
}

/** The action page, with a refused "start a cycle" form when there is one. */
export async function renderAction(c: Context, problem: FormProblem | undefined, values: FormValues | undefined, status: 200 | 400 | 409, done?: string) {
  const scope = await scopeOf(c)
  const action = await getActionDetail(scopedDeps(c), scope, idFrom(c.req.param('action'), 'action'))
  return c.html(<ActionPage scope={scope} action={action} canEdit={can(accessOf(c).role, 'lead')} today={todayOf(c)} done={done} problem={problem} values={values} />, status)
}
