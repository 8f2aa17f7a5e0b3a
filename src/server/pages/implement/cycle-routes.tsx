/** Prediction and PDSA cycle pages under an action: add or remove a prediction; start a cycle, record its stages. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { predictionFormOptions } from '../../../app/implement/action-options.ts'
import { getActionDetail } from '../../../app/implement/actions.ts'
import { startCycle, updateCycle, type CycleEdit } from '../../../app/implement/cycles.ts'
import { amountFromForm } from '../../../app/implement/fields.ts'
import { addPrediction, defaultDirection, removePrediction } from '../../../app/implement/predictions.ts'
import { can } from '../../../core/access.ts'
import { AppError, invalidField } from '../../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { formOf } from '../form-body.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { renderAction, todayOf } from './action-routes.tsx'
import { CyclePage, type CycleStep } from './cycle-page.tsx'
import type { FormValues } from './form-parts.tsx'
import { actionPath, cyclePath } from './implement-paths.tsx'
import { PredictionPage } from './prediction-page.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'
const ACTION = `${PROGRAMME}/actions/:action`
const CODES = ['invalid_request', 'conflict'] as const
const STEPS: Readonly<Record<CycleStep, readonly (keyof CycleEdit)[]>> = { plan: ['plan', 'prediction', 'startedOn'], do: ['doNotes'], study: ['studyNotes'], act: ['act', 'actNotes', 'finishedOn'] }
const SAVED: Readonly<Record<string, string>> = { started: 'The cycle has started.', plan: 'The plan has been saved.', do: 'What happened has been saved.', study: 'The study has been saved.', act: 'The act has been recorded, and the action’s status with it.' }
const statusOf = (error: unknown) => (error instanceof AppError && error.code === 'conflict' ? 409 : 400)

export function cyclePageRoutes(app: OpenAPIHono): void {
  app.get(`${ACTION}/predictions/new`, async (c) => renderPrediction(c, { role: c.req.query('role'), measure: c.req.query('measure') }, undefined, 200))

  app.post(`${ACTION}/predictions`, async (c) => {
    const form = await formOf(c)
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('action'), 'action')
    try {
      const options = await predictionFormOptions(scopedDeps(c), scope, form.measure)
      const kind = options.measures.find((m) => m.code === form.measure)?.kind ?? 'count'
      const [dimension, ...group] = (form.group ?? '').split(':')
      await addPrediction(scopedDeps(c), actorOf(c), scope, id, { role: form.role ?? '', measure: form.measure ?? '', site: form.site ?? '', dimension: dimension ?? '', group: group.join(':'), direction: form.direction ?? '', expectedSize: amountFromForm('expectedSize', 'the expected size', form.expectedSize, kind), byDate: form.byDate || null })
    } catch (error) {
      return renderPrediction(c, form, problemFrom(error, 'measure', CODES), 400)
    }
    return c.redirect(`${actionPath(scope, id)}?saved=predicted#predictions`, 303)
  })

  app.post(`${ACTION}/predictions/:prediction/remove`, async (c) => {
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('action'), 'action')
    await removePrediction(scopedDeps(c), actorOf(c), scope, id, idFrom(c.req.param('prediction'), 'prediction'))
    return c.redirect(`${actionPath(scope, id)}?saved=removed#predictions`, 303)
  })

  app.post(`${ACTION}/cycles`, async (c) => {
    const form = await formOf(c)
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('action'), 'action')
    let number: number
    try {
      number = (await startCycle(scopedDeps(c), actorOf(c), scope, id, { plan: form.plan ?? '', prediction: form.prediction ?? '', startedOn: form.startedOn ?? '' })).number
    } catch (error) {
      return renderAction(c, problemFrom(error, 'plan', CODES), form, statusOf(error))
    }
    return c.redirect(`${cyclePath(scope, id, number)}?saved=started`, 303)
  })

  app.get(`${ACTION}/cycles/:cycle`, async (c) => renderCycle(c, {}, 200, SAVED[c.req.query('saved') ?? '']))

  app.post(`${ACTION}/cycles/:cycle`, async (c) => {
    const form = await formOf(c)
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('action'), 'action')
    const number = idFrom(c.req.param('cycle'), 'cycle')
    const step = Object.hasOwn(STEPS, form.step ?? '') ? (form.step as CycleStep) : undefined
    try {
      if (step === undefined) throw invalidField('plan', 'The form does not say which stage of the cycle to record. Go back to the cycle and use one of its forms.')
      if (step === 'act' && !form.act) throw invalidField('act', 'Choose whether to adopt, adapt or abandon the change.')
      const edit = Object.fromEntries(STEPS[step].filter((key) => form[key] !== undefined).map((key) => [key, key === 'finishedOn' || key === 'act' ? form[key] || null : form[key]])) as CycleEdit
      await updateCycle(scopedDeps(c), actorOf(c), scope, id, number, edit)
    } catch (error) {
      return renderCycle(c, { problem: problemFrom(error, step === undefined ? 'plan' : STEPS[step][0]!, CODES), step, values: form }, statusOf(error))
    }
    return c.redirect(`${cyclePath(scope, id, number)}?saved=${step}`, 303)
  })
}

async function renderPrediction(c: Context, values: FormValues, problem: FormProblem | undefined, status: 200 | 400 | 409) {
  const scope = await scopeOf(c)
  const deps = scopedDeps(c)
  const action = await getActionDetail(deps, scope, idFrom(c.req.param('action'), 'action'))
  const options = await predictionFormOptions(deps, scope, values.measure)
  const measure = options.measures.find((m) => m.code === values.measure)
  const role = values.role === 'primary' || values.role === 'balancing' ? values.role : undefined
  const chooseProblem = !problem && values.measure !== undefined && !measure ? { field: 'measure', message: `"${values.measure.slice(0, 60)}" is not a measure of ${scope.programme.name}: choose one from the list.` } : problem
  const detailProblem = role && measure && chooseProblem && ['measure', 'role'].includes(chooseProblem.field) ? { ...chooseProblem, field: 'site' } : chooseProblem
  const shown = role && measure && !values.direction ? { ...values, direction: defaultDirection(role, measure.direction) } : values
  return c.html(<PredictionPage scope={scope} action={action} options={options} role={role} measure={measure} values={shown} problem={detailProblem} />, detailProblem && status === 200 ? 400 : status)
}

async function renderCycle(c: Context, view: { problem?: FormProblem; step?: CycleStep | undefined; values?: FormValues }, status: 200 | 400 | 409, done?: string) {
  const scope = await scopeOf(c)
  const action = await getActionDetail(scopedDeps(c), scope, idFrom(c.req.param('action'), 'action'))
  const number = idFrom(c.req.param('cycle'), 'cycle')
  const cycle = action.cycles.find((x) => x.number === number)
  if (!cycle) throw new AppError('not_found', `Action ${action.id} has no PDSA cycle ${number}.`)
  return c.html(<CyclePage scope={scope} action={action} cycle={cycle} canEdit={can(accessOf(c).role, 'lead')} today={todayOf(c)} done={done} problem={view.problem} step={view.step} values={view.values ?? {}} />, status)
}
