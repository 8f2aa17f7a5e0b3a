/**
 * Seeding the demo's loop on the seeded demo (its findings computed): every record lands with its
 * codes resolved, agendas and decisions cite the demo's findings, and seeding again changes
 * nothing (seedLoop skips a programme that already has loop records).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getProgrammeScope } from '../../src/app/catalogue.ts'
import { DEMO_SCHEDULE, seedBriefingSchedule } from '../../src/app/seed/seed-share.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { seedDemo } from '../../src/app/seed/seed-demo.ts'
import { seedLoop, type LoopSeedReport } from '../../src/app/seed/seed-loop.ts'
import { demoLoop } from '../../src/demo/index.ts'
import type { Store } from '../../src/storage/database.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { fixedClock } from '../support/fixture.ts'

const LOOP_TABLES = [
  'drivers', 'driver_measures', 'decision_groups', 'decision_group_members', 'meetings', 'meeting_items', 'meeting_attendance',
  'decisions', 'decision_versions', 'actions', 'action_sites', 'predictions', 'pdsa_cycles',
] as const

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of [...LOOP_TABLES, 'users', 'memberships'] as const) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

for (const engine of enginesUnderTest()) {
  describe(`seeding the demo loop on ${engine.engine}`, () => {
    const loop = demoLoop()
    let store: Store
    let deps: AppDeps
    let first: LoopSeedReport
    beforeAll(async () => {
      store = await engine.open()
      deps = { store, clock: fixedClock('2026-09-01T09:00:00Z') }
      await seedDemo(deps)
      // In the caller's transaction, as seedDemo calls it (it may already have: then this one skips).
      first = await store.db.transaction().execute((trx) => seedLoop({ ...deps, store: { ...store, db: trx } }, 'riverside'))
    }, 180_000)
    afterAll(async () => {
      await store?.close()
      await engine.cleanUp()
    })

    it('refuses an organisation the demo has no loop for, and with strict, a loop citing findings that are not there (writing nothing)', async () => {
      const before = await rowCounts(store)
      await expect(seedLoop(deps, 'northshore')).rejects.toThrow('the demo has no loop for organisation "northshore"')
      await expect(seedLoop(deps, 'northshore', { strict: true, loop: { ...loop, organisation: 'northshore' } })).rejects.toThrow(/cites findings that were not computed .*"bp-control\|\|imd_quintile:1\|level"/)
      expect(await rowCounts(store)).toEqual(before)
    })

    it('writes every record of the loop, citing only findings the demo computed', async () => {
      if (first.seeded) {
        expect(first.missingFindings).toEqual([])
        expect(first.counts).toMatchObject({ people: loop.people.length, groups: 3, meetings: 3, decisions: 3, actions: loop.actions.length, pdsaCycles: 7 })
      }
      const counts = await rowCounts(store)
      const drivers = (ds: typeof loop.drivers): number => ds.reduce((n, d) => n + 1 + drivers(d.children), 0)
      expect(counts).toMatchObject({
        drivers: drivers(loop.drivers),
        decision_groups: 3,
        decision_group_members: loop.groups.reduce((n, g) => n + g.members.length, 0),
        meetings: 3,
        meeting_items: loop.meetings.reduce((n, m) => n + m.agenda.length, 0),
        meeting_attendance: loop.meetings.reduce((n, m) => n + m.attended.length, 0),
        decisions: 3,
        decision_versions: 3,
        actions: 8,
        action_sites: 8,
        predictions: loop.actions.reduce((n, a) => n + a.predictions.length, 0),
        pdsa_cycles: 7,
      })
      const findings = await store.db.selectFrom('meeting_items as i').innerJoin('findings as f', (j) => j.onRef('f.organisation_id', '=', 'i.organisation_id').onRef('f.id', '=', 'i.finding_id')).select('f.key').execute()
      expect(new Set(findings.map((f) => f.key))).toEqual(new Set(loop.meetings.flatMap((m) => m.agenda)))
    })

    it('stores the aim on the programme', async () => {
      const programme = await store.db
        .selectFrom('programmes as p')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .innerJoin('measures as m', (j) => j.onRef('m.organisation_id', '=', 'p.organisation_id').onRef('m.id', '=', 'p.aim_measure_id'))
        .select(['m.code', 'p.aim_baseline', 'p.aim_target', 'p.aim_by'])
        .where('o.code', '=', 'riverside')
        .where('p.code', '=', 'htn')
        .executeTakeFirstOrThrow()
      expect(programme).toEqual({ code: 'bp-control', aim_baseline: 0.58, aim_target: 0.7, aim_by: '2026-03-31' })
    })

    it('keeps each decision with its meeting, owner, review date and the findings it rests on', async () => {
      const rows = await store.db
        .selectFrom('decision_versions as v')
        .innerJoin('decisions as d', (j) => j.onRef('d.organisation_id', '=', 'v.organisation_id').onRef('d.id', '=', 'v.decision_id'))
        .innerJoin('meetings as m', (j) => j.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.id', '=', 'd.meeting_id'))
        .innerJoin('users as u', 'u.id', 'v.owner_user_id')
        .select(['v.title', 'v.label', 'v.review_date', 'v.finding_ids', 'v.options_considered', 'm.held_on', 'u.email'])
        .orderBy('d.id')
        .execute()
      expect(rows.map((r) => [r.title, r.label, r.held_on])).toEqual([
        ['Standardise home monitor loans and reminders in four languages', 'standardise', '2025-08-05'],
        ['Allow local variation in which community venue hosts checks', 'local_variation', '2025-08-20'],
        ['Stop postal-only invitations', 'stop', '2025-08-20'],
      ])
      const keyOf = new Map((await store.db.selectFrom('findings').select(['id', 'key']).execute()).map((f) => [f.id, f.key]))
      for (const [i, row] of rows.entries()) {
        expect(row.finding_ids.map((id) => keyOf.get(id))).toEqual(loop.decisions[i]!.findings)
        expect(row.options_considered).toEqual(loop.decisions[i]!.optionsConsidered)
        expect(row.email).toBe(loop.decisions[i]!.owner)
      }
    })

    it('starts each practice’s action on its change date with its predictions; the postal action’s review is overdue', async () => {
      const rows = await store.db
        .selectFrom('predictions as p')
        .innerJoin('actions as a', (j) => j.onRef('a.organisation_id', '=', 'p.organisation_id').onRef('a.id', '=', 'p.action_id'))
        .innerJoin('measures as m', (j) => j.onRef('m.organisation_id', '=', 'p.organisation_id').onRef('m.id', '=', 'p.measure_id'))
        .innerJoin('sites as s', (j) => j.onRef('s.organisation_id', '=', 'p.organisation_id').onRef('s.id', '=', 'p.site_id'))
        .select(['a.title', 'a.start_date', 'a.status', 'a.review_date', 'p.role', 'm.code as measure', 's.code as site', 'p.dimension', 'p.group_name', 'p.direction', 'p.expected_size', 'p.by_date'])
        .where('p.role', '=', 'primary')
        .orderBy('a.id')
        .execute()
      expect(rows.map((r) => [r.title, r.start_date, r.status, r.measure, r.site, `${r.dimension}:${r.group_name}`, r.expected_size, r.by_date])).toEqual([
        ['Home monitor loans and reminders at Eastgate', '2025-09-01', 'in_progress', 'bp-control', 'eastgate', 'imd_quintile:1', 0.05, '2026-03-02'],
        ['Home monitor loans and reminders at Northfield', '2025-09-08', 'in_progress', 'bp-control', 'northfield', 'imd_quintile:1', 0.05, '2026-03-09'],
        ['Home monitor loans and reminders at Westbrook', '2025-09-29', 'in_progress', 'bp-control', 'westbrook', ':', 0.05, '2026-03-30'],
        ['Home monitor loans and reminders at Southmead', '2025-09-15', 'in_progress', 'bp-control', 'southmead', 'imd_quintile:1', 0.05, '2026-03-16'],
        ['Home monitor loans and reminders at Hillside', '2025-09-15', 'adapted', 'bp-control', 'hillside', 'imd_quintile:1', 0.05, '2026-03-16'],
        ['Home monitor loans and reminders at Riverbank', '2025-09-15', 'in_progress', 'bp-control', 'riverbank', 'imd_quintile:1', 0.05, '2026-03-16'],
        ['Community venue checks, each practice choosing its venue', '2025-09-01', 'in_progress', 'community-referral', 'riverside', ':', 0.03, '2026-03-02'],
        ['Stop postal-only invitations', '2025-09-01', 'in_progress', 'bp-recorded', 'riverside', ':', 0.03, '2026-03-02'],
      ])
      const overdue = await store.db.selectFrom('actions').select('title').where('review_date', '<', '2026-08-24').execute()
      expect(overdue).toEqual([{ title: 'Stop postal-only invitations' }])
      const sites = await store.db
        .selectFrom('action_sites as x')
        .innerJoin('actions as a', (j) => j.onRef('a.organisation_id', '=', 'x.organisation_id').onRef('a.id', '=', 'x.action_id'))
        .innerJoin('sites as s', (j) => j.onRef('s.organisation_id', '=', 'x.organisation_id').onRef('s.id', '=', 'x.site_id'))
        .select(['a.title', 's.code'])
        .where('a.title', '=', 'Home monitor loans and reminders at Eastgate')
        .execute()
      expect(sites).toEqual([{ title: 'Home monitor loans and reminders at Eastgate', code: 'eastgate' }])
    })

    it('gives hillside an adapted first cycle and a second cycle under way, each written before it started', async () => {
      const cycles = await store.db
        .selectFrom('pdsa_cycles as c')
        .innerJoin('actions as a', (j) => j.onRef('a.organisation_id', '=', 'c.organisation_id').onRef('a.id', '=', 'c.action_id'))
        .select(['c.number', 'c.act', 'c.started_on', 'c.finished_on', 'c.created_at'])
        .where('a.title', '=', 'Home monitor loans and reminders at Hillside')
        .orderBy('c.number')
        .execute()
      expect(cycles.map((c) => [c.number, c.act, c.started_on, c.finished_on])).toEqual([
        [1, 'adapt', '2025-09-15', '2026-03-17'],
        [2, null, '2026-03-23', null],
      ])
      for (const c of cycles) expect(new Date(c.created_at).toISOString().slice(0, 10) <= c.started_on).toBe(true)
    })

    it('adds the synthetic people without a password, as members of riverside', async () => {
      const people = await store.db
        .selectFrom('users as u')
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['u.email', 'u.password_hash', 'o.code', 'm.role'])
        .where('u.email', 'in', loop.people.map((p) => p.email))
        .execute()
      expect(people).toHaveLength(loop.people.length)
      for (const p of people) expect([p.password_hash, p.code]).toEqual([null, 'riverside'])
    })

    it('schedules the board briefing for the programme board, once', async () => {
      const rows = await store.db
        .selectFrom('briefing_schedules as s')
        .innerJoin('decision_groups as g', (j) => j.onRef('g.organisation_id', '=', 's.organisation_id').onRef('g.id', '=', 's.group_id'))
        .select(['g.code', 's.kind', 's.audience', 's.format', 's.cadence', 's.day_of_month'])
        .execute()
      const { group, dayOfMonth, ...rest } = DEMO_SCHEDULE
      expect(rows).toEqual([{ code: group, ...rest, day_of_month: dayOfMonth }])
      const scope = await getProgrammeScope(deps, 'riverside', 'htn')
      expect(await seedBriefingSchedule(deps, scope)).toBe(false)
    })

    it('changes nothing when run again', async () => {
      const before = await rowCounts(store)
      const again = await seedLoop(deps, 'riverside')
      expect(again).toEqual({ seeded: false, counts: expect.objectContaining({ actions: 0, decisions: 0 }), missingFindings: [] })
      expect(await rowCounts(store)).toEqual(before)
    })
  })
}
