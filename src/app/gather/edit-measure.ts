/**
 * Editing a measure's definition with optimistic concurrency: the edit names the version it was
 * made from; if someone changed the measure since, nothing is written and the caller is told the
 * current version (409), so no one silently overwrites another person's change.
 */
import { DIRECTIONS } from '../../core/model.ts'
import { AppError } from '../../core/errors.ts'
import { numberRangeProblem, textCharacterProblem } from '../../ingest/index.ts'
import { findMeasure, updateMeasureIfVersion, type MeasureEdit, type MeasureRow } from '../../storage/measures.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getMeasure, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export type { MeasureEdit }

export class VersionConflict extends AppError {
  readonly current: MeasureRow
  constructor(current: MeasureRow, sent: number) {
    super('conflict', `Measure ${current.code} was changed by someone else since you opened it (you sent version ${sent}; it is now version ${current.version}). Nothing was saved: reload it, then make your change again.`)
    this.current = current
  }
}

export async function editMeasure(deps: AppDeps, actor: Actor, scope: ProgrammeScope, code: string, version: number, edit: MeasureEdit): Promise<MeasureRow> {
  checkEdit(edit)
  return deps.store.db.transaction().execute(async (trx) => {
    const tx = { ...deps, store: { ...deps.store, db: trx } }
    const before = await getMeasure(tx, scope, code)
    const after = await updateMeasureIfVersion(trx, before.id, scope.organisation.id, version, edit)
    if (!after) throw new VersionConflict((await findMeasure(trx, scope.organisation.id, scope.programme.id, code)) ?? before, version)
    const changed = Object.keys(edit) as (keyof MeasureEdit)[]
    await audit(
      deps,
      actor,
      {
        organisationId: scope.organisation.id,
        action: 'measure.update',
        target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}/measure:${code}`,
        before: Object.fromEntries([...changed.map((k) => [k, before[k]]), ['version', before.version]]),
        after: Object.fromEntries([...changed.map((k) => [k, after[k]]), ['version', after.version]]),
      },
      trx,
    )
    return after
  })
}

function checkEdit(edit: MeasureEdit): void {
  if (Object.keys(edit).length === 0) throw new AppError('invalid_request', 'Say what to change: one or more of name, description, direction, target, unit, numeratorDefinition, denominatorDefinition.')
  if (edit.name !== undefined && edit.name.trim() === '') throw new AppError('invalid_request', 'A measure needs a name.')
  if (edit.direction !== undefined && !DIRECTIONS.includes(edit.direction)) throw new AppError('invalid_request', `"${String(edit.direction)}" is not a direction (expected ${DIRECTIONS.join(', ')}).`)
  if (edit.target !== undefined && edit.target !== null) {
    const problem = Number.isFinite(edit.target) ? numberRangeProblem(edit.target) : 'not a finite number'
    if (problem) throw new AppError('invalid_request', `The target ${edit.target} is ${problem} (expected a number between -1e15 and 1e15, and not smaller than 1e-300 in size unless it is 0; or null for none).`)
  }
  for (const field of ['name', 'description', 'unit', 'numeratorDefinition', 'denominatorDefinition'] as const) {
    const value = edit[field]
    const problem = typeof value === 'string' ? textCharacterProblem(value) : undefined
    if (problem) throw new AppError('invalid_request', `The ${field} ${problem}; remove it and send the change again.`)
  }
}
