/**
 * Scheduled briefings and the issues they sent (migration 0009). An issue keeps the exact file that
 * went out, so the inbox and the emails link to what people received.
 */
import type { Kysely } from 'kysely'
import type { BriefingAudience, BriefingCadence, BriefingFormat, Database, ScheduledBriefingKind } from './schema.ts'

export interface NewBriefingSchedule {
  readonly programmeId: number
  readonly kind: ScheduledBriefingKind
  readonly audience: BriefingAudience
  readonly format: BriefingFormat
  readonly cadence: BriefingCadence
  readonly dayOfMonth: number | null
  readonly groupId: number
  readonly createdBy: string
  readonly at: Date
}

export interface BriefingScheduleRow extends Omit<NewBriefingSchedule, 'createdBy' | 'at'> {
  readonly id: number
  readonly organisationId: number
  readonly groupCode: string
  readonly groupName: string
  readonly lastIssuedAt: string | null
  readonly createdAt: string
  readonly createdBy: string
}

export interface BriefingIssueFile {
  readonly title: string
  readonly fileName: string
  readonly contentType: string
  readonly content: Uint8Array
}

export interface BriefingIssueRow extends Omit<BriefingIssueFile, 'content'> {
  readonly id: number
  readonly programmeId: number
  readonly scheduleId: number | null
  readonly issuedAt: string
  readonly size: number
}

export async function insertBriefingSchedule(db: Kysely<Database>, organisationId: number, s: NewBriefingSchedule): Promise<number> {
  const row = await db
    .insertInto('briefing_schedules')
    .values({
      organisation_id: organisationId, programme_id: s.programmeId, kind: s.kind, audience: s.audience, format: s.format, cadence: s.cadence,
      day_of_month: s.dayOfMonth, group_id: s.groupId, created_by: s.createdBy, created_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Active schedules of an organisation (of one programme when given), oldest first. */
export async function listBriefingSchedules(db: Kysely<Database>, organisationId: number, programmeId?: number): Promise<BriefingScheduleRow[]> {
  let query = db
    .selectFrom('briefing_schedules as s')
    .innerJoin('decision_groups as g', (j) => j.onRef('g.organisation_id', '=', 's.organisation_id').onRef('g.id', '=', 's.group_id'))
    .selectAll('s')
    .select(['g.code as group_code', 'g.name as group_name'])
    .where('s.organisation_id', '=', organisationId)
    .where('s.active', '=', true)
  if (programmeId !== undefined) query = query.where('s.programme_id', '=', programmeId)
  const rows = await query.orderBy('s.id').execute()
  return rows.map((r) => ({
    id: r.id, organisationId: r.organisation_id, programmeId: r.programme_id, kind: r.kind, audience: r.audience, format: r.format, cadence: r.cadence,
    dayOfMonth: r.day_of_month, groupId: r.group_id, groupCode: r.group_code, groupName: r.group_name,
    lastIssuedAt: r.last_issued_at === null ? null : new Date(r.last_issued_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by,
  }))
}

/** Stop a schedule (its issues stay); false when there was no such active schedule. */
export async function deactivateBriefingSchedule(db: Kysely<Database>, organisationId: number, programmeId: number, id: number): Promise<boolean> {
  const result = await db
    .updateTable('briefing_schedules')
    .set({ active: false })
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function markScheduleIssued(db: Kysely<Database>, organisationId: number, id: number, at: Date): Promise<void> {
  await db.updateTable('briefing_schedules').set({ last_issued_at: at }).where('organisation_id', '=', organisationId).where('id', '=', id).execute()
}

export async function insertBriefingIssue(db: Kysely<Database>, organisationId: number, programmeId: number, scheduleId: number | null, file: BriefingIssueFile, at: Date): Promise<number> {
  const row = await db
    .insertInto('briefing_issues')
    .values({ organisation_id: organisationId, programme_id: programmeId, schedule_id: scheduleId, title: file.title, file_name: file.fileName, content_type: file.contentType, content: file.content, issued_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** An issue with its file, or undefined. */
export async function getBriefingIssue(db: Kysely<Database>, organisationId: number, programmeId: number, id: number): Promise<(BriefingIssueRow & { readonly content: Uint8Array }) | undefined> {
  const r = await db
    .selectFrom('briefing_issues')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (r === undefined) return undefined
  return { id: r.id, programmeId: r.programme_id, scheduleId: r.schedule_id, title: r.title, fileName: r.file_name, contentType: r.content_type, content: r.content, issuedAt: new Date(r.issued_at).toISOString(), size: r.content.byteLength }
}

/** An issue's file by its id alone (the owner's connection, for the email job). */
export async function briefingIssueById(db: Kysely<Database>, organisationId: number, id: number): Promise<BriefingIssueFile | undefined> {
  const r = await db.selectFrom('briefing_issues').select(['title', 'file_name', 'content_type', 'content']).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst()
  return r === undefined ? undefined : { title: r.title, fileName: r.file_name, contentType: r.content_type, content: r.content }
}

/** The latest issues of a programme, newest first (without their files). */
export async function listBriefingIssues(db: Kysely<Database>, organisationId: number, programmeId: number, limit = 20): Promise<BriefingIssueRow[]> {
  const rows = await db
    .selectFrom('briefing_issues')
    .select(['id', 'programme_id', 'schedule_id', 'title', 'file_name', 'content_type', 'issued_at', (eb) => eb.fn<number>('octet_length', ['content']).as('size')])
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, programmeId: r.programme_id, scheduleId: r.schedule_id, title: r.title, fileName: r.file_name, contentType: r.content_type, issuedAt: new Date(r.issued_at).toISOString(), size: Number(r.size) }))
}

/** When the programme last received new data (its latest import that inserted or changed rows), or null. */
export async function latestImportAt(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<string | null> {
  const row = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where((eb) => eb('inserted', '>', 0).or('updated', '>', 0))
    .executeTakeFirst()
  return row?.at ? new Date(row.at as Date | string).toISOString() : null
}
