/**
 * Seeds the demo's learning community after the demo's reviews have run: the network and its
 * shared measure, both demo organisations as members, each one's shared bp-control aggregate, and
 * Riverside's lesson from its home monitor loans action, drafted, edited, previewed and published
 * through the same use cases a lead uses. Running it again changes nothing.
 */
import { DEMO_LESSON, DEMO_MEMBERS, DEMO_NETWORK, DEMO_SHARED_MEASURES } from '../../demo/community.ts'
import { listOwnLessons } from '../../storage/lessons.ts'
import { insertMember, upsertNetwork, upsertSharedMeasure } from '../../storage/networks.ts'
import { findOrganisation } from '../../storage/organisations.ts'
import { CLI_ACTOR } from '../auth/audit.ts'
import { getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { listProgrammeActions } from '../implement/actions.ts'
import { draftLessonFromAction, editDraft } from '../community/lesson-draft.ts'
import { previewLesson, publishLesson } from '../community/lesson-publish.ts'
import { shareAggregate } from '../community/shared-aggregates.ts'

export interface CommunitySeed {
  readonly seeded: boolean
  /** The published lesson's id, when seeded now. */
  readonly lessonId: number | null
}

export async function seedCommunity(deps: AppDeps): Promise<CommunitySeed> {
  const db = deps.store.db
  const network = await upsertNetwork(db, DEMO_NETWORK)
  for (const measure of DEMO_SHARED_MEASURES) await upsertSharedMeasure(db, network.id, measure)
  const organisations = []
  for (const code of DEMO_MEMBERS) {
    const organisation = await findOrganisation(db, code)
    if (!organisation) return { seeded: false, lessonId: null }
    organisations.push(organisation)
    await insertMember(db, organisation.id, network.id, organisation.name)
  }
  const author = organisations.find((o) => o.code === DEMO_LESSON.organisation)
  if (!author || (await listOwnLessons(db, author.id)).length > 0) return { seeded: false, lessonId: null }
  for (const organisation of organisations) {
    for (const measure of DEMO_SHARED_MEASURES) await shareAggregate(deps, CLI_ACTOR, organisation.code, network.code, measure.code, { programme: DEMO_LESSON.programme })
  }
  return { seeded: true, lessonId: await publishDemoLesson(deps) }
}

/** Riverside's lesson from its home monitor loans action: drafted, edited, previewed and published as a lead would; returns its id. */
export async function publishDemoLesson(deps: AppDeps): Promise<number> {
  const scope = await getProgrammeScope(deps, DEMO_LESSON.organisation, DEMO_LESSON.programme)
  const action = (await listProgrammeActions(deps, scope)).find((a) => a.title === DEMO_LESSON.actionTitle)
  if (!action) throw new Error(`the demo has no action "${DEMO_LESSON.actionTitle}" to draft its lesson from`)
  const author = scope.organisation.code
  const draft = await draftLessonFromAction(deps, CLI_ACTOR, author, { network: DEMO_NETWORK.code, programme: scope.programme.code, action: action.id })
  await editDraft(deps, CLI_ACTOR, author, draft.id, draft.version, DEMO_LESSON.edit)
  const preview = await previewLesson(deps, author, draft.id)
  await publishLesson(deps, CLI_ACTOR, author, draft.id, preview.hash)
  return draft.id
}
