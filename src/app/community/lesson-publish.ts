/**
 * Publishing is a deliberate act: the preview is exactly the object other members will read, with
 * a hash of its canonical JSON; publishing must send that hash back, so nothing can change between
 * what the lead saw and what leaves. Withdrawing hides a published lesson from members again.
 */
import { createHash } from 'node:crypto'
import { canonicalJson, lessonPreview, type PublishedEffect, type PublishedLesson } from '../../core/community/index.ts'
import { AppError } from '../../core/errors.ts'
import { findLesson, listOwnLessons, publishDraftIfVersion, withdrawLessonRow, type LessonRow } from '../../storage/lessons.ts'
import { findNetworkById } from '../../storage/networks.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getOrganisation } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { getOwnLesson } from './lesson-draft.ts'

export interface LessonPreview {
  readonly id: number
  readonly status: LessonRow['status']
  readonly version: number
  /** SHA-256 of the canonical JSON of `lesson`: publishing must send it back. */
  readonly hash: string
  /** Exactly what other members of the network will read. */
  readonly lesson: PublishedLesson
}

export function hashOf(lesson: PublishedLesson): string {
  return createHash('sha256').update(canonicalJson(lesson)).digest('hex')
}

/** The object a draft would publish (a published lesson: the object it published). */
async function previewOf(deps: AppDeps, row: LessonRow): Promise<PublishedLesson> {
  if (row.status !== 'draft') return row.published as PublishedLesson
  const network = await findNetworkById(deps.store.db, row.networkId)
  if (!network) throw new Error(`lesson ${row.id} names network ${row.networkId}, which does not exist`)
  return lessonPreview({ ...row, network, effect: (row.effect ?? null) as PublishedEffect | null })
}

/** The preview of one of the organisation's lessons, with the hash publishing needs. */
export async function previewLesson(deps: AppDeps, organisationCode: string, id: number): Promise<LessonPreview> {
  const organisation = await getOrganisation(deps, organisationCode)
  const row = await getOwnLesson(deps, organisation.id, id)
  const lesson = await previewOf(deps, row)
  return { id: row.id, status: row.status, version: row.version, hash: row.publishedHash ?? hashOf(lesson), lesson }
}

/** Publishes the draft if its preview still has `hash`: `conflict` otherwise (preview again). Audited with the hash. */
export async function publishLesson(deps: AppDeps, actor: Actor, organisationCode: string, id: number, hash: string): Promise<LessonPreview> {
  const organisation = await getOrganisation(deps, organisationCode)
  return inTransaction(deps, async (tx) => {
    const row = await getOwnLesson(tx, organisation.id, id)
    if (row.status !== 'draft') throw new AppError('conflict', `Lesson ${id} is already ${row.status}; only a draft can be published.`)
    const lesson = await previewOf(tx, row)
    const current = hashOf(lesson)
    if (current !== hash) throw new AppError('conflict', `The lesson has changed since that preview (preview ${hash.slice(0, 12)}…, now ${current.slice(0, 12)}…): look at the preview again before publishing.`)
    if (!(await publishDraftIfVersion(tx.store.db, organisation.id, id, row.version, { published: lesson, hash: current, at: tx.clock(), by: actor.name }))) {
      throw new AppError('conflict', `Lesson ${id} changed while it was being published; look at the preview again.`)
    }
    await audit(tx, actor, { organisationId: organisation.id, action: 'lesson.publish', target: `lesson:${id}`, after: { hash: current, network: lesson.network.code, title: lesson.title } }, tx.store.db)
    return { id, status: 'published' as const, version: row.version + 1, hash: current, lesson }
  })
}

/** Withdraws a published lesson: members no longer find or read it. Audited. */
export async function withdrawLesson(deps: AppDeps, actor: Actor, organisationCode: string, id: number): Promise<void> {
  const organisation = await getOrganisation(deps, organisationCode)
  await inTransaction(deps, async (tx) => {
    const row = await getOwnLesson(tx, organisation.id, id)
    if (!(await withdrawLessonRow(tx.store.db, organisation.id, id))) throw new AppError('conflict', `Lesson ${id} is ${row.status}; only a published lesson can be withdrawn.`)
    await audit(tx, actor, { organisationId: organisation.id, action: 'lesson.withdraw', target: `lesson:${id}`, before: { status: 'published' }, after: { status: 'withdrawn' } }, tx.store.db)
  })
}

/** What a member reads: another organisation's lesson is its published object only. */
export type LessonReading =
  | { readonly own: false; readonly id: number; readonly publishedAt: string; readonly lesson: PublishedLesson }
  | ({ readonly own: true; readonly publishedAt: string | null } & LessonPreview)

/** A lesson as the organisation may read it; `not_found` when it is neither its own nor published in one of its networks. */
export async function readLesson(deps: AppDeps, organisationCode: string, id: number): Promise<LessonReading> {
  const organisation = await getOrganisation(deps, organisationCode)
  const row = await findLesson(deps.store.db, id)
  if (!row) throw new AppError('not_found', `There is no lesson ${id} that ${organisation.name} can read.`)
  if (row.organisationId === organisation.id) return { own: true, publishedAt: row.publishedAt, ...(await previewLesson(deps, organisationCode, id)) }
  if (row.status !== 'published' || row.publishedAt === null) throw new AppError('not_found', `There is no lesson ${id} that ${organisation.name} can read.`)
  return { own: false, id: row.id, publishedAt: row.publishedAt, lesson: row.published as PublishedLesson }
}

export type { LessonRow }

/** The organisation's own lessons (drafts, published, withdrawn), newest first. */
export async function ownLessons(deps: AppDeps, organisationCode: string): Promise<LessonRow[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  return listOwnLessons(deps.store.db, organisation.id)
}
