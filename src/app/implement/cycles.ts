/**
 * PDSA cycles under an action: start one (plan and prediction written before it), record what
 * happened, the study and the act. The rules are in pdsa-rules.ts; here each change runs in one
 * transaction that holds the action's row, moves its status with the cycle and writes the audit entry.
 */
import { AppError } from '../../core/errors.ts'
import { listActions, lockAction, setActionStatus } from '../../storage/actions.ts'
import { insertCycle, listCycles, updateCycle as saveCycle, type CycleFields, type CycleRow } from '../../storage/pdsa-cycles.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { cycleView, type CycleView } from './action-views.ts'
import { checkChoice, checkDate, checkText } from './fields.ts'
import { loopTarget } from './measure-ref.ts'
import { changeProblem, nextCycleNumber, startProblem, statusAfterChange, PDSA_ACTS, STATUS_WHILE_RUNNING } from './pdsa-rules.ts'

export interface CycleInput {
  readonly plan: string
  /** What you expect to happen, written before the cycle starts. */
  readonly prediction: string
  readonly startedOn: string
}

export interface CycleEdit {
  readonly plan?: string | undefined
  readonly prediction?: string | undefined
  readonly doNotes?: string | undefined
  readonly studyNotes?: string | undefined
  /** adopt, adapt, abandon, or null to take the act back (latest cycle only). */
  readonly act?: string | null | undefined
  readonly actNotes?: string | undefined
  readonly startedOn?: string | undefined
  readonly finishedOn?: string | null | undefined
}

/** A refusal by the cycle rules: 409 when the chain's state forbids it, naming the field. */
function ruleError(problem: { field: string; message: string }): AppError {
  return new AppError('conflict', problem.message, [{ severity: 'error', code: 'pdsa_rule', message: problem.message, column: problem.field }])
}

/** Start the action's next cycle (only when the previous one has its act); the action is then in progress. */
export async function startCycle(deps: AppDeps, actor: Actor, scope: ProgrammeScope, actionId: number, input: CycleInput): Promise<CycleView> {
  const plan = checkText('plan', 'the plan', input.plan, 5000)
  const prediction = checkText('prediction', 'the prediction', input.prediction, 2000)
  const startedOn = checkDate('startedOn', 'the date the cycle starts', input.startedOn)!
  return inTransaction(deps, async (tx) => {
    const { action, cycles } = await lockedChain(tx, scope, actionId)
    const problem = startProblem(cycles)
    if (problem) throw ruleError(problem)
    const number = nextCycleNumber(cycles)
    const id = await insertCycle(tx.store.db, scope.organisation.id, { actionId, number, plan, prediction, startedOn }, actor.name, tx.clock())
    if (action.status !== STATUS_WHILE_RUNNING) await setActionStatus(tx.store.db, scope.organisation.id, actionId, STATUS_WHILE_RUNNING)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'pdsa.start', target: loopTarget(scope, `action:${actionId}/cycle:${number}`), before: { status: action.status }, after: { number, plan, prediction, startedOn, status: STATUS_WHILE_RUNNING } }, tx.store.db)
    return cycleView((await listCycles(tx.store.db, scope.organisation.id, [actionId])).find((c) => c.id === id)!)
  })
}

/** Change cycle `number` of the action: record what happened, the study, the act (or edit the plan and, before what happened is recorded, the prediction). */
export async function updateCycle(deps: AppDeps, actor: Actor, scope: ProgrammeScope, actionId: number, number: number, edit: CycleEdit): Promise<CycleView> {
  return inTransaction(deps, async (tx) => {
    const { action, cycles } = await lockedChain(tx, scope, actionId)
    const cycle = cycles.find((c) => c.number === number)
    if (!cycle) throw new AppError('not_found', `Action ${actionId} has no PDSA cycle ${number}.`)
    if (Object.values(edit).every((v) => v === undefined)) throw new AppError('invalid_request', 'Say what to change: one or more of plan, prediction, doNotes, studyNotes, act, actNotes, startedOn, finishedOn.')
    const next = checkEdit(cycle, edit)
    const latest = cycles.at(-1)?.id === cycle.id
    const problem = changeProblem(cycle, next, latest)
    if (problem) throw ruleError(problem)
    await saveCycle(tx.store.db, scope.organisation.id, cycle.id, next)
    const status = latest && next.act !== cycle.act ? statusAfterChange(next) : action.status
    if (status !== action.status) await setActionStatus(tx.store.db, scope.organisation.id, actionId, status)
    const changed = (Object.keys(next) as (keyof CycleFields)[]).filter((k) => next[k] !== cycle[k])
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'pdsa.update', target: loopTarget(scope, `action:${actionId}/cycle:${cycle.number}`), before: { ...pick(cycle, changed), status: action.status }, after: { ...pick(next, changed), status } }, tx.store.db)
    return cycleView({ ...cycle, ...next })
  })
}

async function lockedChain(tx: AppDeps, scope: ProgrammeScope, actionId: number) {
  const [action] = await listActions(tx.store.db, scope.organisation.id, scope.programme.id, actionId)
  if (!action || !(await lockAction(tx.store.db, scope.organisation.id, actionId))) throw new AppError('not_found', `No action ${actionId} in ${scope.programme.name}.`)
  return { action, cycles: await listCycles(tx.store.db, scope.organisation.id, [actionId]) }
}

function checkEdit(cycle: CycleRow, edit: CycleEdit): CycleFields {
  const text = (field: keyof CycleEdit & keyof CycleRow, label: string, max: number, optional: boolean): string => (edit[field] === undefined ? (cycle[field] as string) : checkText(field, label, edit[field] as string, max, optional))
  return {
    plan: text('plan', 'the plan', 5000, false),
    prediction: text('prediction', 'the prediction', 2000, false),
    doNotes: text('doNotes', 'what happened', 5000, true),
    studyNotes: text('studyNotes', 'the study', 5000, true),
    act: edit.act === undefined ? cycle.act : edit.act === null || edit.act === '' ? null : checkChoice('act', 'an act', edit.act, PDSA_ACTS),
    actNotes: text('actNotes', 'the notes on the act', 2000, true),
    startedOn: edit.startedOn === undefined ? cycle.startedOn : checkDate('startedOn', 'the date the cycle started', edit.startedOn)!,
    finishedOn: edit.finishedOn === undefined ? cycle.finishedOn : checkDate('finishedOn', 'the date the cycle finished', edit.finishedOn, true),
  }
}

function pick<T extends object>(from: T, keys: readonly PropertyKey[]): Partial<T> {
  return Object.fromEntries(Object.entries(from).filter(([k]) => keys.includes(k))) as Partial<T>
}
