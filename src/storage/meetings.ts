/**
 * Meetings of decision groups about a programme: the agenda (findings, in order), who attended
 * (members with accounts; guests as free text), minutes and status.
 */
import type { Kysely } from 'kysely'
import type { PersonRow } from './decision-groups.ts'
import type { Database, DecisionGroupKind } from './schema.ts'

export type MeetingStatus = 'planned' | 'held'

export interface MeetingRow {
  readonly id: number
  readonly programmeId: number
  readonly group: { readonly id: number; readonly code: string; readonly name: string; readonly kind: DecisionGroupKind }
  readonly heldOn: string
  readonly title: string
  readonly minutes: string
  readonly guests: string
  readonly status: MeetingStatus
  readonly createdBy: string
  readonly createdAt: string
  readonly agendaCount: number
}

export interface NewMeeting {
  readonly groupId: number
  readonly programmeId: number
  readonly heldOn: string
  readonly title: string
  readonly createdBy: string
  readonly at: Date
}

export interface MeetingRecord {
  readonly minutes: string
  readonly guests: string
  readonly status: MeetingStatus
}

function meetings(db: Kysely<Database>, organisationId: number, programmeId: number) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('decision_groups as g', (j) => j.onRef('g.organisation_id', '=', 'mt.organisation_id').onRef('g.id', '=', 'mt.group_id'))
    .select((eb) => [
      'mt.id',
      'mt.programme_id',
      'mt.held_on',
      'mt.title',
      'mt.minutes',
      'mt.guests',
      'mt.status',
      'mt.created_by',
      'mt.created_at',
      'g.id as group_id',
      'g.code as group_code',
      'g.name as group_name',
      'g.kind as group_kind',
      eb
        .selectFrom('meeting_items as i')
        .select((i) => i.fn.countAll<number>().as('n'))
        .whereRef('i.organisation_id', '=', 'mt.organisation_id')
        .whereRef('i.meeting_id', '=', 'mt.id')
        .as('agenda_count'),
    ])
    .where('mt.organisation_id', '=', organisationId)
    .where('mt.programme_id', '=', programmeId)
}

type Selected = Awaited<ReturnType<ReturnType<typeof meetings>['executeTakeFirstOrThrow']>>

function toMeeting(r: Selected): MeetingRow {
  return {
    id: r.id,
    programmeId: r.programme_id,
    group: { id: r.group_id, code: r.group_code, name: r.group_name, kind: r.group_kind },
    heldOn: r.held_on,
    title: r.title,
    minutes: r.minutes,
    guests: r.guests,
    status: r.status,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    agendaCount: Number(r.agenda_count ?? 0),
  }
}

/** The programme's meetings, latest first. */
export async function listMeetings(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<MeetingRow[]> {
  return (await meetings(db, organisationId, programmeId).orderBy('mt.held_on', 'desc').orderBy('mt.id', 'desc').execute()).map(toMeeting)
}

export async function findMeeting(db: Kysely<Database>, organisationId: number, programmeId: number, id: number): Promise<MeetingRow | undefined> {
  const row = await meetings(db, organisationId, programmeId).where('mt.id', '=', id).executeTakeFirst()
  return row && toMeeting(row)
}

export async function insertMeeting(db: Kysely<Database>, organisationId: number, meeting: NewMeeting): Promise<number> {
  const row = await db
    .insertInto('meetings')
    .values({ organisation_id: organisationId, group_id: meeting.groupId, programme_id: meeting.programmeId, held_on: meeting.heldOn, title: meeting.title, created_by: meeting.createdBy, created_at: meeting.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Set the minutes, guests and status; false when there is no such meeting. */
export async function updateMeetingRecord(db: Kysely<Database>, organisationId: number, id: number, record: MeetingRecord): Promise<boolean> {
  const result = await db.updateTable('meetings').set({ minutes: record.minutes, guests: record.guests, status: record.status }).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The agenda's finding ids in order. */
export async function listAgenda(db: Kysely<Database>, organisationId: number, meetingId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('meeting_items')
    .select('finding_id')
    .where('organisation_id', '=', organisationId)
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('finding_id')
    .execute()
  return rows.map((r) => r.finding_id)
}

/** Make the agenda exactly these findings, in this order. */
export async function replaceAgenda(db: Kysely<Database>, organisationId: number, meetingId: number, findingIds: readonly number[]): Promise<void> {
  await db.deleteFrom('meeting_items').where('organisation_id', '=', organisationId).where('meeting_id', '=', meetingId).execute()
  const unique = [...new Set(findingIds)]
  if (unique.length === 0) return
  await db
    .insertInto('meeting_items')
    .values(unique.map((findingId, position) => ({ organisation_id: organisationId, meeting_id: meetingId, finding_id: findingId, position })))
    .execute()
}

/** Who attended (people with accounts), by email. */
export async function listAttendance(db: Kysely<Database>, organisationId: number, meetingId: number): Promise<PersonRow[]> {
  const rows = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['u.id', 'u.email', 'u.display_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.meeting_id', '=', meetingId)
    .orderBy('u.email')
    .execute()
  return rows.map((r) => ({ userId: r.id, email: r.email, displayName: r.display_name }))
}

/** Make the attendance exactly `userIds`. */
export async function replaceAttendance(db: Kysely<Database>, organisationId: number, meetingId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('meeting_attendance').where('organisation_id', '=', organisationId).where('meeting_id', '=', meetingId).execute()
  if (userIds.length === 0) return
  await db
    .insertInto('meeting_attendance')
    .values([...new Set(userIds)].map((userId) => ({ organisation_id: organisationId, meeting_id: meetingId, user_id: userId })))
    .execute()
}
