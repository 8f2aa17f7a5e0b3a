/**
 * Scheduling a programme's briefing: which briefing (board or community, internal or external,
 * PDF or Word), when (a day each month, or after new data) and to whom (a decision group). Every
 * change is audited; removing a schedule stops it and keeps what it already sent.
 */
import { AppError, invalidField } from '../../core/errors.ts'
import {
  deactivateBriefingSchedule, insertBriefingSchedule, listBriefingIssues, listBriefingSchedules, type BriefingIssueRow, type BriefingScheduleRow,
} from '../../storage/briefing-schedules.ts'
import { findDecisionGroup } from '../../storage/decision-groups.ts'
import type { BriefingAudience, BriefingCadence, BriefingFormat, ScheduledBriefingKind } from '../../storage/schema.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export type { BriefingIssueRow, BriefingScheduleRow }

/** What a form or API call sends: every field as text, checked here. */
export interface ScheduleInput {
  readonly kind?: string | undefined
  readonly audience?: string | undefined
  readonly format?: string | undefined
  readonly cadence?: string | undefined
  readonly dayOfMonth?: string | number | undefined
  readonly group?: string | undefined
}

export const SCHEDULE_CHOICES = {
  kind: { board: 'Board briefing', community: 'Community "you said, we did" briefing' },
  audience: { internal: 'Internal: exact numbers', external: 'External: small numbers suppressed' },
  format: { pdf: 'PDF', docx: 'Word' },
  cadence: { monthly: 'Every month, on a set day', after_import: 'After new data is imported' },
} as const

export async function listSchedules(deps: AppDeps, scope: ProgrammeScope): Promise<BriefingScheduleRow[]> {
  return listBriefingSchedules(deps.store.db, scope.organisation.id, scope.programme.id)
}

export async function listIssues(deps: AppDeps, scope: ProgrammeScope): Promise<BriefingIssueRow[]> {
  return listBriefingIssues(deps.store.db, scope.organisation.id, scope.programme.id)
}

export async function addSchedule(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: ScheduleInput): Promise<number> {
  const kind = choice('kind', input.kind, SCHEDULE_CHOICES.kind) as ScheduledBriefingKind
  const audience = choice('audience', input.audience, SCHEDULE_CHOICES.audience) as BriefingAudience
  const format = choice('format', input.format, SCHEDULE_CHOICES.format) as BriefingFormat
  const cadence = choice('cadence', input.cadence, SCHEDULE_CHOICES.cadence) as BriefingCadence
  const dayOfMonth = cadence === 'monthly' ? dayFrom(input.dayOfMonth) : null
  const groupCode = (input.group ?? '').trim()
  if (groupCode === '') throw invalidField('group', 'Choose the group whose members receive the briefing.')
  return inTransaction(deps, async (tx) => {
    const group = await findDecisionGroup(tx.store.db, scope.organisation.id, groupCode)
    if (group === undefined) throw invalidField('group', `There is no group "${groupCode.slice(0, 60)}" in ${scope.organisation.name}.`, groupCode)
    const id = await insertBriefingSchedule(tx.store.db, scope.organisation.id, { programmeId: scope.programme.id, kind, audience, format, cadence, dayOfMonth, groupId: group.id, createdBy: actor.name, at: deps.clock() })
    await audit(deps, actor, {
      organisationId: scope.organisation.id, action: 'briefing_schedule.create', target: `${target(scope)}/briefing-schedule:${id}`,
      before: null, after: { kind, audience, format, cadence, dayOfMonth, group: group.code },
    }, tx.store.db)
    return id
  })
}

export async function removeSchedule(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    if (!(await deactivateBriefingSchedule(tx.store.db, scope.organisation.id, scope.programme.id, id))) throw new AppError('not_found', `No briefing schedule ${id} in this programme.`)
    await audit(deps, actor, { organisationId: scope.organisation.id, action: 'briefing_schedule.stop', target: `${target(scope)}/briefing-schedule:${id}`, before: { active: true }, after: { active: false } }, tx.store.db)
  })
}

/** "Board briefing, external, PDF, on day 1 of each month, to the Programme board". */
export function describeSchedule(s: BriefingScheduleRow): string {
  const when = s.cadence === 'monthly' ? `on day ${s.dayOfMonth} of each month` : 'after each import of new data'
  return `${SCHEDULE_CHOICES.kind[s.kind]}, ${s.audience}, ${SCHEDULE_CHOICES.format[s.format]}, ${when}, to ${s.groupName}`
}

function target(scope: ProgrammeScope): string {
  return `organisation:${scope.organisation.code}/programme:${scope.programme.code}`
}

function choice(field: string, value: string | undefined, options: Readonly<Record<string, string>>): string {
  const text = (value ?? '').trim()
  if (Object.hasOwn(options, text)) return text
  const expected = Object.keys(options).join(', ')
  throw invalidField(field, text === '' ? `Choose the ${field} (one of ${expected}).` : `"${text.slice(0, 40)}" is not a ${field} (expected one of ${expected}).`, text)
}

function dayFrom(value: string | number | undefined): number {
  const text = String(value ?? '').trim()
  const day = Number(text)
  if (!/^\d{1,2}$/.test(text) || day < 1 || day > 28) {
    throw invalidField('dayOfMonth', text === '' ? 'Enter the day of the month the briefing goes out (1 to 28).' : `"${text.slice(0, 20)}" is not a day from 1 to 28 (later days are not in every month).`, text)
  }
  return day
}
