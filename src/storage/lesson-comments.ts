/** A lesson's discussion thread (migration 0008): visible wherever the lesson is, written by members as their own organisation. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface CommentRow {
  readonly id: number
  readonly organisationName: string
  readonly authorName: string
  readonly body: string
  readonly createdAt: string
}

export interface NewComment {
  readonly lessonOrganisationId: number
  readonly lessonId: number
  readonly organisationName: string
  readonly authorName: string
  readonly body: string
  readonly at: Date
}

export async function insertComment(db: Kysely<Database>, organisationId: number, c: NewComment): Promise<number> {
  const row = await db
    .insertInto('lesson_comments')
    .values({ organisation_id: organisationId, lesson_organisation_id: c.lessonOrganisationId, lesson_id: c.lessonId, organisation_name: c.organisationName, author_name: c.authorName, body: c.body, created_at: c.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The thread, oldest first. */
export async function listComments(db: Kysely<Database>, lesson: { organisationId: number; id: number }): Promise<CommentRow[]> {
  const rows = await db
    .selectFrom('lesson_comments')
    .select(['id', 'organisation_name', 'author_name', 'body', 'created_at'])
    .where('lesson_organisation_id', '=', lesson.organisationId)
    .where('lesson_id', '=', lesson.id)
    .orderBy('created_at').orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, organisationName: r.organisation_name, authorName: r.author_name, body: r.body, createdAt: new Date(r.created_at).toISOString() }))
}
