// The review API on every engine: run the reviews, the loop board, an action's stored review with
// its evidence and history, rebase suggestions, the caller's inbox and webhooks, with their
// refusals as problem+json (403 role, 404 unknown or not yet reviewed, 400 naming the field).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestRebase } from '../../storage/rebases.ts'
import { NORTH_AFTER, NORTH_BEFORE, seedReview, type SeededReview } from '../../../test/review/seed-review.ts'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { jsonOf, keysDeep, openTestServer, problemOf, type TestServer } from '../../../test/support/server.ts'
import type { TestUser } from '../../../test/support/people.ts'

const ORG = '/api/v1/organisations/test'
const API = `${ORG}/programmes/htn`

const send = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })

interface Outcome { actionId: number; verdict: string | null; previous: string | null; changed: boolean; alerts: number }
interface Board { today: string; counts: Record<string, number>; actions: { id: number; verdict: string | null; overdue: boolean; summary: string | null; owner: string | null; rebaseSuggestions: number }[] }
interface Evidence { pointsBefore: number; pointsAfter: number; averageBefore: number | null; averageAfter: number | null; difference: number | null; signals: { kind: string; direction: string; periods: string[] }[]; levelChange: { estimate: number; lower: number; upper: number; p: number } | null; impactNote: string | null; chart: { chart: string; frozen: boolean; centre: number | null; points?: { period: string; type: string; upper: number }[] } }
interface Prediction { role: string; subject: string; verdict: string; basis: string; reasons: string[]; direction: string; expectedSize: number | null; sizeComparison: string | null; evidence: Evidence }
interface Review { action: { id: number; title: string }; verdict: string; label: string; reasons: string[]; dataThrough: string; predictions: Prediction[]; history: { previous: string | null; verdict: string }[] }
interface Inbox { unread: number; alerts: { id: number; kind: string; title: string; read: boolean; link: string }[] }

for (const engine of enginesUnderTest()) {
  describe(`review API on ${engine.engine}`, () => {
    let server: TestServer
    let seeded: SeededReview
    const as = (user: TestUser, path: string, init?: RequestInit) => server.requestAs(user, path, init)

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      seeded = await seedReview(server.deps)
    }, 60_000)
    afterAll(() => server?.close())

    it('refuses a viewer the run (403); a lead runs it and every action with predictions gets its verdict', async () => {
      const refused = await problemOf(await as('viewer', `${API}/review`, { method: 'POST' }), 403, 'forbidden')
      expect(refused.detail).toMatch(/lead/)
      const run = (await jsonOf(await as('lead', `${API}/review`, { method: 'POST' }))) as { reviewed: number; changed: number; outcomes: Outcome[] }
      expect(run).toMatchObject({ reviewed: 3, changed: 3 })
      expect(run.outcomes).toEqual([
        { actionId: seeded.working, title: 'Text reminders at North', verdict: 'working', previous: null, changed: true, alerts: 1 },
        { actionId: seeded.notWorking, title: 'Evening clinics at Beta', verdict: 'not_working', previous: null, changed: true, alerts: 1 },
        { actionId: seeded.tooEarly, title: 'Outreach in the most deprived fifth at Alpha', verdict: 'not_yet_clear', previous: null, changed: true, alerts: 1 },
        { actionId: seeded.noPredictions, title: 'Lend monitors', verdict: null, previous: null, changed: false, alerts: 0 },
      ])
      const audit = await server.store.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'review.run').execute()
      expect(audit).toEqual([{ action: 'review.run', target: 'organisation:test/programme:htn' }])
    })

    it('shows the loop board to a viewer: verdicts, first reasons, the overdue review and the counts', async () => {
      const board = (await jsonOf(await as('viewer', `${API}/review`))) as Board
      expect(board.today).toBe('2025-06-02')
      expect(board.counts).toEqual({ working: 1, not_yet_clear: 1, not_working: 1, harm: 0, unreviewed: 1, overdue: 1 })
      const byId = new Map(board.actions.map((a) => [a.id, a]))
      expect(byId.get(seeded.working)).toMatchObject({ verdict: 'working', overdue: true, owner: 'lead@test.example', rebaseSuggestions: 1 })
      expect(byId.get(seeded.working)?.summary).toBe('‘Text reminders at North’ (the change made on 3 March 2025): working. The predicted change has been seen for Blood pressure controlled at North network, and no balancing measure got worse.')
      expect(byId.get(seeded.notWorking)).toMatchObject({ verdict: 'not_working', overdue: false })
      expect(byId.get(seeded.noPredictions)).toMatchObject({ verdict: null, summary: null })
      await problemOf(await as('other_admin', `${API}/review`), 404, 'not_found')
      const unknown = await problemOf(await as('viewer', `${ORG}/programmes/nope/review`), 404, 'not_found')
      expect(unknown.detail).toBe('No programme with code "nope".')
    })

    it('gives an action’s review: reasons, each prediction’s evidence trimmed (no fitted values), and the verdict’s history', async () => {
      const review = (await jsonOf(await as('viewer', `${API}/actions/${seeded.working}/review`))) as Review
      expect(review).toMatchObject({ action: { id: seeded.working, title: 'Text reminders at North' }, verdict: 'working', label: 'Working', dataThrough: '2025-05-26', history: [{ previous: null, verdict: 'working' }] })
      expect(review.reasons[1]).toBe('Falls across the organisation cannot be checked for harm yet, so harm there cannot be ruled out.')
      const [primary, balancing] = review.predictions
      expect(primary).toMatchObject({ role: 'primary', subject: 'Blood pressure controlled at North network', verdict: 'working', basis: 'predicted_change', direction: 'increase', expectedSize: 0.1, sizeComparison: 'larger' })
      expect(primary!.reasons[1]).toBe(`The average was 50.0% over the ${NORTH_BEFORE} weeks before the change (from 14 October 2024) and 70.0% over the ${NORTH_AFTER} weeks since: 20.0 percentage points higher.`)
      const evidence = primary!.evidence
      expect(evidence).toMatchObject({ pointsBefore: NORTH_BEFORE, pointsAfter: NORTH_AFTER, averageBefore: 0.5, averageAfter: 0.7, impactNote: null, chart: { chart: 'p', frozen: true, centre: 0.5 } })
      expect(evidence.difference).toBeCloseTo(0.2, 10)
      expect(evidence.signals.map((s) => [s.kind, s.direction, s.periods.length])).toEqual([['shift', 'increase', NORTH_AFTER], ['outside_limits', 'increase', NORTH_AFTER]])
      expect(evidence.levelChange!.estimate).toBeCloseTo(0.1918, 4)
      expect(evidence.levelChange!.lower).toBeGreaterThan(0.17)
      expect(evidence.levelChange!.p).toBeLessThan(1e-10)
      expect(evidence.chart.points).toBeUndefined()
      expect(balancing).toMatchObject({ role: 'balancing', subject: 'Falls across the organisation', verdict: 'not_yet_clear', basis: 'short_baseline', direction: 'increase', expectedSize: null, evidence: { pointsBefore: 1, pointsAfter: 0, levelChange: null, chart: { chart: 'u', frozen: false, centre: null } } })
      expect(balancing!.evidence.impactNote).toMatch(/^There is no estimate of the size of the change yet/)
      const keys = keysDeep(review)
      for (const bulky of ['fitted', 'residuals', 'counterfactual', 'linear', 'points']) expect(keys.has(bulky), bulky).toBe(false)
    })

    it('adds the chart’s points with ?points=1, and refuses another value of points', async () => {
      const review = (await jsonOf(await as('viewer', `${API}/actions/${seeded.working}/review?points=1`))) as Review
      const points = review.predictions[0]!.evidence.chart.points!
      expect(points).toHaveLength(NORTH_BEFORE + NORTH_AFTER)
      expect(points[0]).toMatchObject({ period: '2024-10-14', type: 'common_cause' })
      expect(points.at(-1)).toMatchObject({ period: '2025-05-26', type: 'improvement' })
      expect(review.predictions[1]!.evidence.chart.points).toBeUndefined()
      await problemOf(await as('viewer', `${API}/actions/${seeded.working}/review?points=yes`), 400, 'invalid_request')
    })

    it('answers 404 for an unknown action and for one not reviewed yet, saying which; 400 for an id that is not a number', async () => {
      const unknown = await problemOf(await as('viewer', `${API}/actions/999999/review`), 404, 'not_found')
      expect(unknown.detail).toBe('No action 999999 in Hypertension.')
      const unreviewed = await problemOf(await as('viewer', `${API}/actions/${seeded.noPredictions}/review`), 404, 'not_found')
      expect(unreviewed.detail).toBe(`Action ${seeded.noPredictions} (‘Lend monitors’) has no review yet: the review engine checks an action from its change date once it has predictions.`)
      await problemOf(await as('viewer', `${API}/actions/first/review`), 400, 'invalid_request')
    })

    it('running the reviews again with the same data changes no verdict and raises no alert', async () => {
      const run = (await jsonOf(await as('admin', `${API}/review`, { method: 'POST' }))) as { changed: number; outcomes: Outcome[] }
      expect(run.changed).toBe(0)
      expect(run.outcomes.map((o) => [o.verdict, o.previous, o.alerts])).toEqual([['working', 'working', 0], ['not_working', 'not_working', 0], ['not_yet_clear', 'not_yet_clear', 0], [null, null, 0]])
      const review = (await jsonOf(await as('viewer', `${API}/actions/${seeded.notWorking}/review`))) as Review
      expect(review.history).toHaveLength(1)
      expect(review.predictions[0]).toMatchObject({ verdict: 'not_working', basis: 'no_change', evidence: { pointsBefore: 12, pointsAfter: 8, signals: [] } })
    })

    it('lists the suggested rebase of the working action; a lead accepts it (audited) or declines one; a bad decision is 400 naming the field', async () => {
      const listed = (await jsonOf(await as('viewer', `${API}/rebase-suggestions`))) as { suggestions: { id: number; measure: string; site: string; date: string; reason: string; actionId: number }[] }
      expect(listed.suggestions).toEqual([{ id: expect.any(Number), measure: 'bp-control', measureName: 'Blood pressure controlled', site: 'north', siteName: 'North network', date: '2025-03-03', reason: 'Change made: Text reminders at North', createdBy: 'review engine', actionId: seeded.working }])
      const id = listed.suggestions[0]!.id
      const bad = await problemOf(await as('lead', `${API}/rebase-suggestions/${id}`, send('POST', { decision: 'maybe' })), 400, 'invalid_request')
      expect(bad.issues?.[0]).toMatchObject({ column: 'decision' })
      await problemOf(await as('viewer', `${API}/rebase-suggestions/${id}`, send('POST', { decision: 'accept' })), 403, 'forbidden')
      expect(await jsonOf(await as('lead', `${API}/rebase-suggestions/${id}`, send('POST', { decision: 'accept' })))).toMatchObject({ id, status: 'accepted', date: '2025-03-03' })
      const again = await problemOf(await as('lead', `${API}/rebase-suggestions/${id}`, send('POST', { decision: 'decline' })), 404, 'not_found')
      expect(again.detail).toContain(`No suggested rebase ${id} is waiting`)
      const rebase = await server.store.db.selectFrom('rebases').select(['status', 'created_by']).where('id', '=', id).executeTakeFirstOrThrow()
      expect(rebase).toEqual({ status: 'accepted', created_by: 'lead@test.example' })

      const measure = await server.store.db.selectFrom('measures').select('id').where('organisation_id', '=', seeded.scope.organisation.id).where('code', '=', 'bp-control').executeTakeFirstOrThrow()
      await suggestRebase(server.store.db, seeded.scope.organisation.id, { measureId: measure.id, siteId: null, date: '2025-04-07', reason: 'Change made: a test', createdBy: 'review engine', actionId: seeded.notWorking })
      const [second] = ((await jsonOf(await as('viewer', `${API}/rebase-suggestions`))) as { suggestions: { id: number }[] }).suggestions
      expect(await jsonOf(await as('lead', `${API}/rebase-suggestions/${second!.id}`, send('POST', { decision: 'decline' })))).toMatchObject({ id: second!.id, site: null, status: 'declined' })
      expect(await jsonOf(await as('viewer', `${API}/rebase-suggestions`))).toEqual({ suggestions: [] })
      const audited = await server.store.db.selectFrom('audit_log').select('action').where('action', 'like', 'rebase.%').orderBy('seq').execute()
      expect(audited.map((a) => a.action)).toEqual(['rebase.accept', 'rebase.decline'])
    })

    it('gives each person their own inbox and marks only their own alerts read', async () => {
      const inbox = (await jsonOf(await as('lead', `${ORG}/inbox`))) as Inbox
      expect(inbox.unread).toBe(3)
      expect(inbox.alerts.map((a) => a.title).sort()).toEqual([
        'First verdict on ‘Evening clinics at Beta’: Not working',
        'First verdict on ‘Outreach in the most deprived fifth at Alpha’: Not yet clear',
        'First verdict on ‘Text reminders at North’: Working',
      ])
      expect(inbox.alerts.every((a) => a.kind === 'verdict_changed' && !a.read)).toBe(true)
      expect(inbox.alerts.find((a) => a.title.includes('North'))?.link).toBe(`/organisations/test/programmes/htn/actions/${seeded.working}`)
      expect(await jsonOf(await as('viewer', `${ORG}/inbox`))).toEqual({ unread: 0, alerts: [] })
      const ids = inbox.alerts.map((a) => a.id)
      expect(await jsonOf(await as('viewer', `${ORG}/inbox/read`, send('POST', { ids })))).toEqual({ marked: 0, unread: 0 })
      expect(((await jsonOf(await as('lead', `${ORG}/inbox?unread=1`))) as Inbox).alerts).toHaveLength(3)
      expect(await jsonOf(await as('lead', `${ORG}/inbox/read`, send('POST', { ids: [ids[0]] })))).toEqual({ marked: 1, unread: 2 })
      const unread = (await jsonOf(await as('lead', `${ORG}/inbox?unread=1`))) as Inbox
      expect(unread.alerts.map((a) => a.id)).toEqual(ids.slice(1))
      expect(await jsonOf(await as('lead', `${ORG}/inbox/read`, send('POST', {})))).toEqual({ marked: 2, unread: 0 })
      expect(((await jsonOf(await as('lead', `${ORG}/inbox`))) as Inbox).alerts.map((a) => a.read)).toEqual([true, true, true])
      const bad = await problemOf(await as('lead', `${ORG}/inbox/read`, send('POST', { ids: ['all'] })), 400, 'invalid_request')
      expect(bad.issues?.[0]).toMatchObject({ column: 'ids.0' })
      await problemOf(await as('lead', `${ORG}/inbox/read`, send('POST', { all: true })), 400, 'invalid_request')
      await problemOf(await as('other_admin', `${ORG}/inbox`), 404, 'not_found')
    })

    it('lets an administrator add a webhook (its secret shown once), list and remove it; refuses a lead and an address that is not http(s)', async () => {
      await problemOf(await as('lead', `${ORG}/webhooks`), 403, 'forbidden')
      await problemOf(await as('lead', `${ORG}/webhooks`, send('POST', { url: 'https://hooks.example.org/lhs' })), 403, 'forbidden')
      const ftp = await problemOf(await as('admin', `${ORG}/webhooks`, send('POST', { url: 'ftp://hooks.example.org/lhs' })), 400, 'invalid_request')
      expect(ftp).toMatchObject({ detail: 'The address starts with ftp: (expected https:// or http://).', issues: [{ column: 'url' }] })
      const text = await problemOf(await as('admin', `${ORG}/webhooks`, send('POST', { url: 'hooks' })), 400, 'invalid_request')
      expect(text.issues?.[0]).toMatchObject({ column: 'url', value: 'hooks' })
      await problemOf(await as('admin', `${ORG}/webhooks`, send('POST', {})), 400, 'invalid_request')
      const added = (await jsonOf(await as('admin', `${ORG}/webhooks`, send('POST', { url: 'https://hooks.example.org/lhs' })), 201)) as { id: number; url: string; secret: string }
      expect(added).toEqual({ id: expect.any(Number), url: 'https://hooks.example.org/lhs', secret: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) })
      const listed = (await jsonOf(await as('admin', `${ORG}/webhooks`))) as { webhooks: Record<string, unknown>[] }
      expect(listed.webhooks).toEqual([{ id: added.id, url: 'https://hooks.example.org/lhs', active: true, createdBy: 'admin@test.example', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }])
      expect(JSON.stringify(listed)).not.toContain(added.secret)
      const removed = await as('admin', `${ORG}/webhooks/${added.id}`, { method: 'DELETE' })
      expect(removed.status).toBe(204)
      const gone = await problemOf(await as('admin', `${ORG}/webhooks/${added.id}`, { method: 'DELETE' }), 404, 'not_found')
      expect(gone.detail).toBe(`No webhook ${added.id}.`)
      expect(await jsonOf(await as('admin', `${ORG}/webhooks`))).toEqual({ webhooks: [] })
    })

    it('documents every review route in the OpenAPI description', async () => {
      const doc = (await jsonOf(await server.rawApp.request('/api/openapi.json'))) as { paths: Record<string, Record<string, unknown>> }
      expect(Object.keys(doc.paths['/api/v1/organisations/{org}/programmes/{programme}/review'] ?? {}).sort()).toEqual(['get', 'post'])
      expect(Object.keys(doc.paths['/api/v1/organisations/{org}/programmes/{programme}/actions/{action}/review'] ?? {})).toEqual(['get'])
      expect(Object.keys(doc.paths['/api/v1/organisations/{org}/programmes/{programme}/rebase-suggestions/{suggestion}'] ?? {})).toEqual(['post'])
      expect(Object.keys(doc.paths['/api/v1/organisations/{org}/inbox/read'] ?? {})).toEqual(['post'])
      expect(Object.keys(doc.paths['/api/v1/organisations/{org}/webhooks'] ?? {}).sort()).toEqual(['get', 'post'])
      expect(Object.keys(doc.paths['/api/v1/organisations/{org}/webhooks/{webhook}'] ?? {})).toEqual(['delete'])
    })
  })
}
