/** A little insight in an organisation's `htn` programme: an event with two excerpts, one theme, one coding, a link from its first measure to the theme, and a finding. */
import type { AppDeps } from '../../src/app/deps.ts'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { getProgrammeScope } from '../../src/app/catalogue.ts'
import { recordEvent } from '../../src/app/insight/record-insight.ts'
import type { ProposedFinding } from '../../src/core/triangulate/index.ts'
import { upsertCodings } from '../../src/storage/codings.ts'
import { saveProposals } from '../../src/storage/findings.ts'
import { insertLink } from '../../src/storage/links.ts'
import { insertTheme } from '../../src/storage/themes.ts'

export async function seedInsight(deps: AppDeps, organisation: string, site = '', guid = `00000000-0000-4000-8000-${String(organisation.length).padStart(12, '0')}`): Promise<void> {
  const scope = await getProgrammeScope(deps, organisation, 'htn')
  const { eventId } = await recordEvent(deps, CLI_ACTOR, scope, { kind: 'event', title: `Listening event in ${organisation}`, runBy: 'Community team', place: 'Library', site, date: '2025-01-13', groups: ['Carers'], notes: 'Evening clinics please.\n\nLetters in English only.' })
  const db = deps.store.db
  const themeId = await insertTheme(db, scope.organisation.id, scope.programme.id, { parentId: null, guid, name: `Access ${eventId}`, definition: 'Getting care', examples: [], colour: null, frame: 'inductive', position: 0, createdBy: 'seed' })
  const excerpt = await db.selectFrom('excerpts as x').innerJoin('insights as i', (j) => j.onRef('i.organisation_id', '=', 'x.organisation_id').onRef('i.id', '=', 'x.insight_id')).select('x.id').where('i.event_id', '=', eventId).orderBy('x.id').executeTakeFirstOrThrow()
  await upsertCodings(db, scope.organisation.id, [{ excerptId: excerpt.id, themeId, coder: 'seed', spanStart: null, spanEnd: null }])
  const measure = await db.selectFrom('measures').select('id').where('organisation_id', '=', scope.organisation.id).where('programme_id', '=', scope.programme.id).orderBy('id').executeTakeFirstOrThrow()
  await insertLink(db, scope.organisation.id, measure.id, themeId, 'seed')
  const key = `seed|${eventId}`
  await saveProposals(db, scope.organisation.id, scope.programme.id, [{ key, proposal: seededFinding(key), score: 1 }], new Date('2025-06-02T09:00:00Z'))
}

/** A finding as the triangulation core proposes one, with no evidence behind it. */
export function seededFinding(key: string): ProposedFinding {
  const none = { ids: [], negative: 0, neutral: 0, positive: 0, leaning: null, small: false }
  return {
    key,
    statement: 'A seeded finding',
    classification: 'opportunity_for_improvement',
    focus: { measure: null, themes: [], site: null, dimension: null, group: null },
    signals: [],
    excerpts: { staff: none, patients: none, community: none },
    cells: { numbers: null, staff: 'silence', patients: 'silence', community: 'silence', peers: 'silence' },
    overall: 'silence',
    score: 1,
    reasons: ['Seeded for a test.'],
  }
}
