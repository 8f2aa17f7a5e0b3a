/**
 * Actions: the changes a decision yields, with owner, sites, change date, review date and status,
 * their predictions and PDSA cycles. A change names the version it started from (optimistic
 * concurrency) and is one transaction with its audit entry.
 */
import { AppError, invalidField } from '../../core/errors.ts'
import { insertAction, listActions, listPredictions, updateActionIfVersion, type ActionFields, type ActionRow } from '../../storage/actions.ts'
import { listCycles } from '../../storage/pdsa-cycles.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { actionView, cycleView, loadLoopContext, predictionView, ACTION_STATUSES, type ActionDetail, type LoopContext } from './action-views.ts'
import { checkChoice, checkDate, checkOrder, checkText } from './fields.ts'
import { loopTarget } from './measure-ref.ts'

export interface ActionInput {
  readonly title: string
  readonly description?: string | undefined
  /** The decision it comes from (an id), or null. */
  readonly decision?: number | null | undefined
  /** The change idea (a driver id) it tests, or null. */
  readonly changeIdea?: number | null | undefined
  /** The owner's email (a member of the organisation), or null. */
  readonly owner?: string | null | undefined
  /** Site codes; none: the whole organisation. */
  readonly sites?: readonly string[] | undefined
  readonly startDate: string
  readonly reviewDate?: string | null | undefined
  readonly status?: string | undefined
}

export type ActionEdit = { readonly [K in keyof ActionInput]?: ActionInput[K] | undefined }

/** Every action of the programme with its predictions and cycles, the latest change date first. */
export async function listProgrammeActions(deps: AppDeps, scope: ProgrammeScope): Promise<ActionDetail[]> {
  const [rows, ctx] = await Promise.all([listActions(deps.store.db, scope.organisation.id, scope.programme.id), loadLoopContext(deps, scope)])
  return details(deps, scope, rows, ctx)
}

/** One action with its decision, predictions (measure, site and group named) and PDSA cycles; `not_found` when the programme has none with that id. */
export async function getActionDetail(deps: AppDeps, scope: ProgrammeScope, id: number): Promise<ActionDetail> {
  const [rows, ctx] = await Promise.all([listActions(deps.store.db, scope.organisation.id, scope.programme.id, id), loadLoopContext(deps, scope)])
  const [detail] = await details(deps, scope, rows, ctx)
  if (!detail) throw new AppError('not_found', `No action ${id} in ${scope.programme.name}.`)
  return detail
}

async function details(deps: AppDeps, scope: ProgrammeScope, rows: readonly ActionRow[], ctx: LoopContext): Promise<ActionDetail[]> {
  const ids = rows.map((r) => r.id)
  const [predictions, cycles] = await Promise.all([listPredictions(deps.store.db, scope.organisation.id, { actionIds: ids }), listCycles(deps.store.db, scope.organisation.id, ids)])
  return rows.map((row) => ({
    ...actionView(row, ctx),
    predictions: predictions.filter((p) => p.actionId === row.id).flatMap((p) => predictionView(p, ctx) ?? []),
    cycles: cycles.filter((c) => c.actionId === row.id).map(cycleView),
  }))
}

export async function createAction(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: ActionInput): Promise<ActionDetail> {
  return inTransaction(deps, async (tx) => {
    const ctx = await loadLoopContext(tx, scope)
    const fields = checkAction(input, ctx, scope)
    const id = await insertAction(tx.store.db, scope.organisation.id, scope.programme.id, fields, actor.name, tx.clock())
    const after = await getActionDetail(tx, scope, id)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'action.create', target: loopTarget(scope, `action:${id}`), after: summary(after) }, tx.store.db)
    return after
  })
}

/** Change an action that is still at `version`; a stale version is refused with `conflict` and nothing is written. */
export async function editAction(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, version: number, edit: ActionEdit): Promise<ActionDetail> {
  return inTransaction(deps, async (tx) => {
    const [[row], ctx] = await Promise.all([listActions(tx.store.db, scope.organisation.id, scope.programme.id, id), loadLoopContext(tx, scope)])
    if (!row) throw new AppError('not_found', `No action ${id} in ${scope.programme.name}.`)
    const before = await getActionDetail(tx, scope, id)
    const fields = checkAction({ ...inputOf(before), ...definedOf(edit) }, ctx, scope, row)
    if (!(await updateActionIfVersion(tx.store.db, scope.organisation.id, id, version, fields))) throw staleAction(scope, id, version, row.version)
    const after = await getActionDetail(tx, scope, id)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'action.update', target: loopTarget(scope, `action:${id}`), before: summary(before), after: summary(after) }, tx.store.db)
    return after
  })
}

export function staleAction(scope: ProgrammeScope, id: number, sent: number, current: number): AppError {
  return new AppError('conflict', `Action ${id} in ${scope.programme.name} was changed by someone else since you opened it (you started from version ${sent}; it is now version ${current}). Nothing was saved: reload the page, then make your change again.`)
}

/**
 * Check the input against the programme and organisation. Of the `current` action, sites the actor
 * cannot see are kept, and so is an owner who has since left the organisation while unchanged.
 */
function checkAction(input: ActionInput, ctx: LoopContext, scope: ProgrammeScope, current?: ActionRow): ActionFields {
  const title = checkText('title', 'the title', input.title, 200)
  const description = checkText('description', 'the description', input.description, 5000, true)
  const decision = input.decision ?? null
  if (decision !== null && !ctx.decisions.some((d) => d.id === decision)) throw invalidField('decision', `No decision ${decision} in ${scope.programme.name}.`, String(decision))
  const driver = input.changeIdea ?? null
  if (driver !== null && !ctx.drivers.some((d) => d.id === driver && d.kind === 'change_idea')) throw invalidField('changeIdea', `${driver} is not a change idea in the driver diagram of ${scope.programme.name}: choose one of its change ideas, or none.`, String(driver))
  const email = (input.owner ?? '').trim().toLowerCase()
  const owner = email === '' ? null : email === current?.ownerEmail ? { id: current.ownerUserId } : ctx.people.find((p) => p.email === email)
  if (owner === undefined) throw invalidField('owner', `"${email.slice(0, 80)}" is not a member of ${scope.organisation.name}: choose the owner from its people.`, email)
  const siteIds = (input.sites ?? []).map((code) => {
    const site = ctx.sites.find((s) => s.code === code)
    if (!site) throw invalidField('sites', `No site "${code.slice(0, 60)}" in ${scope.organisation.name} (expected one of ${ctx.sites.filter((s) => s.kind !== 'system').map((s) => s.code).join(', ')}).`, code)
    return site
  }).filter((s) => s.kind !== 'system').map((s) => s.id)
  const hidden = (current?.siteIds ?? []).filter((id) => !ctx.sites.some((s) => s.id === id))
  const startDate = checkDate('startDate', 'the change date', input.startDate)!
  const reviewDate = checkDate('reviewDate', 'the review date', input.reviewDate, true)
  checkOrder('reviewDate', { label: 'the change date', date: startDate }, { label: 'the review date', date: reviewDate })
  const status = checkChoice('status', 'a status', input.status ?? 'planned', ACTION_STATUSES)
  return { title, description, decisionId: decision, driverId: driver, ownerUserId: owner?.id ?? null, status, startDate, reviewDate, siteIds: [...new Set([...siteIds, ...hidden])] }
}

function inputOf(a: ActionDetail): ActionInput {
  return { title: a.title, description: a.description, decision: a.decision?.id ?? null, changeIdea: a.changeIdea?.id ?? null, owner: a.owner?.email ?? null, sites: a.sites.map((s) => s.code), startDate: a.startDate, reviewDate: a.reviewDate, status: a.status }
}

function definedOf(edit: ActionEdit): Partial<ActionInput> {
  return Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) as Partial<ActionInput>
}

function summary(a: ActionDetail) {
  return { title: a.title, description: a.description, status: a.status, decision: a.decision?.id ?? null, changeIdea: a.changeIdea?.id ?? null, owner: a.owner?.email ?? null, sites: a.sites.map((s) => s.code), startDate: a.startDate, reviewDate: a.reviewDate, version: a.version }
}
