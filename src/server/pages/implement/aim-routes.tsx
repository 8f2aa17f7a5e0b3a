/** Aim and driver diagram pages: read the aim and diagram; leads change the aim and edit the drivers as a list. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getAim, setAim } from '../../../app/implement/aim.ts'
import { addDriver, editDriver, getDriverDiagram, removeDriver } from '../../../app/implement/drivers.ts'
import { amountForForm, amountFromForm } from '../../../app/implement/fields.ts'
import { descendantsOf } from '../../../app/implement/driver-rules.ts'
import { can } from '../../../core/access.ts'
import { AppError, invalidField } from '../../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { formOf } from '../form-body.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { AimFormPage } from './aim-form-page.tsx'
import { AimPage } from './aim-page.tsx'
import { DriverPage, type DriverForm } from './driver-page.tsx'
import { DriverRemovePage } from './driver-remove-page.tsx'
import type { FormValues } from './form-parts.tsx'
import { aimPath, driverPath } from './implement-paths.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'
const SAVED: Readonly<Record<string, string>> = { aim: 'The aim has been saved.', added: 'Added.', moved: 'Moved.', removed: 'Removed.', saved: 'Saved.' }
const CODES = ['invalid_request', 'conflict'] as const

export function aimPageRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/aim`, async (c) => renderAim(c, undefined, {}, 200, SAVED[c.req.query('saved') ?? '']))

  app.get(`${PROGRAMME}/aim/edit`, async (c) => {
    const aim = await getAim(scopedDeps(c), await scopeOf(c))
    const kind = aim.measure?.kind ?? 'count'
    return renderAimForm(c, { statement: aim.statement, measure: aim.measure?.code ?? '', baseline: amountForForm(aim.baseline, kind), target: amountForForm(aim.target, kind), by: aim.by ?? '', version: String(aim.version) })
  })

  app.post(`${PROGRAMME}/aim`, async (c) => {
    const form = await formOf(c)
    const deps = scopedDeps(c)
    const scope = await scopeOf(c)
    try {
      const { measures } = await getDriverDiagram(deps, scope)
      const kind = measures.find((m) => m.code === form.measure)?.kind ?? 'count'
      const version = Number(form.version)
      if (!Number.isInteger(version) || version <= 0) throw invalidField('statement', 'The form does not say which version of the aim it started from. Open the aim again and make your change there.')
      await setAim(deps, actorOf(c), scope, version, { statement: form.statement ?? '', measure: form.measure || null, baseline: amountFromForm('baseline', 'the starting value', form.baseline, kind), target: amountFromForm('target', 'the value aimed for', form.target, kind), by: form.by || null })
    } catch (error) {
      const problem = problemFrom(error, 'statement', CODES)
      return renderAimForm(c, form, problem, error instanceof AppError && error.code === 'conflict' ? 409 : 400)
    }
    return c.redirect(`${aimPath(scope)}?saved=aim`, 303)
  })

  app.post(`${PROGRAMME}/drivers`, async (c) => {
    const form = await formOf(c)
    const scope = await scopeOf(c)
    const parent = form.parent ? idFrom(form.parent, 'driver') : null
    const title = parent === null ? form.title : form['child-title']
    const description = parent === null ? form.description : form['child-description']
    try {
      await addDriver(scopedDeps(c), actorOf(c), scope, { kind: form.kind ?? '', parentId: parent, title: title ?? '', description })
    } catch (error) {
      const problem = problemFrom(error, 'title', CODES)
      if (parent === null) return renderAim(c, problem, form, 400)
      const field = { title: 'child-title', description: 'child-description', parent: 'child-title' }[problem.field] ?? problem.field
      return renderDriver(c, parent, { problem: { ...problem, field }, form: 'add', values: form }, 400)
    }
    return c.redirect(parent === null ? `${aimPath(scope)}?saved=added#drivers` : `${driverPath(scope, parent)}?saved=added`, 303)
  })

  app.get(`${PROGRAMME}/drivers/:driver`, async (c) => renderDriver(c, idFrom(c.req.param('driver'), 'driver'), { done: SAVED[c.req.query('saved') ?? ''] }))

  app.post(`${PROGRAMME}/drivers/:driver`, async (c) => driverChange(c, 'edit', (form) => ({ title: form.title ?? '', description: form.description ?? '' })))
  app.post(`${PROGRAMME}/drivers/:driver/measures`, async (c) => driverChange(c, 'link', (form) => ({ link: [form.measure ?? ''] })))
  app.post(`${PROGRAMME}/drivers/:driver/measures/remove`, async (c) => driverChange(c, 'link', (form) => ({ unlink: [form.measure ?? ''] })))

  app.post(`${PROGRAMME}/drivers/:driver/move`, async (c) => {
    const form = await formOf(c)
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('driver'), 'driver')
    try {
      if (form.move !== 'up' && form.move !== 'down') throw invalidField('move', `Say which way to move it: up or down${form.move ? ` (not "${form.move.slice(0, 20)}")` : ''}.`)
      await editDriver(scopedDeps(c), actorOf(c), scope, id, { move: form.move })
    } catch (error) {
      return renderAim(c, { ...problemFrom(error, 'move', CODES), field: `driver-${id}` }, {}, 400)
    }
    return c.redirect(`${aimPath(scope)}?saved=moved#driver-${id}`, 303)
  })

  app.get(`${PROGRAMME}/drivers/:driver/remove`, async (c) => renderRemove(c, undefined, 200))

  app.post(`${PROGRAMME}/drivers/:driver/remove`, async (c) => {
    const form = await formOf(c)
    const scope = await scopeOf(c)
    if (form.confirm !== 'yes') return renderRemove(c, { field: 'confirm', message: 'Tick the box to confirm that everything under it is removed too, or cancel.' }, 400)
    await removeDriver(scopedDeps(c), actorOf(c), scope, idFrom(c.req.param('driver'), 'driver'), true)
    return c.redirect(`${aimPath(scope)}?saved=removed#drivers`, 303)
  })
}

async function driverChange(c: Context, which: DriverForm, edit: (form: FormValues) => Parameters<typeof editDriver>[4]) {
  const form = await formOf(c)
  const scope = await scopeOf(c)
  const id = idFrom(c.req.param('driver'), 'driver')
  try {
    await editDriver(scopedDeps(c), actorOf(c), scope, id, edit(form))
  } catch (error) {
    return renderDriver(c, id, { problem: problemFrom(error, which === 'edit' ? 'title' : 'measure', CODES), form: which, values: form }, 400)
  }
  return c.redirect(`${driverPath(scope, id)}?saved=saved`, 303)
}

async function renderAim(c: Context, problem: FormProblem | undefined, values: FormValues, status: 200 | 400, done?: string) {
  const scope = await scopeOf(c)
  const diagram = await getDriverDiagram(scopedDeps(c), scope)
  return c.html(<AimPage scope={scope} diagram={diagram} canEdit={can(accessOf(c).role, 'lead')} problem={problem} values={values} done={done} />, status)
}

async function renderAimForm(c: Context, values: FormValues, problem?: FormProblem, status: 200 | 400 | 409 = 200) {
  const scope = await scopeOf(c)
  const { measures } = await getDriverDiagram(scopedDeps(c), scope)
  return c.html(<AimFormPage scope={scope} measures={measures} values={values} problem={problem} />, status)
}

async function renderDriver(c: Context, id: number, view: { problem?: FormProblem; form?: DriverForm; values?: FormValues; done?: string | undefined }, status: 200 | 400 = 200) {
  const scope = await scopeOf(c)
  const diagram = await getDriverDiagram(scopedDeps(c), scope)
  const driver = diagram.drivers.find((d) => d.id === id)
  if (!driver) throw new AppError('not_found', `No driver ${id} in ${scope.programme.name}.`)
  return c.html(<DriverPage scope={scope} diagram={diagram} driver={driver} problem={view.problem} form={view.form} values={view.values ?? {}} done={view.done} />, status)
}

async function renderRemove(c: Context, problem: FormProblem | undefined, status: 200 | 400) {
  const scope = await scopeOf(c)
  const id = idFrom(c.req.param('driver'), 'driver')
  const { drivers } = await getDriverDiagram(scopedDeps(c), scope)
  const driver = drivers.find((d) => d.id === id)
  if (!driver) throw new AppError('not_found', `No driver ${id} in ${scope.programme.name}.`)
  return c.html(<DriverRemovePage scope={scope} driver={driver} under={descendantsOf(drivers, id)} problem={problem} />, status)
}
