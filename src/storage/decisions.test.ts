import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDecideFixture, type DecideFixture } from '../../test/decide/decide-fixture.ts'
import { enginesUnderTest } from '../../test/support/engines.ts'
import type { Store } from './database.ts'
import { insertDecisionGroup } from './decision-groups.ts'
import { appendVersionIfCurrent, findDecision, insertDecision, listDecisionActions, listDecisionPredictionMeasures, listDecisionsByIds, listDecisionVersions, listFindingFocuses, searchDecisions, type DecisionVersionValues } from './decisions.ts'
import { insertMeeting } from './meetings.ts'

const AT = new Date('2025-06-02T09:00:00Z')

function values(overrides: Partial<DecisionVersionValues> = {}): DecisionVersionValues {
  return {
    title: 'Offer evening nurse clinics',
    rationale: 'People in work cannot come in the day; the clinics are full by ten.',
    optionChosen: 'Two evening clinics a week',
    optionsConsidered: ['Two evening clinics a week', 'Saturday mornings'],
    label: 'test_further',
    ownerUserId: null,
    reviewDate: '2025-09-01',
    findingIds: [],
    lessonIds: [],
    changedBy: 'lead@test.example',
    changeReason: null,
    at: AT,
    ...overrides,
  }
}

for (const engine of enginesUnderTest()) {
  describe(`decisions storage on ${engine.engine}`, () => {
    let store: Store
    let f: DecideFixture
    let clinics: number
    let letters: number

    beforeAll(async () => {
      store = await engine.open()
      f = await seedDecideFixture(store)
      clinics = await insertDecision(store.db, f.organisationId, { programmeId: f.programmeId, meetingId: null }, values({ ownerUserId: f.people.lead, findingIds: [f.findings.bp] }))
      letters = await insertDecision(store.db, f.organisationId, { programmeId: f.programmeId, meetingId: null }, values({ title: 'Translate the invitation letters', rationale: 'Letters only in English keep people away.', optionChosen: 'Letters in the five commonest languages', optionsConsidered: [], label: 'standardise', reviewDate: null, at: new Date('2025-06-03T09:00:00Z') }))
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('keeps the first version with its owner, findings and options', async () => {
      const decision = await findDecision(store.db, f.organisationId, f.programmeId, clinics)
      expect(decision?.current).toMatchObject({ version: 1, title: 'Offer evening nurse clinics', ownerEmail: 'lead@test.example', findingIds: [f.findings.bp], optionsConsidered: ['Two evening clinics a week', 'Saturday mornings'], reviewDate: '2025-09-01', changeReason: null })
      expect(await findDecision(store.db, f.organisationId, f.otherProgrammeId, clinics)).toBeUndefined()
    })

    it('appends a version only from the current one; a stale change writes nothing and no version row is ever changed', async () => {
      const before = await listDecisionVersions(store.db, f.organisationId, clinics)
      expect(await appendVersionIfCurrent(store.db, f.organisationId, clinics, 1, values({ label: 'standardise', changeReason: 'It worked at Alpha.' }))).toBe(2)
      expect(await appendVersionIfCurrent(store.db, f.organisationId, clinics, 1, values({ label: 'stop', changeReason: 'Stale.' }))).toBeUndefined()
      const after = await listDecisionVersions(store.db, f.organisationId, clinics)
      expect(after.map((v) => [v.version, v.label, v.changeReason])).toEqual([
        [1, 'test_further', null],
        [2, 'standardise', 'It worked at Alpha.'],
      ])
      expect(after[0]).toEqual(before[0])
      expect((await findDecision(store.db, f.organisationId, f.programmeId, clinics))?.current.version).toBe(2)
    })

    it('refuses a second version without a reason (the table says so too)', async () => {
      await expect(store.db.insertInto('decision_versions').values({ organisation_id: f.organisationId, decision_id: letters, version: 2, title: 'x', rationale: 'y', option_chosen: 'z', options_considered: '[]', label: 'stop', changed_by: 'x', change_reason: null }).execute()).rejects.toThrow(/check constraint/)
    })

    it('searches the current versions in full text, best match first, with label and review filters', async () => {
      const search = (query: string, extra: object = {}) => searchDecisions(store.db, f.organisationId, f.programmeId, { query, today: '2025-06-02', ...extra })
      expect((await search('letters')).map((d) => d.id)).toEqual([letters])
      expect((await search('clinic')).map((d) => d.id)).toEqual([clinics])
      expect((await search('"evening clinics" -saturday')).map((d) => d.id)).toEqual([clinics])
      const both = await search('letters or clinics')
      expect(both.map((d) => d.id).sort()).toEqual([clinics, letters].sort())
      expect(both.every((d) => d.rank > 0)).toBe(true)
      expect((await search('')).map((d) => d.id)).toEqual([letters, clinics])
      expect((await search('', { label: 'standardise' })).map((d) => d.id).sort()).toEqual([clinics, letters].sort())
      expect((await search('', { review: 'none' })).map((d) => d.id)).toEqual([letters])
      expect((await search('', { review: 'upcoming' })).map((d) => d.id)).toEqual([clinics])
      expect((await search('', { review: 'due', today: '2025-09-01' })).map((d) => d.id)).toEqual([clinics])
      expect(await search('the and of')).toEqual([])
      expect(await search('', { ids: [] })).toEqual([])
    })

    it('lists decisions by id across programmes, with the programme code', async () => {
      const rows = await listDecisionsByIds(store.db, f.organisationId, [clinics])
      expect(rows.map((r) => [r.id, r.programmeCode, r.current.version])).toEqual([[clinics, 'htn', 2]])
    })

    it('reads the actions that came from a decision, with their verdicts, and the measures they predict', async () => {
      const db = store.db
      const measure = await db.selectFrom('measures').select('id').where('organisation_id', '=', f.organisationId).where('code', '=', 'bp-control').executeTakeFirstOrThrow()
      const root = await db.selectFrom('sites').select('id').where('organisation_id', '=', f.organisationId).where('code', '=', 'test').executeTakeFirstOrThrow()
      const [a1, a2] = await db
        .insertInto('actions')
        .values([
          { organisation_id: f.organisationId, programme_id: f.programmeId, decision_id: clinics, title: 'Evening clinic at Alpha', start_date: '2025-02-03', created_by: 'x' },
          { organisation_id: f.organisationId, programme_id: f.programmeId, decision_id: clinics, title: 'Evening clinic at Beta', start_date: '2025-03-03', created_by: 'x' },
        ])
        .returning('id')
        .execute()
      await db.insertInto('action_reviews').values({ organisation_id: f.organisationId, action_id: a1!.id, verdict: 'working', reasons: '[]', evidence: '{}', evaluated_at: AT }).execute()
      await db.insertInto('predictions').values({ organisation_id: f.organisationId, action_id: a2!.id, role: 'primary', measure_id: measure.id, site_id: root.id, direction: 'increase' }).execute()
      expect((await listDecisionActions(db, f.organisationId, [clinics])).map((a) => [a.title, a.verdict])).toEqual([
        ['Evening clinic at Alpha', 'working'],
        ['Evening clinic at Beta', null],
      ])
      expect((await listDecisionActions(db, f.organisationId, 'all', { withVerdictOnly: true })).map((a) => a.id)).toEqual([a1!.id])
      expect(await listDecisionActions(db, f.organisationId, [])).toEqual([])
      expect(await listDecisionPredictionMeasures(db, f.organisationId, [clinics, letters])).toEqual([{ decisionId: clinics, measure: 'bp-control' }])
    })

    it('reads the focus of findings', async () => {
      const focuses = await listFindingFocuses(store.db, f.organisationId, [f.findings.bp, f.findings.theme])
      expect(focuses.sort((a, b) => a.id - b.id).map((x) => x.focus)).toEqual(
        [
          [f.findings.bp, { measure: 'bp-control', themes: [1, 2], site: null, dimension: null, group: null }],
          [f.findings.theme, { measure: null, themes: [2], site: null, dimension: null, group: null }],
        ]
          .sort((a, b) => (a[0] as number) - (b[0] as number))
          .map((x) => x[1]),
      )
    })

    it('shows another organisation nothing under row-level security', async () => {
      const scoped = store.scoped({ organisationId: f.otherOrganisationId, siteIds: null })
      expect(await searchDecisions(scoped, f.organisationId, f.programmeId, { today: '2025-06-02' })).toEqual([])
      expect(await listDecisionVersions(scoped, f.organisationId, clinics)).toEqual([])
      const own = store.scoped({ organisationId: f.organisationId, siteIds: null })
      expect((await searchDecisions(own, f.organisationId, f.programmeId, { query: 'letters', today: '2025-06-02' })).map((d) => d.id)).toEqual([letters])
    })

    it('links a decision to its meeting', async () => {
      const groupId = (await insertDecisionGroup(store.db, f.organisationId, { code: 'board', name: 'Board', kind: 'board', purpose: '', at: AT }))!
      const meetingId = await insertMeeting(store.db, f.organisationId, { groupId, programmeId: f.programmeId, heldOn: '2025-06-10', title: 'June board', createdBy: 'x', at: AT })
      const id = await insertDecision(store.db, f.organisationId, { programmeId: f.programmeId, meetingId }, values({ title: 'Meeting decision' }))
      expect((await searchDecisions(store.db, f.organisationId, f.programmeId, { today: '2025-06-02', meetingId })).map((d) => d.id)).toEqual([id])
    })
  })
}
