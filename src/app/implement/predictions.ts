/**
 * An action's predictions: the measure that should move (primary) or is watched for harm
 * (balancing), at which site (or the whole organisation), for which community group (or all
 * people), which way, by how much (optional) and by when. The review engine checks them.
 */
import { AppError, invalidField } from '../../core/errors.ts'
import type { MeasureKind } from '../../core/model.ts'
import { deletePrediction, insertPrediction, listActions, listPredictions, lockAction } from '../../storage/actions.ts'
import { listSeries } from '../../storage/observations.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { MeasureRow, ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { loadLoopContext, predictionView, type LoopContext, type PredictionView } from './action-views.ts'
import { checkChoice, checkDate, checkOrder } from './fields.ts'
import { loopTarget } from './measure-ref.ts'

export const ROLES = ['primary', 'balancing'] as const
export const ROLE_LABELS = { primary: 'Should move', balancing: 'Watch for harm' } as const

export interface PredictionInput {
  readonly role: string
  /** The measure's code. */
  readonly measure: string
  /** A site's code; empty or absent: the whole organisation. */
  readonly site?: string | null | undefined
  /** Both empty or absent: all people. */
  readonly dimension?: string | null | undefined
  readonly group?: string | null | undefined
  /** For a balancing measure, the harmful direction. */
  readonly direction: string
  /** In the measure's stored units (a proportion as a fraction); null for none. */
  readonly expectedSize?: number | null | undefined
  readonly byDate?: string | null | undefined
}

export interface GroupOption {
  readonly dimension: string
  readonly group: string
}

/** The community groups (dimension and group) the measure's observations have, in order. */
export async function measureGroups(deps: AppDeps, scope: ProgrammeScope, measure: MeasureRow): Promise<GroupOption[]> {
  const series = await listSeries(deps.store.db, scope.organisation.id, measure.id)
  const seen = new Map<string, GroupOption>()
  for (const s of series) if (s.dimension !== '') seen.set(`${s.dimension}\u0000${s.group}`, { dimension: s.dimension, group: s.group })
  return [...seen.values()].sort((a, b) => a.dimension.localeCompare(b.dimension) || a.group.localeCompare(b.group, 'en', { numeric: true }))
}

/** The direction a prediction form starts with: the better way for a primary measure, the worse way for a balancing one (increase when neither is better). */
export function defaultDirection(role: 'primary' | 'balancing', measureDirection: 'increase' | 'decrease' | 'neutral'): 'increase' | 'decrease' {
  if (measureDirection === 'neutral') return 'increase'
  if (role === 'primary') return measureDirection
  return measureDirection === 'increase' ? 'decrease' : 'increase'
}

export async function addPrediction(deps: AppDeps, actor: Actor, scope: ProgrammeScope, actionId: number, input: PredictionInput): Promise<PredictionView> {
  const role = checkChoice('role', 'a role (should move, or watch for harm)', input.role, ROLES)
  return inTransaction(deps, async (tx) => {
    const [action] = await listActions(tx.store.db, scope.organisation.id, scope.programme.id, actionId)
    if (!action) throw new AppError('not_found', `No action ${actionId} in ${scope.programme.name}.`)
    const ctx = await loadLoopContext(tx, scope)
    const measure = ctx.measures.find((m) => m.code === input.measure)
    if (!measure) throw invalidField('measure', input.measure ? `"${input.measure.slice(0, 60)}" is not a measure of ${scope.programme.name} (expected one of ${ctx.measures.map((m) => m.code).join(', ')}).` : 'Choose the measure.', input.measure)
    const site = siteOf(ctx, scope, input.site)
    const group = await checkGroup(tx, scope, measure, input.dimension, input.group)
    const direction = checkChoice('direction', role === 'primary' ? 'the expected direction' : 'the harmful direction', input.direction, ['increase', 'decrease'] as const)
    const expectedSize = checkSize(input.expectedSize ?? null, measure.kind)
    const byDate = checkDate('byDate', 'the date it should show by', input.byDate, true)
    checkOrder('byDate', { label: `the change date`, date: action.startDate }, { label: 'the date it should show by', date: byDate })
    const id = await insertPrediction(tx.store.db, scope.organisation.id, { actionId, role, measureId: measure.id, siteId: site.id, ...group, direction, expectedSize, byDate })
    if (id === undefined) throw invalidField('measure', `This action already predicts ${measure.name} at ${site.name}${group.dimension ? ` for ${group.dimension} ${group.group}` : ''} as "${role === 'primary' ? 'should move' : 'watch for harm'}". Remove that prediction first to change it.`)
    const [row] = await listPredictions(tx.store.db, scope.organisation.id, { actionIds: [actionId] }).then((rows) => rows.filter((r) => r.id === id))
    const view = predictionView(row!, ctx)!
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'prediction.add', target: loopTarget(scope, `action:${actionId}/prediction:${id}`), after: summary(view) }, tx.store.db)
    return view
  })
}

export async function removePrediction(deps: AppDeps, actor: Actor, scope: ProgrammeScope, actionId: number, id: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    if (!(await lockAction(tx.store.db, scope.organisation.id, actionId)) || (await listActions(tx.store.db, scope.organisation.id, scope.programme.id, actionId)).length === 0) throw new AppError('not_found', `No action ${actionId} in ${scope.programme.name}.`)
    const ctx = await loadLoopContext(tx, scope)
    const row = (await listPredictions(tx.store.db, scope.organisation.id, { actionIds: [actionId] })).find((p) => p.id === id)
    if (!row) throw new AppError('not_found', `Action ${actionId} has no prediction ${id}.`)
    await deletePrediction(tx.store.db, scope.organisation.id, actionId, id)
    const before = predictionView(row, ctx)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'prediction.remove', target: loopTarget(scope, `action:${actionId}/prediction:${id}`), before: before ? summary(before) : { id } }, tx.store.db)
  })
}

function siteOf(ctx: LoopContext, scope: ProgrammeScope, code: string | null | undefined) {
  const wanted = code === null || code === undefined || code === '' ? scope.organisation.code : code
  const site = ctx.sites.find((s) => s.code === wanted)
  if (!site) throw invalidField('site', `No site "${wanted.slice(0, 60)}" in ${scope.organisation.name} (expected one of ${ctx.sites.map((s) => s.code).join(', ')}, or none for the whole organisation).`, wanted)
  return site
}

async function checkGroup(deps: AppDeps, scope: ProgrammeScope, measure: MeasureRow, dimension: string | null | undefined, group: string | null | undefined): Promise<GroupOption> {
  const d = (dimension ?? '').trim()
  const g = (group ?? '').trim()
  if (d === '' && g === '') return { dimension: '', group: '' }
  if (d === '' || g === '') throw invalidField('group', 'Give both the dimension and the group (for example imd_quintile and 1), or neither for all people.')
  const groups = await measureGroups(deps, scope, measure)
  if (!groups.some((o) => o.dimension === d && o.group === g)) {
    const known = groups.filter((o) => o.dimension === d).map((o) => o.group)
    throw invalidField('group', `${measure.name} has no data for the group "${g.slice(0, 40)}" of "${d.slice(0, 40)}" (${known.length > 0 ? `its groups of ${d} are ${known.join(', ')}` : `it has no data by ${d.slice(0, 40)}; its dimensions are ${[...new Set(groups.map((o) => o.dimension))].join(', ') || 'none'}`}).`, `${d}:${g}`)
  }
  return { dimension: d, group: g }
}

function checkSize(size: number | null, kind: MeasureKind): number | null {
  if (size === null) return null
  if (!Number.isFinite(size) || size <= 0) throw invalidField('expectedSize', `The expected size ${size} is not above zero: give how much it should change by as a positive number (the direction says which way), or leave it empty.`)
  if (kind === 'proportion' && size > 1) throw invalidField('expectedSize', `The expected size ${+(size * 100).toFixed(4)} percentage points is more than 100.`)
  if (size > 1e15) throw invalidField('expectedSize', `The expected size ${size} is too large.`)
  return size
}

function summary(p: PredictionView) {
  return { role: p.role, measure: p.measure.code, site: p.site.code, dimension: p.dimension, group: p.group, direction: p.direction, expectedSize: p.expectedSize, byDate: p.byDate }
}
