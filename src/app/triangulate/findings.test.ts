import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../test/support/server.ts'
import { CLI_ACTOR } from '../auth/audit.ts'
import { getProgrammeScope, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { addInsights } from '../insight/add-insights.ts'
import { recomputeFindings } from './compute.ts'
import { decide, listProgrammeFindings } from './findings.ts'

// The demo programme (DEMO.md) on each engine, its findings worked out as of the end of its data.
for (const engine of enginesUnderTest()) {
  describe(`findings from the demo programme on ${engine.engine}`, () => {
    let server: TestServer
    let deps: AppDeps
    let scope: ProgrammeScope
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'demo' })
      deps = { ...server.deps, clock: () => new Date('2026-09-01T09:00:00Z') }
      scope = await getProgrammeScope(deps, 'riverside', 'htn')
      await recomputeFindings(deps, scope)
    }, 120_000)
    afterAll(() => server.close())

    const byKey = async () => new Map((await listProgrammeFindings(deps, scope)).map((f) => [f.proposal.key, f]))

    it('tells the demo story: agreement on access where recording is lowest, dissonance for one group, partial agreement and silence', async () => {
      const findings = await byKey()
      const access = findings.get('bp-recorded|eastgate|imd_quintile:1|level')
      expect(access?.proposal).toMatchObject({ overall: 'agreement', classification: 'inequality' })
      expect(access?.statement).toBe('Blood pressure recorded in the last 12 months is lower in the most deprived fifth than in the least deprived fifth at Eastgate Medical Practice')
      const recordedHigh = findings.get('bp-recorded||ethnicity:Black or Black British|level')
      expect(recordedHigh?.proposal.overall).toBe('dissonance')
      expect(recordedHigh?.proposal.cells.community).toBe('dissonance')
      const overall = [...findings.values()].map((f) => f.proposal.overall)
      expect(overall).toContain('partial_agreement')
      // Staff never speak about language: where patients or communities raise it, the staff cell is silence.
      const language = await server.store.db.selectFrom('themes').select('id').where('name', '=', 'Language and information').executeTakeFirstOrThrow()
      const languageExcerpts = new Set((await server.store.db.selectFrom('codings as c').innerJoin('themes as t', (j) => j.onRef('t.organisation_id', '=', 'c.organisation_id').onRef('t.id', '=', 'c.theme_id')).select('c.excerpt_id').where((eb) => eb.or([eb('t.id', '=', language.id), eb('t.parent_id', '=', language.id)])).where('c.machine', '=', false).execute()).map((r) => r.excerpt_id))
      const speakingOfLanguage = [...findings.values()].filter((f) => f.proposal.focus.themes.includes(language.id) && [...f.proposal.excerpts.patients.ids, ...f.proposal.excerpts.community.ids].some((id) => languageExcerpts.has(id)))
      expect(speakingOfLanguage.length).toBeGreaterThan(0)
      const staffNotes = await server.store.db.selectFrom('excerpts as x').innerJoin('insights as i', (j) => j.onRef('i.organisation_id', '=', 'x.organisation_id').onRef('i.id', '=', 'x.insight_id')).select('x.id').where('i.collected_via', '=', 'staff_form').execute()
      expect(staffNotes.filter((x) => languageExcerpts.has(x.id))).toEqual([])
      expect(speakingOfLanguage.some((f) => f.proposal.cells.staff === 'silence')).toBe(true)
    })

    it('keeps a lead’s decisions when the findings are worked out again after new data', async () => {
      const before = await byKey()
      const rejected = before.get('bp-recorded||ethnicity:Black or Black British|level')!
      const edited = before.get('bp-recorded|eastgate|imd_quintile:1|level')!
      await decide(deps, CLI_ACTOR, scope, rejected.id, { action: 'reject', reason: 'Recording is not the issue; control is.' })
      await decide(deps, CLI_ACTOR, scope, edited.id, { action: 'edit', statement: 'Fewer people in the most deprived fifth at Eastgate have their blood pressure recorded', classification: 'inequality', reason: 'Plainer words for the board.' })
      await addInsights(deps, CLI_ACTOR, scope, [{ source: 'patient', date: '2026-08-20', site: 'eastgate', groups: { imd_quintile: '1' }, text: 'Still cannot get an evening appointment.', fft: 4 }])
      await recomputeFindings(deps, scope)
      const after = await byKey()
      expect(after.get(rejected.proposal.key)).toMatchObject({ id: rejected.id, status: 'rejected', decisionReason: 'Recording is not the issue; control is.', decidedBy: 'cli' })
      expect(after.get(edited.proposal.key)).toMatchObject({ id: edited.id, status: 'edited', statement: 'Fewer people in the most deprived fifth at Eastgate have their blood pressure recorded' })
      expect(after.get(edited.proposal.key)?.proposal.statement).toBe(edited.proposal.statement)
    })

    it('refuses a decision without a reason, or an edit without words', async () => {
      const [first] = await listProgrammeFindings(deps, scope)
      await expect(decide(deps, CLI_ACTOR, scope, first!.id, { action: 'confirm', reason: '  ' })).rejects.toThrow('Give the reason for your decision')
      await expect(decide(deps, CLI_ACTOR, scope, first!.id, { action: 'edit', statement: '', reason: 'x' })).rejects.toThrow('Write the finding as you want it to read.')
      await expect(decide(deps, CLI_ACTOR, scope, 999_999, { action: 'confirm', reason: 'x' })).rejects.toThrow('No finding 999999')
    })
  })
}
