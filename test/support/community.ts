/** People and records for the learning community tests: members with tokens in chosen organisations, and a network with a published lesson for the fixture organisation. */
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { reviewActions } from '../../src/app/review/review-actions.ts'
import { publishDemoLesson, seedCommunity } from '../../src/app/seed/seed-community.ts'
import { addMember } from '../../src/app/auth/people.ts'
import { createToken } from '../../src/app/auth/tokens.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { canonicalJson, lessonPreview } from '../../src/core/community/index.ts'
import type { Role } from '../../src/core/access.ts'
import { insertLesson, publishDraftIfVersion, type LessonFields } from '../../src/storage/lessons.ts'
import { insertMember, upsertNetwork, upsertSharedMeasure } from '../../src/storage/networks.ts'
import { ensureOrganisation, findOrganisation } from '../../src/storage/organisations.ts'

/** A member of `organisation` (created if missing) with `role`, and an API token for them. */
export async function memberWithToken(deps: AppDeps, email: string, organisation: string, role: Role): Promise<string> {
  if (!(await findOrganisation(deps.store.db, organisation))) await ensureOrganisation(deps.store.db, { code: organisation, name: `${organisation[0]!.toUpperCase()}${organisation.slice(1)} ICS` })
  await addMember(deps, CLI_ACTOR, { email, organisation, role })
  return (await createToken(deps, CLI_ACTOR, email, 'community test')).token
}

/** `Authorization` for a token, with JSON when there is a body. */
export function bearer(token: string, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${token}`)
  if (init.body !== undefined) headers.set('content-type', 'application/json')
  return { ...init, headers }
}

export interface CommunityIds {
  readonly network: string
  readonly lesson: number
}

/** A network `test-network` (shared measure bp-control) with `organisation` as a member and one published lesson of its own. */
export async function seedCommunityFixture(deps: AppDeps, organisationCode = 'test'): Promise<CommunityIds> {
  const db = deps.store.db
  const organisation = await findOrganisation(db, organisationCode)
  if (!organisation) throw new Error(`no organisation ${organisationCode}`)
  const network = await upsertNetwork(db, { code: 'test-network', name: 'Test network', description: '' })
  await upsertSharedMeasure(db, network.id, { code: 'bp-control', name: 'Blood pressure controlled', kind: 'proportion', direction: 'increase', definition: 'Controlled out of the register.' })
  await insertMember(db, organisation.id, network.id, organisation.name)
  const fields = {
    title: 'Evening clinics', summary: 'Evening clinics for people who work.', setting: 'general practice', population: 'People on the register', cfirFactors: [], change: 'Open two evenings a week.',
    measureCode: 'bp-control', measureName: 'Blood pressure controlled', themes: ['access'], verdict: 'working' as const, effect: null, helped: '', hindered: '', contactName: '', contactEmail: '',
  }
  const id = await insertLesson(db, organisation.id, { ...fields, networkId: network.id, authorName: organisation.name, createdBy: 'cli' })
  const published = lessonPreview({ ...fields, network, authorName: organisation.name })
  await publishDraftIfVersion(db, organisation.id, id, 1, { published, hash: canonicalJson(published).length.toString(16).padStart(64, '0'), at: deps.clock(), by: 'cli' })
  return { network: network.code, lesson: id }
}

/** The fields of a plain lesson, with `overrides`. */
export function lessonFields(overrides: Partial<LessonFields> = {}): LessonFields {
  return {
    title: 'A lesson', summary: '', setting: 'general practice', population: '', cfirFactors: [], change: '', measureCode: 'bp-control', measureName: 'Blood pressure controlled',
    themes: [], verdict: 'working', effect: null, helped: '', hindered: '', contactName: '', contactEmail: '', ...overrides,
  }
}

/** A lesson of `organisation` in `network` (owner connection), published unless `draft`. */
export async function addLesson(deps: AppDeps, organisation: { id: number; name: string }, network: { id: number; code: string; name: string }, fields: LessonFields, draft = false): Promise<number> {
  const id = await insertLesson(deps.store.db, organisation.id, { ...fields, networkId: network.id, authorName: organisation.name, createdBy: 'cli' })
  if (!draft) {
    const published = lessonPreview({ ...fields, network, authorName: organisation.name, effect: null })
    await publishDraftIfVersion(deps.store.db, organisation.id, id, 1, { published, hash: 'f'.repeat(64), at: deps.clock(), by: 'cli' })
  }
  return id
}

/**
 * The demo's community with Riverside's lesson measured a year after the demo's changes: the test
 * server's clock stands before them, so the reviews run again as of then and the lesson is drafted
 * with that clock. Publishes a fresh lesson when the demo seed already published its own.
 */
export async function seedDemoCommunity(deps: AppDeps): Promise<{ lessonId: number; later: AppDeps }> {
  const later = { ...deps, clock: () => new Date('2026-09-01T09:00:00Z') }
  const riverside = await findOrganisation(deps.store.db, 'riverside')
  if (!riverside) throw new Error('the demo has no organisation riverside')
  await reviewActions(later, riverside.id)
  const seeded = await seedCommunity(later)
  return { lessonId: seeded.lessonId ?? (await publishDemoLesson(later)), later }
}
