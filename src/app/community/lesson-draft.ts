/**
 * Drafting a lesson from one of the organisation's actions: the change, its decision, its stored
 * review (verdict, first reason, the effect by community group through the disclosure policy) and
 * its PDSA notes prefill the draft, which a lead then edits. Free text is redacted on the way in,
 * so a name typed in a study note does not reach the draft unseen.
 */
import type { ActionReview } from '../../core/loop/index.ts'
import { redact } from '../../core/text/redact.ts'
import { AppError } from '../../core/errors.ts'
import { listReviews } from '../../storage/action-reviews.ts'
import { findLesson, insertLesson, updateDraftIfVersion, type LessonFields, type LessonRow } from '../../storage/lessons.ts'
import { memberNetworkIds } from '../../storage/networks.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getOrganisation, getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { getActionDetail } from '../implement/actions.ts'
import { inTransaction } from '../transaction.ts'
import { lessonEffect } from './lesson-effect.ts'
import { applyLessonEdit, type LessonEdit } from './lesson-fields.ts'
import { getNetwork } from './networks.ts'

export interface DraftRequest {
  readonly network: string
  readonly programme: string
  readonly action: number
}

const clean = (text: string) => redact(text).text.trim()

/** A new draft in the network (which the organisation must belong to), prefilled from the action; audited. */
export async function draftLessonFromAction(deps: AppDeps, actor: Actor, organisationCode: string, request: DraftRequest): Promise<LessonRow> {
  const scope = await getProgrammeScope(deps, organisationCode, request.programme)
  const organisation = scope.organisation
  const network = await getNetwork(deps, request.network)
  if (!(await memberNetworkIds(deps.store.db, organisation.id)).includes(network.id)) throw new AppError('invalid_request', `${organisation.name} is not a member of ${network.name}: join it before drafting a lesson for it.`)
  const action = await getActionDetail(deps, scope, request.action)
  const [review] = await listReviews<ActionReview>(deps.store.db, organisation.id, [action.id])
  const primary = action.predictions.find((p) => p.role === 'primary')
  const effect = primary ? await lessonEffect(deps, scope, primary, review?.evidence) : null
  const cycle = action.cycles.at(-1)
  const fields: LessonFields = {
    title: action.title,
    summary: clean([action.decision ? `Decided: ${action.decision.title}.` : '', review?.reasons[0] ?? ''].filter((s) => s !== '').join(' ')).slice(0, 2000),
    setting: action.sites.length === 0 || action.sites.every((s) => s.wholeOrganisation) ? 'whole system' : 'general practice',
    population: primary ? clean(`People counted in ${primary.measure.name.toLowerCase()}${primary.dimension && primary.group ? `, with attention to ${primary.dimension === 'imd_quintile' && primary.group === '1' ? 'the most deprived fifth' : primary.group}` : ''}.`) : '',
    cfirFactors: [],
    change: clean(action.description).slice(0, 5000),
    measureCode: primary?.measure.code ?? '',
    measureName: primary?.measure.name ?? '',
    themes: action.changeIdea ? [action.changeIdea.title.slice(0, 80)] : [],
    verdict: review?.verdict ?? 'not_yet_clear',
    effect,
    helped: clean(cycle ? [cycle.doNotes, cycle.actNotes].filter((s) => s !== '').join(' ') : '').slice(0, 5000),
    // A cycle that was adapted or abandoned says in its study notes what got in the way; an adopted one's notes are results.
    hindered: clean(cycle && cycle.act !== null && cycle.act !== 'adopt' ? cycle.studyNotes : '').slice(0, 5000),
    contactName: '',
    contactEmail: actor.name.includes('@') ? actor.name : '',
  }
  return inTransaction(deps, async (tx) => {
    const id = await insertLesson(tx.store.db, organisation.id, { ...fields, networkId: network.id, authorName: organisation.name, createdBy: actor.name })
    await audit(tx, actor, { organisationId: organisation.id, action: 'lesson.draft', target: `lesson:${id}`, after: { network: network.code, action: action.id } }, tx.store.db)
    return (await findLesson(tx.store.db, id)) as LessonRow
  })
}

/** One of the organisation's own lessons; `not_found` for another organisation's (or none). */
export async function getOwnLesson(deps: AppDeps, organisationId: number, id: number): Promise<LessonRow> {
  const lesson = await findLesson(deps.store.db, id)
  if (!lesson || lesson.organisationId !== organisationId) throw new AppError('not_found', `This organisation has no lesson ${id}.`)
  return lesson
}

/** Saves an edit of a draft that is still at `version`; `conflict` when it moved on or is no longer a draft. Audited. */
export async function editDraft(deps: AppDeps, actor: Actor, organisationCode: string, id: number, version: number, edit: LessonEdit): Promise<LessonRow> {
  const organisation = await getOrganisation(deps, organisationCode)
  return inTransaction(deps, async (tx) => {
    const current = await getOwnLesson(tx, organisation.id, id)
    if (current.status !== 'draft') throw new AppError('conflict', `Lesson ${id} is ${current.status}; only a draft can be edited (withdraw it and draft again to change it).`)
    const fields = applyLessonEdit(current, edit)
    if (!(await updateDraftIfVersion(tx.store.db, organisation.id, id, version, fields))) throw new AppError('conflict', `Lesson ${id} has changed since version ${version} (it is at version ${current.version}); reload it and edit again.`)
    await audit(tx, actor, { organisationId: organisation.id, action: 'lesson.edit', target: `lesson:${id}`, before: { version }, after: { version: version + 1 } }, tx.store.db)
    return (await findLesson(tx.store.db, id)) as LessonRow
  })
}
