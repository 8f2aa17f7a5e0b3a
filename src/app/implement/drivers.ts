/**
 * The driver diagram: primary drivers under the aim, secondary drivers under a primary, change ideas
 * under a secondary (or straight under a primary), each linked to measures of the programme. Every
 * change is one transaction with its audit entry.
 */
import { AppError, invalidField } from '../../core/errors.ts'
import { deleteDriver, insertDriver, linkDriverMeasure, listDrivers, setDriverOrder, unlinkDriverMeasure, updateDriver, type DriverKind, type DriverRow } from '../../storage/drivers.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { listProgrammeMeasures, type MeasureRow, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { getAim, type AimView } from './aim.ts'
import { checkChoice, checkText } from './fields.ts'
import { loopTarget, measureRef, type MeasureRef } from './measure-ref.ts'
import { descendantsOf, parentProblem, treeOrder, DRIVER_KINDS, KIND_LABELS } from './driver-rules.ts'

export type { DriverKind }
export { DRIVER_KINDS, KIND_LABELS }

export interface DriverView {
  readonly id: number
  readonly parentId: number | null
  readonly kind: DriverKind
  readonly title: string
  readonly description: string
  /** 0 for a primary driver, 1 under it, 2 under that. */
  readonly depth: number
  readonly measures: readonly MeasureRef[]
}

export interface DriverDiagram {
  readonly aim: AimView
  /** Depth first: each driver followed by what is under it, siblings in their order. */
  readonly drivers: readonly DriverView[]
  /** The programme's measures, which a driver may be linked to. */
  readonly measures: readonly MeasureRef[]
}

export interface DriverInput {
  readonly kind: string
  readonly parentId: number | null
  readonly title: string
  readonly description?: string | undefined
}

export interface DriverEdit {
  readonly title?: string | undefined
  readonly description?: string | undefined
  /** Move one place up or down among its siblings. */
  readonly move?: 'up' | 'down' | undefined
  /** Measure codes to link and to unlink. */
  readonly link?: readonly string[] | undefined
  readonly unlink?: readonly string[] | undefined
}

export async function getDriverDiagram(deps: AppDeps, scope: ProgrammeScope): Promise<DriverDiagram> {
  const [aim, rows, measures] = await Promise.all([getAim(deps, scope), listDrivers(deps.store.db, scope.organisation.id, scope.programme.id), listProgrammeMeasures(deps, scope)])
  return { aim, drivers: views(rows, measures), measures: measures.map(measureRef) }
}

export async function getDriver(deps: AppDeps, scope: ProgrammeScope, id: number): Promise<DriverView> {
  const { drivers } = await getDriverDiagram(deps, scope)
  const driver = drivers.find((d) => d.id === id)
  if (!driver) throw new AppError('not_found', `No driver ${id} in ${scope.programme.name}.`)
  return driver
}

/** Add a driver under the aim (primary) or under a driver (secondary, change idea); it goes after its siblings. */
export async function addDriver(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: DriverInput): Promise<DriverView> {
  const kind = checkChoice('kind', 'a kind of driver', input.kind, DRIVER_KINDS)
  const title = checkText('title', 'the title', input.title, 200)
  const description = checkText('description', 'the description', input.description, 2000, true)
  return inTransaction(deps, async (tx) => {
    const rows = await listDrivers(tx.store.db, scope.organisation.id, scope.programme.id)
    const parent = input.parentId === null ? null : rows.find((r) => r.id === input.parentId)
    if (parent === undefined) throw invalidField('parent', `No driver ${input.parentId} in ${scope.programme.name} to put it under.`)
    const problem = parentProblem(kind, parent?.kind ?? null)
    if (problem) throw invalidField('parent', problem)
    const id = await insertDriver(tx.store.db, scope.organisation.id, scope.programme.id, { parentId: parent?.id ?? null, kind, title, description })
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'driver.add', target: loopTarget(scope, `driver:${id}`), after: { kind, parentId: parent?.id ?? null, title, description } }, tx.store.db)
    return getDriver(tx, scope, id)
  })
}

/** Rename or describe a driver, move it among its siblings, link or unlink measures: one change, one audit entry. */
export async function editDriver(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, edit: DriverEdit): Promise<DriverView> {
  if (Object.values(edit).every((v) => v === undefined || (Array.isArray(v) && v.length === 0))) throw new AppError('invalid_request', 'Say what to change: one or more of title, description, move, link, unlink.')
  const title = edit.title === undefined ? undefined : checkText('title', 'the title', edit.title, 200)
  const description = edit.description === undefined ? undefined : checkText('description', 'the description', edit.description, 2000, true)
  return inTransaction(deps, async (tx) => {
    const [rows, measures] = await Promise.all([listDrivers(tx.store.db, scope.organisation.id, scope.programme.id), listProgrammeMeasures(tx, scope)])
    const before = rows.find((r) => r.id === id)
    if (!before) throw new AppError('not_found', `No driver ${id} in ${scope.programme.name}.`)
    const org = scope.organisation.id
    if (title !== undefined || description !== undefined) await updateDriver(tx.store.db, org, id, { title: title ?? before.title, description: description ?? before.description })
    if (edit.move) await move(tx, org, rows, before, edit.move)
    for (const code of edit.link ?? []) await linkDriverMeasure(tx.store.db, org, id, measureOf(measures, code, scope).id)
    for (const code of edit.unlink ?? []) await unlinkDriverMeasure(tx.store.db, org, id, measureOf(measures, code, scope).id)
    const after = await getDriver(tx, scope, id)
    await audit(tx, actor, { organisationId: org, action: 'driver.update', target: loopTarget(scope, `driver:${id}`), before: { ...summary(views([before], measures)[0]!), position: before.position }, after: { ...summary(after), ...(edit.move ? { moved: edit.move } : {}) } }, tx.store.db)
    return after
  })
}

/** Remove a driver and everything under it; with things under it, only when `withChildren` says so (`conflict` otherwise). Returns how many were removed. */
export async function removeDriver(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, withChildren: boolean): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const [rows, measures] = await Promise.all([listDrivers(tx.store.db, scope.organisation.id, scope.programme.id), listProgrammeMeasures(tx, scope)])
    const driver = rows.find((r) => r.id === id)
    if (!driver) throw new AppError('not_found', `No driver ${id} in ${scope.programme.name}.`)
    const under = descendantsOf(rows, id)
    if (under.length > 0 && !withChildren) throw new AppError('conflict', `"${driver.title}" has ${under.length} item${under.length === 1 ? '' : 's'} under it. Confirm that they go too (withChildren=true), or move them first.`)
    await deleteDriver(tx.store.db, scope.organisation.id, id)
    const removed = views([driver, ...under], measures).map(summary)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'driver.remove', target: loopTarget(scope, `driver:${id}`), before: { removed } }, tx.store.db)
    return removed.length
  })
}

async function move(tx: AppDeps, organisationId: number, rows: readonly DriverRow[], driver: DriverRow, direction: 'up' | 'down'): Promise<void> {
  const siblings = rows.filter((r) => r.parentId === driver.parentId).map((r) => r.id)
  const from = siblings.indexOf(driver.id)
  const to = direction === 'up' ? from - 1 : from + 1
  if (to < 0 || to >= siblings.length) throw invalidField('move', `"${driver.title}" is already the ${direction === 'up' ? 'first' : 'last'} of its level, so it cannot move ${direction}.`)
  siblings[from] = siblings[to]!
  siblings[to] = driver.id
  await setDriverOrder(tx.store.db, organisationId, siblings)
}

function measureOf(measures: readonly MeasureRow[], code: string, scope: ProgrammeScope): MeasureRow {
  const measure = measures.find((m) => m.code === code)
  if (!measure) throw invalidField('measure', `"${code.slice(0, 60)}" is not a measure of ${scope.programme.name} (expected one of ${measures.map((m) => m.code).join(', ')}).`, code)
  return measure
}

function views(rows: readonly DriverRow[], measures: readonly MeasureRow[]): DriverView[] {
  return treeOrder(rows).map(({ row, depth }) => ({
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    depth,
    measures: row.measureIds.flatMap((mid) => measures.filter((m) => m.id === mid).map(measureRef)),
  }))
}

function summary(d: DriverView) {
  return { id: d.id, kind: d.kind, parentId: d.parentId, title: d.title, description: d.description, measures: d.measures.map((m) => m.code) }
}
