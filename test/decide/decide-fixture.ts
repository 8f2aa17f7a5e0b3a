/**
 * What the decide tests start from: the fixture programme `test`/`htn` (test/support/fixture.ts),
 * people in organisation `test` and one in `other`, and findings in both organisations' programmes.
 */
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { addMember } from '../../src/app/auth/people.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import type { ProposedFinding } from '../../src/core/triangulate/index.ts'
import type { Store } from '../../src/storage/database.ts'
import { saveProposals } from '../../src/storage/findings.ts'
import { findOrganisation } from '../../src/storage/organisations.ts'
import { findProgramme, upsertProgramme } from '../../src/storage/programmes.ts'
import { depsFor, seedFixture } from '../support/fixture.ts'
import { seededFinding } from '../support/insight.ts'

export interface DecideFixture {
  readonly deps: AppDeps
  readonly organisationId: number
  readonly programmeId: number
  /** A second programme of `test`. */
  readonly otherProgrammeId: number
  readonly otherOrganisationId: number
  /** Findings of test/htn: bp-control (themes 1, 2), falls (theme 3), a theme-only one (theme 2). */
  readonly findings: { readonly bp: number; readonly falls: number; readonly theme: number }
  /** A finding of test's second programme, and one of organisation `other`. */
  readonly foreignFindings: { readonly otherProgramme: number; readonly otherOrganisation: number }
  readonly people: { readonly lead: number; readonly maker: number; readonly viewer: number; readonly outsider: number }
}

export const PEOPLE = { lead: 'lead@test.example', maker: 'decision-maker@test.example', viewer: 'viewer@test.example', outsider: 'admin@other.example' } as const

export function finding(key: string, measure: string | null, themes: number[], statement = `Finding ${key}`): ProposedFinding {
  const base = seededFinding(key)
  return { ...base, statement, focus: { ...base.focus, measure, themes }, reasons: [`Reason for ${key}.`] }
}

async function findingIds(store: Store, organisationId: number, programmeId: number, proposals: readonly ProposedFinding[]): Promise<Map<string, number>> {
  await saveProposals(store.db, organisationId, programmeId, proposals.map((p, i) => ({ key: p.key, proposal: p, score: proposals.length - i })), new Date('2025-06-01T09:00:00Z'))
  const rows = await store.db.selectFrom('findings').select(['id', 'key']).where('organisation_id', '=', organisationId).where('programme_id', '=', programmeId).execute()
  return new Map(rows.map((r) => [r.key, r.id]))
}

/** Seed the fixture programme, people and findings into a migrated store (owner connection). */
export async function seedDecideFixture(store: Store, deps: AppDeps = depsFor(store)): Promise<DecideFixture> {
  if (!(await findOrganisation(store.db, 'test'))) await seedFixture(store)
  const organisation = (await findOrganisation(store.db, 'test'))!
  const other = (await findOrganisation(store.db, 'other'))!
  const programme = (await findProgramme(store.db, organisation.id, 'htn'))!
  const second = await upsertProgramme(store.db, organisation.id, { code: 'falls', name: 'Falls prevention', aim: 'Fewer falls' })
  const otherProgramme = (await findProgramme(store.db, other.id, 'htn'))!
  const people: Record<string, number> = {}
  for (const [key, email] of Object.entries(PEOPLE)) {
    const role = key === 'lead' ? 'lead' : key === 'maker' ? 'decision_maker' : key === 'viewer' ? 'viewer' : 'admin'
    people[key] = (await addMember(deps, CLI_ACTOR, { email, organisation: key === 'outsider' ? 'other' : 'test', role })).id
  }
  const own = await findingIds(store, organisation.id, programme.id, [finding('bp-control||', 'bp-control', [1, 2], 'Blood pressure control is lower at Alpha'), finding('falls||', 'falls', [3], 'Falls rose at Beta'), finding('theme:2||', null, [2], 'People speak of letters in English only')])
  const secondIds = await findingIds(store, organisation.id, second.id, [finding('falls-2||', 'falls', [3])])
  const foreign = await findingIds(store, other.id, otherProgramme.id, [finding('other||', 'bp-control', [1])])
  return {
    deps,
    organisationId: organisation.id,
    programmeId: programme.id,
    otherProgrammeId: second.id,
    otherOrganisationId: other.id,
    findings: { bp: own.get('bp-control||')!, falls: own.get('falls||')!, theme: own.get('theme:2||')! },
    foreignFindings: { otherProgramme: secondIds.get('falls-2||')!, otherOrganisation: foreign.get('other||')! },
    people: { lead: people.lead!, maker: people.maker!, viewer: people.viewer!, outsider: people.outsider! },
  }
}
