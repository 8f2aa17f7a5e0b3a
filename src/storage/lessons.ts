/**
 * Lessons (migration 0008): drafted by one organisation, published to one network. Row-level
 * security lets an organisation read its own lessons in any state and the published lessons of
 * its networks; the published row's `published` column holds exactly what other members read.
 * Who drafted and published a lesson (`created_by`, `published_by`) is written here but readable
 * only by the owner connection (and in the audit trail), never through the app role.
 */
import { sql, type Kysely, type Selectable } from 'kysely'
import type { LessonContent } from '../core/community/lesson-preview.ts'
import type { Database, LessonStatus, LessonVerdict, LessonsTable } from './schema.ts'

/** A lesson's editable fields as stored: the effect is kept as the JSON it was written as. */
export type LessonFields = LessonContent<unknown>

export interface LessonRow extends LessonFields {
  readonly id: number
  readonly organisationId: number
  readonly networkId: number
  readonly status: LessonStatus
  readonly authorName: string
  readonly version: number
  readonly published: unknown
  readonly publishedHash: string | null
  readonly publishedAt: string | null
  readonly createdAt: string
}

type Row = Omit<Selectable<LessonsTable>, 'search' | 'created_by' | 'published_by'>

const COLUMNS = [
  'organisation_id', 'id', 'network_id', 'status', 'author_name', 'title', 'summary', 'setting', 'population', 'cfir_factors', 'change_made', 'measure_code', 'measure_name',
  'themes', 'verdict', 'effect', 'helped', 'hindered', 'contact_name', 'contact_email', 'keywords', 'version', 'published', 'published_hash', 'published_at', 'created_at',
] as const

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString())

function lessonRow(r: Row): LessonRow {
  return {
    id: r.id, organisationId: r.organisation_id, networkId: r.network_id, status: r.status, authorName: r.author_name,
    title: r.title, summary: r.summary, setting: r.setting, population: r.population, cfirFactors: r.cfir_factors, change: r.change_made,
    measureCode: r.measure_code, measureName: r.measure_name, themes: r.themes, verdict: r.verdict, effect: r.effect ?? null,
    helped: r.helped, hindered: r.hindered, contactName: r.contact_name, contactEmail: r.contact_email, version: r.version,
    published: r.published ?? null, publishedHash: r.published_hash, publishedAt: iso(r.published_at), createdAt: iso(r.created_at) as string,
  }
}

function columnsOf(f: LessonFields) {
  return {
    title: f.title, summary: f.summary, setting: f.setting, population: f.population, cfir_factors: [...f.cfirFactors], change_made: f.change,
    measure_code: f.measureCode, measure_name: f.measureName, themes: [...f.themes], verdict: f.verdict, effect: f.effect === null ? null : JSON.stringify(f.effect),
    helped: f.helped, hindered: f.hindered, contact_name: f.contactName, contact_email: f.contactEmail, keywords: [...f.themes, ...f.cfirFactors].join(' '),
  }
}

export async function insertLesson(db: Kysely<Database>, organisationId: number, lesson: LessonFields & { networkId: number; authorName: string; createdBy: string }): Promise<number> {
  const row = await db
    .insertInto('lessons')
    .values({ organisation_id: organisationId, network_id: lesson.networkId, author_name: lesson.authorName, created_by: lesson.createdBy, ...columnsOf(lesson) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The lesson, if the connection may see it (its own organisation's, or published in one of its networks). */
export async function findLesson(db: Kysely<Database>, id: number): Promise<LessonRow | undefined> {
  const row = await db.selectFrom('lessons').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row && lessonRow(row)
}

/** The organisation's own lessons, newest first. */
export async function listOwnLessons(db: Kysely<Database>, organisationId: number): Promise<LessonRow[]> {
  const rows = await db.selectFrom('lessons').select(COLUMNS).where('organisation_id', '=', organisationId).orderBy('id', 'desc').execute()
  return rows.map(lessonRow)
}

/** Saves a draft's fields if it is still a draft at `version`; false otherwise. */
export async function updateDraftIfVersion(db: Kysely<Database>, organisationId: number, id: number, version: number, fields: LessonFields): Promise<boolean> {
  const result = await db
    .updateTable('lessons')
    .set({ ...columnsOf(fields), version: version + 1 })
    .where('organisation_id', '=', organisationId).where('id', '=', id).where('version', '=', version).where('status', '=', 'draft')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Publishes a draft still at `version` with the object members will read; false otherwise. */
export async function publishDraftIfVersion(db: Kysely<Database>, organisationId: number, id: number, version: number, p: { published: unknown; hash: string; at: Date; by: string }): Promise<boolean> {
  const result = await db
    .updateTable('lessons')
    .set({ status: 'published', published: JSON.stringify(p.published), published_hash: p.hash, published_at: p.at, published_by: p.by, version: version + 1 })
    .where('organisation_id', '=', organisationId).where('id', '=', id).where('version', '=', version).where('status', '=', 'draft')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Withdraws a published lesson (members no longer see it); false when it was not published. */
export async function withdrawLessonRow(db: Kysely<Database>, organisationId: number, id: number): Promise<boolean> {
  const result = await db
    .updateTable('lessons')
    .set((eb) => ({ status: 'withdrawn', version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId).where('id', '=', id).where('status', '=', 'published')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export interface LessonQuery {
  /** websearch syntax ("quoted phrases", or, -not); empty: every lesson, newest first. */
  readonly text: string
  readonly networkIds: readonly number[]
  readonly measure?: string | undefined
  readonly theme?: string | undefined
  readonly setting?: string | undefined
  readonly verdict?: LessonVerdict | undefined
  readonly limit: number
}

export interface LessonHit {
  readonly id: number
  readonly networkId: number
  readonly published: unknown
  readonly publishedAt: string
  /** ts_rank of the lesson against the text (0 without text). */
  readonly rank: number
}

/** Published lessons of the networks that match the query, ranked by ts_rank, then newest, then by id. */
export async function searchPublishedLessons(db: Kysely<Database>, q: LessonQuery): Promise<LessonHit[]> {
  if (q.networkIds.length === 0) return []
  const tsquery = sql`websearch_to_tsquery('english', ${q.text})`
  const hasText = q.text.trim() !== ''
  let query = db
    .selectFrom('lessons')
    .select(['id', 'network_id', 'published', 'published_at'])
    .select(hasText ? sql<number>`ts_rank(search, ${tsquery})`.as('rank') : sql<number>`0::real`.as('rank'))
    .where('status', '=', 'published')
    .where('network_id', 'in', [...q.networkIds])
  if (hasText) query = query.where(sql<boolean>`search @@ ${tsquery}`)
  if (q.measure) query = query.where('measure_code', '=', q.measure)
  if (q.theme) query = query.where(sql<boolean>`lower(${q.theme}) = ANY (SELECT lower(t) FROM unnest(themes) AS t)`)
  if (q.setting) query = query.where(sql<boolean>`lower(setting) = lower(${q.setting})`)
  if (q.verdict) query = query.where('verdict', '=', q.verdict)
  const rows = await query.orderBy('rank', 'desc').orderBy('published_at', 'desc').orderBy('id').limit(q.limit).execute()
  return rows.map((r) => ({ id: r.id, networkId: r.network_id, published: r.published, publishedAt: iso(r.published_at) as string, rank: Number(r.rank) }))
}

/** The settings and themes used by the published lessons of the networks, for the search filters. */
export async function lessonFacets(db: Kysely<Database>, networkIds: readonly number[]): Promise<{ settings: string[]; themes: string[]; measures: string[] }> {
  if (networkIds.length === 0) return { settings: [], themes: [], measures: [] }
  const rows = await db.selectFrom('lessons').select(['setting', 'themes', 'measure_code']).where('status', '=', 'published').where('network_id', 'in', [...networkIds]).execute()
  const sorted = (values: Iterable<string>) => [...new Set(values)].filter((v) => v !== '').sort()
  return { settings: sorted(rows.map((r) => r.setting)), themes: sorted(rows.flatMap((r) => r.themes)), measures: sorted(rows.map((r) => r.measure_code)) }
}
