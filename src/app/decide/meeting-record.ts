/**
 * Changing a meeting: its agenda (findings of the programme, in order; `lead`), and the record of
 * it — minutes, attendance, guests and status (`decide`, so decision makers can keep the minutes).
 * Each change is one transaction with its audit entry.
 */
import { AppError } from '../../core/errors.ts'
import { listAgenda, listAttendance, replaceAgenda, replaceAttendance, updateMeetingRecord, type MeetingStatus } from '../../storage/meetings.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { FieldChecks, idsFrom } from './field-checks.ts'
import { getMeeting, getMeetingRow, meetingTarget, type MeetingView } from './meetings.ts'
import { listPeopleOf, userIdsOf } from './people.ts'
import { findingsOf, programmeFindingsById } from './programme-findings.ts'

/** What to change; a field left out stays as it is. */
export interface MeetingRecordInput {
  readonly minutes?: string | undefined
  readonly guests?: string | undefined
  readonly status?: string | undefined
  /** Emails of the people with accounts who attended. */
  readonly attendance?: readonly string[] | undefined
}

const STATUSES: readonly MeetingStatus[] = ['planned', 'held']

/** Make the agenda exactly these findings of the programme, in this order. */
export async function setMeetingAgenda(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, findings: readonly (number | string)[]): Promise<MeetingView> {
  return inTransaction(deps, async (tx) => {
    await getMeetingRow(tx, scope, id)
    const checks = new FieldChecks()
    const ids = idsFrom(checks, 'findings', 'finding', findings)
    findingsOf(checks, 'findings', scope, await programmeFindingsById(tx, scope), ids)
    if (ids.length > 50) checks.fail('findings', `The agenda has ${ids.length} findings (expected at most 50: a meeting can only weigh so many).`)
    checks.throwIfAny()
    const before = await listAgenda(tx.store.db, scope.organisation.id, id)
    await replaceAgenda(tx.store.db, scope.organisation.id, id, ids)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'meeting.agenda', target: meetingTarget(scope, id), before: { findings: before }, after: { findings: ids } }, tx.store.db)
    return getMeeting(tx, scope, id)
  })
}

/** Record minutes, attendance, guests and status. */
export async function recordMeeting(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, input: MeetingRecordInput): Promise<MeetingView> {
  return inTransaction(deps, async (tx) => {
    const row = await getMeetingRow(tx, scope, id)
    const checks = new FieldChecks()
    const minutes = input.minutes === undefined ? row.minutes : checks.text('minutes', 'Minutes', input.minutes, { max: 20000, optional: true })
    const guests = input.guests === undefined ? row.guests : checks.text('guests', 'Guests', input.guests, { max: 500, optional: true })
    const status = input.status === undefined ? row.status : input.status.trim()
    if (!STATUSES.includes(status as MeetingStatus)) checks.fail('status', `Say whether the meeting is planned or has been held (got "${status.slice(0, 40)}").`, status)
    const attendance = input.attendance === undefined ? undefined : userIdsOf(checks, 'attendance', await listPeopleOf(tx, scope.organisation.id), input.attendance, scope.organisation.name)
    checks.throwIfAny()
    const db = tx.store.db
    const attendedBefore = (await listAttendance(db, scope.organisation.id, id)).map((p) => p.email)
    if (!(await updateMeetingRecord(db, scope.organisation.id, id, { minutes, guests, status: status as MeetingStatus }))) throw new AppError('not_found', `No meeting ${id} in ${scope.programme.name}.`)
    if (attendance !== undefined) await replaceAttendance(db, scope.organisation.id, id, attendance)
    const view = await getMeeting(tx, scope, id)
    await audit(
      tx,
      actor,
      {
        organisationId: scope.organisation.id,
        action: 'meeting.record',
        target: meetingTarget(scope, id),
        before: { status: row.status, minutesLength: row.minutes.length, guests: row.guests, attendance: attendedBefore },
        after: { status: view.status, minutesLength: view.minutes.length, guests: view.guests, attendance: view.attendance.map((p) => p.email) },
      },
      db,
    )
    return view
  })
}
