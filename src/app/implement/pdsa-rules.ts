/**
 * The rules of a chain of Plan-Do-Study-Act cycles, pure: a cycle's prediction is written before
 * the cycle and cannot change once what happened (do) is recorded; the next cycle starts only when
 * the previous one has its act; the act sets the action's status, and a new cycle sets it back to
 * in progress. Each refusal names the field it is about.
 */
import type { ActionStatus } from '../../storage/actions.ts'
import type { PdsaAct } from '../../storage/pdsa-cycles.ts'

export const PDSA_ACTS: readonly PdsaAct[] = ['adopt', 'adapt', 'abandon']

export const ACT_LABELS: Readonly<Record<PdsaAct, string>> = { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' }

/** The status a cycle's act gives its action. */
export const STATUS_AFTER_ACT: Readonly<Record<PdsaAct, ActionStatus>> = { adopt: 'adopted', adapt: 'adapted', abandon: 'abandoned' }

/** The status of an action while a cycle runs. */
export const STATUS_WHILE_RUNNING: ActionStatus = 'in_progress'

export interface CycleState {
  readonly number: number
  readonly prediction: string
  readonly doNotes: string
  readonly act: PdsaAct | null
  readonly startedOn: string
  readonly finishedOn: string | null
}

export interface CycleChange {
  readonly prediction: string
  readonly doNotes: string
  readonly act: PdsaAct | null
  readonly startedOn: string
  readonly finishedOn: string | null
}

export interface RuleProblem {
  readonly field: string
  readonly message: string
}

/** The number the next cycle of an action gets (1 for the first). */
export function nextCycleNumber(cycles: readonly Pick<CycleState, 'number'>[]): number {
  return cycles.reduce((max, c) => Math.max(max, c.number), 0) + 1
}

/** Why a new cycle cannot start after `cycles` (in number order), or undefined when it can. */
export function startProblem(cycles: readonly CycleState[]): RuleProblem | undefined {
  const last = cycles.at(-1)
  if (last === undefined || last.act !== null) return undefined
  return { field: 'plan', message: `Cycle ${last.number} has no act yet: record whether to adopt, adapt or abandon the change before starting cycle ${last.number + 1}.` }
}

/** Why `change` cannot be made to `cycle` (`latest`: no cycle follows it), or undefined when it can. */
export function changeProblem(cycle: CycleState, change: CycleChange, latest: boolean): RuleProblem | undefined {
  if (change.prediction !== cycle.prediction && (cycle.doNotes !== '' || change.doNotes !== '')) {
    return { field: 'prediction', message: `The prediction of cycle ${cycle.number} cannot change once what happened is recorded: it was written before the cycle so the study can compare with it. Start a new cycle with a new prediction instead.` }
  }
  if (change.act !== cycle.act && !latest) return { field: 'act', message: `Cycle ${cycle.number} is followed by cycle ${cycle.number + 1}, so its act can no longer change.` }
  if (change.act !== null && change.finishedOn === null) return { field: 'finishedOn', message: `Enter the date cycle ${cycle.number} finished, to record its act.` }
  if (change.finishedOn !== null && change.finishedOn < change.startedOn) return { field: 'finishedOn', message: `The date cycle ${cycle.number} finished (${change.finishedOn}) is before the date it started (${change.startedOn}): it must be on or after it.` }
  return undefined
}

/** The status the action should have after `change` to its latest cycle. */
export function statusAfterChange(change: Pick<CycleChange, 'act'>): ActionStatus {
  return change.act === null ? STATUS_WHILE_RUNNING : STATUS_AFTER_ACT[change.act]
}
