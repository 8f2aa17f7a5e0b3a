/**
 * The demo's scheduled briefing: Riverside's board gets the board briefing (internal, PDF) on the
 * first of each month. Nothing is sent at seeding time; the server's daily job sends it when due,
 * and "Send now" on the schedules page sends it at once. Seeding again adds nothing.
 */
import { insertBriefingSchedule } from '../../storage/briefing-schedules.ts'
import { findDecisionGroup } from '../../storage/decision-groups.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export const DEMO_SCHEDULE = { group: 'htn-board', kind: 'board', audience: 'internal', format: 'pdf', cadence: 'monthly', dayOfMonth: 1 } as const

/** True when the schedule was added (false when the programme has schedules already or the board is missing). */
export async function seedBriefingSchedule(deps: AppDeps, scope: Pick<ProgrammeScope, 'organisation' | 'programme'>): Promise<boolean> {
  const db = deps.store.db
  const existing = await db.selectFrom('briefing_schedules').select('id').where('organisation_id', '=', scope.organisation.id).where('programme_id', '=', scope.programme.id).executeTakeFirst()
  if (existing !== undefined) return false
  const group = await findDecisionGroup(db, scope.organisation.id, DEMO_SCHEDULE.group)
  if (group === undefined) return false
  const { kind, audience, format, cadence, dayOfMonth } = DEMO_SCHEDULE
  await insertBriefingSchedule(db, scope.organisation.id, { programmeId: scope.programme.id, kind, audience, format, cadence, dayOfMonth, groupId: group.id, createdBy: 'demo', at: deps.clock() })
  return true
}
