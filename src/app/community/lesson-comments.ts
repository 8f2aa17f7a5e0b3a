/** A published lesson's discussion thread: any member organisation of its network reads it; contributors write to it as their organisation. */
import { AppError } from '../../core/errors.ts'
import { insertComment, listComments, type CommentRow } from '../../storage/lesson-comments.ts'
import { findLesson } from '../../storage/lessons.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getOrganisation } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { checkText } from '../implement/fields.ts'
import { inTransaction } from '../transaction.ts'

export type { CommentRow }

async function visibleLesson(deps: AppDeps, organisationName: string, id: number) {
  const lesson = await findLesson(deps.store.db, id)
  if (!lesson) throw new AppError('not_found', `There is no lesson ${id} that ${organisationName} can read.`)
  return lesson
}

export async function lessonComments(deps: AppDeps, organisationCode: string, id: number): Promise<CommentRow[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  const lesson = await visibleLesson(deps, organisation.name, id)
  return listComments(deps.store.db, { organisationId: lesson.organisationId, id: lesson.id })
}

/** Adds a comment signed with the person's display name and organisation; only on a published lesson. Audited. */
export async function addComment(deps: AppDeps, actor: Actor, organisationCode: string, id: number, body: string | undefined): Promise<CommentRow[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  const text = checkText('body', 'a comment', body, 4000)
  const lesson = await visibleLesson(deps, organisation.name, id)
  if (lesson.status !== 'published') throw new AppError('conflict', `Lesson ${id} is ${lesson.status}; comments go on published lessons.`)
  const person = actor.userId === null ? undefined : await deps.store.db.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirst()
  const authorName = person?.display_name.trim() || 'A member'
  await inTransaction(deps, async (tx) => {
    const commentId = await insertComment(tx.store.db, organisation.id, { lessonOrganisationId: lesson.organisationId, lessonId: lesson.id, organisationName: organisation.name, authorName, body: text, at: tx.clock() })
    await audit(tx, actor, { organisationId: organisation.id, action: 'lesson.comment', target: `lesson:${id}/comment:${commentId}` }, tx.store.db)
  })
  return listComments(deps.store.db, { organisationId: lesson.organisationId, id: lesson.id })
}
