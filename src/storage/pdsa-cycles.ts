/**
 * Plan-Do-Study-Act cycles of an action, numbered 1, 2, 3… in the order they were started: the plan
 * and the prediction written before the cycle, what happened (do), the data compared with the
 * prediction (study), and the decision (act: adopt, adapt or abandon) with the day it finished.
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, PdsaAct, PdsaCyclesTable } from './schema.ts'

export type { PdsaAct }

export interface CycleRow {
  readonly id: number
  readonly actionId: number
  readonly number: number
  readonly plan: string
  /** Written before the cycle started. */
  readonly prediction: string
  readonly doNotes: string
  readonly studyNotes: string
  readonly act: PdsaAct | null
  readonly actNotes: string
  readonly startedOn: string
  readonly finishedOn: string | null
  readonly createdBy: string
  readonly createdAt: string
}

/** What may change on a stored cycle. */
export type CycleFields = Pick<CycleRow, 'plan' | 'prediction' | 'doNotes' | 'studyNotes' | 'act' | 'actNotes' | 'startedOn' | 'finishedOn'>

function toCycle(r: Selectable<PdsaCyclesTable>): CycleRow {
  return {
    id: r.id,
    actionId: r.action_id,
    number: r.number,
    plan: r.plan,
    prediction: r.prediction,
    doNotes: r.do_notes,
    studyNotes: r.study_notes,
    act: r.act,
    actNotes: r.act_notes,
    startedOn: r.started_on,
    finishedOn: r.finished_on,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  }
}

/** The cycles of the given actions, by action, then number. */
export async function listCycles(db: Kysely<Database>, organisationId: number, actionIds: readonly number[]): Promise<CycleRow[]> {
  if (actionIds.length === 0) return []
  const rows = await db.selectFrom('pdsa_cycles').selectAll().where('organisation_id', '=', organisationId).where('action_id', 'in', [...actionIds]).orderBy('action_id').orderBy('number').execute()
  return rows.map(toCycle)
}

export interface NewCycle {
  readonly actionId: number
  readonly number: number
  readonly plan: string
  readonly prediction: string
  readonly startedOn: string
}

export async function insertCycle(db: Kysely<Database>, organisationId: number, cycle: NewCycle, createdBy: string, at: Date): Promise<number> {
  const row = await db
    .insertInto('pdsa_cycles')
    .values({ organisation_id: organisationId, action_id: cycle.actionId, number: cycle.number, plan: cycle.plan, prediction: cycle.prediction, started_on: cycle.startedOn, created_by: createdBy, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateCycle(db: Kysely<Database>, organisationId: number, id: number, c: CycleFields): Promise<boolean> {
  const result = await db
    .updateTable('pdsa_cycles')
    .set({ plan: c.plan, prediction: c.prediction, do_notes: c.doNotes, study_notes: c.studyNotes, act: c.act, act_notes: c.actNotes, started_on: c.startedOn, finished_on: c.finishedOn })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
