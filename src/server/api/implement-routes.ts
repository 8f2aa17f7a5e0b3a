/** The implement stage over the API: the aim and driver diagram, actions, their predictions and PDSA cycles. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getProgrammeScope, type ProgrammeScope } from '../../app/catalogue.ts'
import type { AppDeps } from '../../app/deps.ts'
import { getAim, setAim } from '../../app/implement/aim.ts'
import { createAction, editAction, getActionDetail, listProgrammeActions } from '../../app/implement/actions.ts'
import { startCycle, updateCycle } from '../../app/implement/cycles.ts'
import { addDriver, editDriver, getDriverDiagram, removeDriver, type DriverView } from '../../app/implement/drivers.ts'
import { addPrediction, removePrediction } from '../../app/implement/predictions.ts'
import { AimInputSchema, AimSchema, ActionEditSchema, ActionInputSchema, ActionSchema, ActionsSchema, CycleEditSchema, CycleInputSchema, CycleSchema, CyclesSchema, DriverDiagramSchema, DriverEditSchema, DriverInputSchema, DriverSchema, PredictionInputSchema, PredictionSchema } from '../../contract/implement.ts'
import { ProblemSchema } from '../../contract/problem.ts'
import { AppError } from '../../core/errors.ts'
import { actorOf, scopedDeps } from '../access/request-context.ts'
import { json, problems, ProgrammeParams } from './params.ts'

const tags = ['Implement']
const PROGRAMME = '/api/v1/organisations/{org}/programmes/{programme}'
const id = (name: string) => z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name, in: 'path' } })
const DriverParams = ProgrammeParams.extend({ driver: id('driver') })
const ActionParams = ProgrammeParams.extend({ action: id('action') })
const PredictionParams = ActionParams.extend({ prediction: id('prediction') })
const CycleParams = ActionParams.extend({ cycle: id('cycle').openapi({ description: 'The cycle’s number within the action (1, 2, …)' }) })
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } })
const conflict = { 409: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'The change conflicts with what is stored (a stale version, or a PDSA rule)' } } as const

async function scoped(c: Context): Promise<{ deps: AppDeps; scope: ProgrammeScope }> {
  const deps = scopedDeps(c)
  return { deps, scope: await getProgrammeScope(deps, c.req.param('org') ?? '', c.req.param('programme') ?? '') }
}

export function implementApiRoutes(app: OpenAPIHono): void {
  aimAndDriverRoutes(app)
  actionRoutes(app)
  cycleRoutes(app)
}

function aimAndDriverRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/aim`, tags, summary: 'The programme’s aim: statement, measure, from what value to what value, by when', request: { params: ProgrammeParams }, responses: { 200: json(AimSchema, 'The aim'), ...problems } }), async (c) => {
    const { deps, scope } = await scoped(c)
    return c.json(await getAim(deps, scope), 200)
  })

  app.openapi(
    createRoute({ method: 'put', path: `${PROGRAMME}/aim`, tags, summary: 'Set the aim, naming the version you started from (a stale version gets 409)', request: { params: ProgrammeParams, ...body(AimInputSchema) }, responses: { 200: json(AimSchema, 'The aim as saved'), ...problems, ...conflict } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      const { version, ...input } = c.req.valid('json')
      return c.json(await setAim(deps, actorOf(c), scope, version, input), 200)
    },
  )

  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/drivers`, tags, summary: 'The driver diagram: the aim, then each driver followed by what is under it', request: { params: ProgrammeParams }, responses: { 200: json(DriverDiagramSchema, 'The driver diagram'), ...problems } }), async (c) => {
    const { deps, scope } = await scoped(c)
    const { aim, drivers } = await getDriverDiagram(deps, scope)
    return c.json({ aim, drivers: drivers.map(driverOutput) }, 200)
  })

  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/drivers`, tags, summary: 'Add a primary driver (parentId null), a secondary driver under a primary, or a change idea under a secondary or primary', request: { params: ProgrammeParams, ...body(DriverInputSchema) }, responses: { 201: json(DriverSchema, 'The new driver'), ...problems } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      return c.json(driverOutput(await addDriver(deps, actorOf(c), scope, c.req.valid('json'))), 201)
    },
  )

  app.openapi(
    createRoute({ method: 'patch', path: `${PROGRAMME}/drivers/{driver}`, tags, summary: 'Rename or describe a driver, move it up or down among its siblings, link or unlink measures', request: { params: DriverParams, ...body(DriverEditSchema) }, responses: { 200: json(DriverSchema, 'The driver'), ...problems } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      return c.json(driverOutput(await editDriver(deps, actorOf(c), scope, c.req.valid('param').driver, c.req.valid('json'))), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${PROGRAMME}/drivers/{driver}`,
      tags,
      summary: 'Remove a driver; one with drivers or change ideas under it only with ?withChildren=true (409 otherwise), and they go too',
      request: { params: DriverParams, query: z.object({ withChildren: z.enum(['true', 'false']).optional() }) },
      responses: { 200: json(z.object({ removed: z.number().int() }), 'How many drivers and change ideas were removed'), ...problems, ...conflict },
    }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      return c.json({ removed: await removeDriver(deps, actorOf(c), scope, c.req.valid('param').driver, c.req.valid('query').withChildren === 'true') }, 200)
    },
  )
}

function actionRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/actions`, tags, summary: 'Every action with its predictions and PDSA cycles, the latest change date first', request: { params: ProgrammeParams }, responses: { 200: json(ActionsSchema, 'Actions'), ...problems } }), async (c) => {
    const { deps, scope } = await scoped(c)
    return c.json({ actions: (await listProgrammeActions(deps, scope)).map(output) }, 200)
  })

  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/actions`, tags, summary: 'Start an action: what changes, from which decision, testing which change idea, owner, sites, change date, review date', request: { params: ProgrammeParams, ...body(ActionInputSchema) }, responses: { 201: json(ActionSchema, 'The new action'), ...problems } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      return c.json(output(await createAction(deps, actorOf(c), scope, c.req.valid('json'))), 201)
    },
  )

  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/actions/{action}`, tags, summary: 'One action with its predictions and PDSA cycles', request: { params: ActionParams }, responses: { 200: json(ActionSchema, 'The action'), ...problems } }), async (c) => {
    const { deps, scope } = await scoped(c)
    const action = await getActionDetail(deps, scope, c.req.valid('param').action)
    c.header('etag', `"${action.version}"`)
    return c.json(output(action), 200)
  })

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${PROGRAMME}/actions/{action}`,
      tags,
      summary: 'Change an action (status, dates, owner, sites…), naming the version you started from',
      description: 'Send `version` or `If-Match: "N"`. If the action changed since (another edit, or a PDSA act), nothing is written: 409.',
      request: { params: ActionParams, ...body(ActionEditSchema) },
      responses: { 200: json(ActionSchema, 'The action as saved'), ...problems, ...conflict, 428: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No version sent' } },
    }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      const { version: sent, ...edit } = c.req.valid('json')
      const version = sent ?? ifMatch(c.req.header('if-match'))
      if (version === undefined) throw new AppError('precondition_required', 'Say which version you are changing: send "version" in the body or an If-Match: "N" header (the version is in GET …/actions/ID).')
      const action = await editAction(deps, actorOf(c), scope, c.req.valid('param').action, version, edit)
      c.header('etag', `"${action.version}"`)
      return c.json(output(action), 200)
    },
  )

  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/actions/{action}/predictions`, tags, summary: 'Add a prediction: the measure that should move (primary) or is watched for harm (balancing), where, for whom, which way, how much, by when', request: { params: ActionParams, ...body(PredictionInputSchema) }, responses: { 201: json(PredictionSchema, 'The prediction'), ...problems } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      const { actionId: _action, ...prediction } = await addPrediction(deps, actorOf(c), scope, c.req.valid('param').action, c.req.valid('json'))
      return c.json(prediction, 201)
    },
  )

  app.openapi(createRoute({ method: 'delete', path: `${PROGRAMME}/actions/{action}/predictions/{prediction}`, tags, summary: 'Remove a prediction', request: { params: PredictionParams }, responses: { 204: { description: 'Removed' }, ...problems } }), async (c) => {
    const { deps, scope } = await scoped(c)
    const { action, prediction } = c.req.valid('param')
    await removePrediction(deps, actorOf(c), scope, action, prediction)
    return c.body(null, 204)
  })
}

function cycleRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/actions/{action}/cycles`, tags, summary: 'The action’s PDSA cycles in order', request: { params: ActionParams }, responses: { 200: json(CyclesSchema, 'Cycles'), ...problems } }), async (c) => {
    const { deps, scope } = await scoped(c)
    return c.json({ cycles: [...(await getActionDetail(deps, scope, c.req.valid('param').action)).cycles] }, 200)
  })

  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/actions/{action}/cycles`, tags, summary: 'Start the next PDSA cycle with its plan and the prediction written before it (409 while the previous cycle has no act)', request: { params: ActionParams, ...body(CycleInputSchema) }, responses: { 201: json(CycleSchema, 'The new cycle'), ...problems, ...conflict } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      return c.json(await startCycle(deps, actorOf(c), scope, c.req.valid('param').action, c.req.valid('json')), 201)
    },
  )

  app.openapi(
    createRoute({ method: 'patch', path: `${PROGRAMME}/actions/{action}/cycles/{cycle}`, tags, summary: 'Record what happened (do), the study and the act of a cycle; the prediction cannot change once what happened is recorded (409)', request: { params: CycleParams, ...body(CycleEditSchema) }, responses: { 200: json(CycleSchema, 'The cycle'), ...problems, ...conflict } }),
    async (c) => {
      const { deps, scope } = await scoped(c)
      const { action, cycle } = c.req.valid('param')
      return c.json(await updateCycle(deps, actorOf(c), scope, action, cycle, c.req.valid('json')), 200)
    },
  )
}

function driverOutput(d: DriverView) {
  return { ...d, measures: [...d.measures] }
}

function output(a: Awaited<ReturnType<typeof getActionDetail>>) {
  return { ...a, sites: [...a.sites], predictions: a.predictions.map(({ actionId: _a, ...p }) => p), cycles: [...a.cycles] }
}

function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  if (!match) throw new AppError('invalid_request', `If-Match: "${header.slice(0, 40)}" is not an action version (expected a number in quotes, such as "3").`)
  return Number(match[1])
}
