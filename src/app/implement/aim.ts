/**
 * A programme's aim: what it is trying to accomplish, on which measure, from what value to what
 * value, by when. Edits name the programme version they started from (optimistic concurrency).
 */
import { AppError, invalidField } from '../../core/errors.ts'
import { readAim, updateAimIfVersion, type AimRow } from '../../storage/drivers.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { listProgrammeMeasures, type MeasureRow, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { checkDate, checkText } from './fields.ts'
import { loopTarget, measureRef, type MeasureRef } from './measure-ref.ts'

export interface AimView {
  readonly statement: string
  readonly measure: MeasureRef | null
  /** In the measure's stored units (a proportion as a fraction 0–1). */
  readonly baseline: number | null
  readonly target: number | null
  readonly by: string | null
  readonly version: number
}

export interface AimInput {
  readonly statement: string
  /** The measure's code, or null for none. */
  readonly measure: string | null
  readonly baseline: number | null
  readonly target: number | null
  readonly by: string | null
}

function view(row: AimRow, measures: readonly MeasureRow[]): AimView {
  const measure = measures.find((m) => m.id === row.measureId)
  return { statement: row.statement, measure: measure ? measureRef(measure) : null, baseline: row.baseline, target: row.target, by: row.by, version: row.version }
}

export async function getAim(deps: AppDeps, scope: ProgrammeScope): Promise<AimView> {
  const row = await readAim(deps.store.db, scope.organisation.id, scope.programme.id)
  if (!row) throw new AppError('not_found', `No programme "${scope.programme.code}".`)
  return view(row, await listProgrammeMeasures(deps, scope))
}

/** Change the aim if the programme is still at `version`; a stale version is refused with `conflict`. */
export async function setAim(deps: AppDeps, actor: Actor, scope: ProgrammeScope, version: number, input: AimInput): Promise<AimView> {
  const measures = await listProgrammeMeasures(deps, scope)
  const statement = checkText('statement', 'the aim', input.statement, 1000)
  const measure = input.measure === null || input.measure === '' ? null : measures.find((m) => m.code === input.measure)
  if (measure === undefined) throw invalidField('measure', `"${String(input.measure).slice(0, 60)}" is not a measure of ${scope.programme.name} (expected one of ${measures.map((m) => m.code).join(', ')}).`, String(input.measure))
  for (const [field, value] of [['baseline', input.baseline], ['target', input.target]] as const) checkValue(field, value, measure)
  const by = checkDate('by', 'the date the aim should be met by', input.by, true)
  const aim = { statement, measureId: measure?.id ?? null, baseline: input.baseline, target: input.target, by }
  return inTransaction(deps, async (tx) => {
    const before = await getAim(tx, scope)
    const row = await updateAimIfVersion(tx.store.db, scope.organisation.id, scope.programme.id, version, aim)
    if (!row) throw new AppError('conflict', `The aim of ${scope.programme.name} was changed by someone else since you opened it (you started from version ${version}; it is now version ${before.version}). Nothing was saved: reload the page, then make your change again.`)
    const after = view(row, measures)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'aim.update', target: loopTarget(scope, 'aim'), before: summary(before), after: summary(after) }, tx.store.db)
    return after
  })
}

function checkValue(field: 'baseline' | 'target', value: number | null, measure: MeasureRow | null): void {
  const label = field === 'baseline' ? 'The starting value' : 'The value aimed for'
  if (value === null) return
  if (measure === null) throw invalidField(field, `${label} needs a measure: choose the aim's measure first.`)
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) throw invalidField(field, `${label} ${value} is not a number this measure can take.`)
  if (measure.kind === 'proportion' && (value < 0 || value > 1)) throw invalidField(field, `${label} ${+(value * 100).toFixed(4)}% is not a percentage between 0 and 100.`)
  if (measure.kind !== 'mean' && value < 0) throw invalidField(field, `${label} ${value} is below zero (expected a count or rate of 0 or more).`)
}

function summary(aim: AimView) {
  return { statement: aim.statement, measure: aim.measure?.code ?? null, baseline: aim.baseline, target: aim.target, by: aim.by, version: aim.version }
}
