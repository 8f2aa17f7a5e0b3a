/**
 * Alerts and the in-app inbox: one alert per event (its dedupe key makes raising it twice a no-op)
 * and a row per recipient, read or not.
 */
import { sql, type Kysely } from 'kysely'
import type { AlertKind, Database } from './schema.ts'

export interface NewAlert {
  readonly programmeId: number | null
  readonly kind: AlertKind
  readonly actionId: number | null
  readonly measureId: number | null
  readonly title: string
  readonly body: string
  readonly link: string
  readonly dedupeKey: string
  /** The briefing issue an alert of kind `briefing` delivers. */
  readonly issueId?: number
}

export interface InboxItem {
  readonly id: number
  readonly organisation: string
  readonly kind: AlertKind
  readonly title: string
  readonly body: string
  readonly link: string
  readonly createdAt: string
  readonly read: boolean
}

/** Raise an alert for `userIds`; returns its id, or undefined when an alert with the same key was raised before (nothing is written then). */
export async function raiseAlert(db: Kysely<Database>, organisationId: number, alert: NewAlert, userIds: readonly number[], at: Date): Promise<number | undefined> {
  const row = await db
    .insertInto('alerts')
    .values({
      organisation_id: organisationId, programme_id: alert.programmeId, kind: alert.kind, action_id: alert.actionId, measure_id: alert.measureId,
      title: alert.title.slice(0, 300), body: alert.body.slice(0, 5000), link: alert.link, dedupe_key: alert.dedupeKey, created_at: at, issue_id: alert.issueId ?? null,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (row === undefined) return undefined
  const unique = [...new Set(userIds)]
  if (unique.length > 0) {
    await db.insertInto('alert_recipients').values(unique.map((userId) => ({ organisation_id: organisationId, alert_id: row.id, user_id: userId }))).execute()
  }
  return row.id
}

/** A person's inbox across the organisations in `db`'s scope, newest first. */
export async function listInbox(db: Kysely<Database>, userId: number, options: { organisationId?: number; unreadOnly?: boolean; limit?: number } = {}): Promise<InboxItem[]> {
  let query = db
    .selectFrom('alert_recipients as r')
    .innerJoin('alerts as a', (j) => j.onRef('a.organisation_id', '=', 'r.organisation_id').onRef('a.id', '=', 'r.alert_id'))
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'o.code as organisation', 'a.kind', 'a.title', 'a.body', 'a.link', 'a.created_at', 'r.read_at'])
    .where('r.user_id', '=', userId)
  if (options.organisationId !== undefined) query = query.where('r.organisation_id', '=', options.organisationId)
  if (options.unreadOnly) query = query.where('r.read_at', 'is', null)
  const rows = await query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(options.limit ?? 200).execute()
  return rows.map((r) => ({ id: r.id, organisation: r.organisation, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: new Date(r.created_at).toISOString(), read: r.read_at !== null }))
}

/** Mark alerts read for a person (all of theirs in the organisation when `alertIds` is omitted); returns how many changed. */
export async function markRead(db: Kysely<Database>, organisationId: number, userId: number, at: Date, alertIds?: readonly number[]): Promise<number> {
  if (alertIds !== undefined && alertIds.length === 0) return 0
  let query = db.updateTable('alert_recipients').set({ read_at: at }).where('organisation_id', '=', organisationId).where('user_id', '=', userId).where('read_at', 'is', null)
  if (alertIds !== undefined) query = query.where('alert_id', 'in', alertIds)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** How many unread alerts a person has in the organisation. */
export async function unreadCount(db: Kysely<Database>, organisationId: number, userId: number): Promise<number> {
  const row = await db
    .selectFrom('alert_recipients')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.n
}

/** The emails of people (for alert emails); disabled accounts are left out. */
export async function emailsOf(db: Kysely<Database>, userIds: readonly number[]): Promise<string[]> {
  if (userIds.length === 0) return []
  const rows = await db.selectFrom('users').select('email').where('id', 'in', [...userIds]).where('disabled_at', 'is', null).orderBy('email').execute()
  return rows.map((r) => r.email)
}
