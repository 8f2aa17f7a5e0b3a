// The implement use cases on every engine, under row-level security: each change is one transaction
// with its audit entry, refusals name the field, and the PDSA chain keeps its rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/app/auth/audit.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { getAim, setAim } from '../../src/app/implement/aim.ts'
import { createAction, editAction, getActionDetail, listProgrammeActions } from '../../src/app/implement/actions.ts'
import { annotationsForMeasure } from '../../src/app/implement/annotations.ts'
import { startCycle, updateCycle } from '../../src/app/implement/cycles.ts'
import { addDriver, editDriver, getDriverDiagram, removeDriver } from '../../src/app/implement/drivers.ts'
import { addPrediction, removePrediction } from '../../src/app/implement/predictions.ts'
import { AppError } from '../../src/core/errors.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { openTestServer, type TestServer } from '../support/server.ts'
import { seedImplement, type SeededLoop } from './seed-implement.ts'

const LEAD: Actor = { userId: null, name: 'lead@test.example', address: 'test' }

/** The AppError `work` is refused with (the test fails if it is not refused). */
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error, 'a refusal').toBeInstanceOf(AppError)
  return error as AppError
}

for (const engine of enginesUnderTest()) {
  describe(`implement use cases on ${engine.engine}`, () => {
    let server: TestServer
    let deps: AppDeps
    let loop: SeededLoop
    const auditOf = async (action: string) => server.store.db.selectFrom('audit_log').select(['actor', 'target', 'payload']).where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst()

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      const org = await server.store.db.selectFrom('organisations').select('id').where('code', '=', 'test').executeTakeFirstOrThrow()
      deps = { ...server.deps, store: { ...server.store, db: server.store.scoped({ organisationId: org.id, siteIds: null }) } }
      loop = await seedImplement(deps, 'test', 2)
    })
    afterAll(() => server.close())

    it('sets the aim at the version it started from, audited; a stale version changes nothing', async () => {
      const { scope } = loop
      const before = await getAim(deps, scope)
      const after = await setAim(deps, LEAD, scope, before.version, { statement: 'Raise control from 58% to 70% by March', measure: 'bp-control', baseline: 0.58, target: 0.7, by: '2026-03-31' })
      expect(after).toMatchObject({ statement: 'Raise control from 58% to 70% by March', measure: { code: 'bp-control', kind: 'proportion' }, baseline: 0.58, target: 0.7, by: '2026-03-31', version: before.version + 1 })
      expect(await auditOf('aim.update')).toMatchObject({ actor: 'lead@test.example', target: 'organisation:test/programme:htn/aim' })
      const stale = await refusal(setAim(deps, LEAD, scope, before.version, { statement: 'Stale', measure: null, baseline: null, target: null, by: null }))
      expect([stale.code, stale.message]).toEqual(['conflict', expect.stringContaining(`it is now version ${before.version + 1}`)])
      expect((await getAim(deps, scope)).statement).toBe('Raise control from 58% to 70% by March')
      expect((await refusal(setAim(deps, LEAD, scope, after.version, { statement: 'x', measure: 'other-only', baseline: null, target: null, by: null }))).issues[0]?.column).toBe('measure')
      expect((await refusal(setAim(deps, LEAD, scope, after.version, { statement: 'x', measure: 'bp-control', baseline: 1.2, target: null, by: null }))).message).toContain('120% is not a percentage between 0 and 100')
      expect((await refusal(setAim(deps, LEAD, scope, after.version, { statement: 'x', measure: null, baseline: null, target: null, by: '31/03/2026' }))).issues[0]?.column).toBe('by')
    })

    it('keeps the driver diagram’s shape: kinds under the right parents, order, links and removal with children', async () => {
      const { scope } = loop
      const parentError = await refusal(addDriver(deps, LEAD, scope, { kind: 'secondary', parentId: loop.changeIdeaId, title: 'Wrong place' }))
      expect([parentError.issues[0]?.column, parentError.message]).toEqual(['parent', 'A secondary driver goes under a primary driver: choose one.'])
      expect((await refusal(addDriver(deps, LEAD, scope, { kind: 'primary', parentId: null, title: '  ' }))).issues[0]?.column).toBe('title')
      expect((await refusal(addDriver(deps, LEAD, scope, { kind: 'primary', parentId: null, title: 'x'.repeat(201) }))).message).toBe('The title is 201 characters long (expected at most 200).')
      const trust = await addDriver(deps, LEAD, scope, { kind: 'primary', parentId: null, title: 'People trust the care offered' })
      const idea = await addDriver(deps, LEAD, scope, { kind: 'change_idea', parentId: trust.id, title: 'Community health checks' })
      await editDriver(deps, LEAD, scope, trust.id, { move: 'up', link: ['bp-control', 'falls'], unlink: ['falls'], title: 'People trust and understand the care' })
      expect((await refusal(editDriver(deps, LEAD, scope, trust.id, { move: 'up' }))).issues[0]?.column).toBe('move')
      expect((await refusal(editDriver(deps, LEAD, scope, trust.id, { link: ['other-only'] }))).issues[0]?.column).toBe('measure')
      const diagram = await getDriverDiagram(deps, scope)
      expect(diagram.drivers.map((d) => [d.depth, d.title, d.measures.map((m) => m.code)])).toEqual([
        [0, 'People trust and understand the care', ['bp-control']],
        [1, 'Community health checks', []],
        [0, 'Measuring is convenient', []],
        [1, 'People can measure at home', []],
        [2, 'Lend home monitors', []],
      ])
      expect((await refusal(removeDriver(deps, LEAD, scope, trust.id, false))).code).toBe('conflict')
      expect(await removeDriver(deps, LEAD, scope, trust.id, true)).toBe(2)
      expect(await removeDriver(deps, LEAD, scope, idea.id, true).catch((e: AppError) => e.code)).toBe('not_found')
      const entry = await auditOf('driver.remove')
      expect(JSON.parse(entry!.payload).before.removed.map((d: { title: string }) => d.title)).toEqual(['People trust and understand the care', 'Community health checks'])
    })

    it('creates and edits actions with optimistic concurrency, refusing bad input by field', async () => {
      const { scope } = loop
      const base = { title: 'Reminders in four languages', owner: 'analyst@test.example', sites: ['alpha', 'beta'], startDate: '2025-04-07', reviewDate: '2025-07-07' }
      const cases: [Record<string, unknown>, string, string][] = [
        [{ title: '' }, 'title', 'Enter the title.'],
        [{ startDate: '2025-02-30' }, 'startDate', 'The change date "2025-02-30" is not a date (expected a real date as YYYY-MM-DD, for example 2025-03-31).'],
        [{ reviewDate: '2025-01-01' }, 'reviewDate', 'The review date (2025-01-01) is before the change date (2025-04-07): it must be on or after it.'],
        [{ sites: ['gamma'] }, 'sites', 'No site "gamma" in Test ICS (expected one of north, alpha, beta).'],
        [{ owner: 'admin@other.example' }, 'owner', '"admin@other.example" is not a member of Test ICS: choose the owner from its people.'],
        [{ changeIdea: loop.driverId }, 'changeIdea', expect.stringContaining('is not a change idea')],
        [{ decision: 999_999 }, 'decision', 'No decision 999999 in Hypertension.'],
        [{ status: 'done' }, 'status', '"done" is not a status (expected planned, in_progress, adopted, adapted, abandoned).'],
      ]
      for (const [over, field, message] of cases) {
        const error = await refusal(createAction(deps, LEAD, scope, { ...base, ...over } as typeof base))
        expect([error.code, error.issues[0]?.column, error.message]).toEqual(['invalid_request', field, message])
      }
      const action = await createAction(deps, LEAD, scope, { ...base, decision: loop.decisionId })
      expect(action).toMatchObject({ status: 'planned', owner: { email: 'analyst@test.example' }, sites: [{ code: 'alpha' }, { code: 'beta' }], decision: { id: loop.decisionId, title: 'Lend home blood-pressure monitors' }, version: 1 })
      const edited = await editAction(deps, LEAD, scope, action.id, 1, { status: 'in_progress', reviewDate: '2025-08-04', sites: ['alpha'] })
      expect(edited).toMatchObject({ status: 'in_progress', reviewDate: '2025-08-04', sites: [{ code: 'alpha' }], title: base.title, version: 2 })
      const stale = await refusal(editAction(deps, LEAD, scope, action.id, 1, { status: 'abandoned' }))
      expect([stale.code, stale.message]).toEqual(['conflict', expect.stringContaining('you started from version 1; it is now version 2')])
      expect((await getActionDetail(deps, scope, action.id)).status).toBe('in_progress')
      expect(JSON.parse((await auditOf('action.update'))!.payload)).toMatchObject({ before: { status: 'planned', version: 1 }, after: { status: 'in_progress', version: 2 } })
    })

    it('adds predictions named by measure, site and group; refuses another programme’s measure, an unknown site and a group the measure lacks', async () => {
      const { scope, actionId } = loop
      const base = { role: 'primary', measure: 'bp-control', site: 'beta', direction: 'increase' }
      const cases: [Record<string, unknown>, string, string | RegExp][] = [
        [{ measure: 'other-only' }, 'measure', /"other-only" is not a measure of Hypertension/],
        [{ site: 'gamma' }, 'site', /No site "gamma" in Test ICS/],
        [{ dimension: 'imd_quintile', group: '9' }, 'group', 'Blood pressure controlled has no data for the group "9" of "imd_quintile" (its groups of imd_quintile are 1).'],
        [{ dimension: 'ethnicity', group: 'Mixed' }, 'group', /it has no data by ethnicity/],
        [{ direction: 'up' }, 'direction', /"up" is not the expected direction/],
        [{ expectedSize: 5 }, 'expectedSize', 'The expected size 500 percentage points is more than 100.'],
        [{ byDate: '2025-01-01' }, 'byDate', /before the change date/],
        [{ role: 'main' }, 'role', /is not a role/],
      ]
      for (const [over, field, message] of cases) {
        const error = await refusal(addPrediction(deps, LEAD, scope, actionId, { ...base, ...over } as typeof base))
        expect([error.issues[0]?.column, error.message]).toEqual([field, typeof message === 'string' ? message : expect.stringMatching(message)])
      }
      const added = await addPrediction(deps, LEAD, scope, actionId, { ...base, dimension: 'imd_quintile', group: '1', expectedSize: 0.05 })
      expect(added).toMatchObject({ role: 'primary', measure: { code: 'bp-control', name: 'Blood pressure controlled', kind: 'proportion', direction: 'increase' }, site: { code: 'beta', name: 'Beta Practice', wholeOrganisation: false }, dimension: 'imd_quintile', group: '1', expectedSize: 0.05 })
      expect((await refusal(addPrediction(deps, LEAD, scope, actionId, { ...base, dimension: 'imd_quintile', group: '1' }))).message).toContain('already predicts')
      await removePrediction(deps, LEAD, scope, actionId, added.id)
      expect((await refusal(removePrediction(deps, LEAD, scope, actionId, added.id))).code).toBe('not_found')
      expect(await auditOf('prediction.remove')).toMatchObject({ target: `organisation:test/programme:htn/action:${actionId}/prediction:${added.id}` })
    })

    it('chains PDSA cycles: no second cycle before the first has an act; the act sets the status; a new cycle sets it back', async () => {
      const { scope, actionId } = loop
      const second = await refusal(startCycle(deps, LEAD, scope, actionId, { plan: 'Again', prediction: 'More', startedOn: '2025-04-01' }))
      expect([second.code, second.issues[0]?.column, second.message]).toEqual(['conflict', 'plan', 'Cycle 1 has no act yet: record whether to adopt, adapt or abandon the change before starting cycle 2.'])
      await updateCycle(deps, LEAD, scope, actionId, 1, { prediction: 'Most come back with readings' })
      await updateCycle(deps, LEAD, scope, actionId, 1, { doNotes: '18 lent, 11 back' })
      expect((await refusal(updateCycle(deps, LEAD, scope, actionId, 1, { prediction: 'Changed after the fact' }))).issues[0]?.column).toBe('prediction')
      expect((await refusal(updateCycle(deps, LEAD, scope, actionId, 1, { act: 'adapt' }))).issues[0]?.column).toBe('finishedOn')
      await updateCycle(deps, LEAD, scope, actionId, 1, { studyNotes: 'Fewer than predicted came back', act: 'adapt', actNotes: 'Text reminders to return', finishedOn: '2025-03-31' })
      expect((await getActionDetail(deps, scope, actionId)).status).toBe('adapted')
      const next = await startCycle(deps, LEAD, scope, actionId, { plan: 'Lend 20 with text reminders', prediction: '15 come back', startedOn: '2025-04-01' })
      expect(next.number).toBe(2)
      const detail = await getActionDetail(deps, scope, actionId)
      expect([detail.status, detail.cycles.map((c) => [c.number, c.act])]).toEqual(['in_progress', [[1, 'adapt'], [2, null]]])
      expect((await refusal(updateCycle(deps, LEAD, scope, actionId, 1, { act: 'adopt' }))).issues[0]?.column).toBe('act')
      await updateCycle(deps, LEAD, scope, actionId, 2, { act: 'abandon', finishedOn: '2025-04-28' })
      expect((await getActionDetail(deps, scope, actionId)).status).toBe('abandoned')
      expect(await auditOf('pdsa.update')).toMatchObject({ target: `organisation:test/programme:htn/action:${actionId}/cycle:2` })
      expect(JSON.parse((await auditOf('pdsa.start'))!.payload)).toMatchObject({ before: { status: 'adapted' }, after: { number: 2, status: 'in_progress' } })
    })

    it('rolls a refused change back whole: nothing written, no audit entry', async () => {
      const count = async () => Number((await server.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      const entries = await count()
      const cycles = (await getActionDetail(deps, loop.scope, loop.actionId)).cycles.length
      await refusal(startCycle(deps, LEAD, loop.scope, loop.actionId, { plan: 'p', prediction: 'q', startedOn: 'soon' }))
      expect([await count(), (await getActionDetail(deps, loop.scope, loop.actionId)).cycles.length]).toEqual([entries, cycles])
    })

    it('gives the review engine every action with named predictions, and the charts their annotations', async () => {
      const { scope, actionId } = loop
      const actions = await listProgrammeActions(deps, scope)
      const seeded = actions.find((a) => a.id === actionId)!
      expect(seeded.predictions.find((p) => p.role === 'balancing' && p.measure.code === 'falls')).toMatchObject({ site: { code: 'test', wholeOrganisation: true }, dimension: null, group: null, direction: 'increase', measure: { name: 'Falls', kind: 'rate', direction: 'neutral' } })
      const notes = await annotationsForMeasure(deps, scope, 'falls')
      expect(notes.map((n) => [n.kind, n.date, n.text])).toEqual([
        ['action', '2025-03-03', 'Change: Lend home monitors at Alpha'],
        ['pdsa_cycle', '2025-03-03', 'PDSA cycle 1: Lend home monitors at Alpha'],
        ['pdsa_cycle', '2025-04-01', 'PDSA cycle 2: Lend home monitors at Alpha'],
      ])
      expect(await annotationsForMeasure(deps, scope, 'falls', 'beta')).toEqual([])
      expect((await annotationsForMeasure(deps, scope, 'falls', 'alpha')).length).toBe(3)
      expect(await annotationsForMeasure(deps, scope, 'falls', 'test')).toEqual(notes)
      expect((await refusal(annotationsForMeasure(deps, scope, 'nope'))).code).toBe('not_found')
    })
  })
}
