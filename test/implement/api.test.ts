// The implement API on every engine: aim, drivers, actions, predictions and PDSA cycles, with their
// refusals as problem+json (400 bad input naming the field, 409 stale or against the PDSA rules, 428 no version).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../support/engines.ts'
import { jsonOf, openTestServer, problemOf, type TestServer } from '../support/server.ts'
import { seedImplement, type SeededLoop } from './seed-implement.ts'

const API = '/api/v1/organisations/test/programmes/htn'

const send = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })

interface ApiAction {
  id: number
  version: number
  status: string
  predictions: { id: number; role: string; measure: { code: string }; site: { code: string; wholeOrganisation: boolean }; dimension: string | null; group: string | null; expectedSize: number | null }[]
  cycles: { number: number; act: string | null }[]
}

for (const engine of enginesUnderTest()) {
  describe(`implement API on ${engine.engine}`, () => {
    let server: TestServer
    let loop: SeededLoop
    const as = (user: 'lead' | 'viewer' | 'analyst', path: string, init?: RequestInit) => server.requestAs(user, `${API}${path}`, init)

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      loop = await seedImplement(server.deps, 'test', 2)
    })
    afterAll(() => server.close())

    it('reads and sets the aim with its version; a stale version gets 409; a measure of another programme 400', async () => {
      const aim = (await jsonOf(await as('viewer', '/aim'))) as { version: number; statement: string }
      expect(aim.statement).toBe('More people controlled')
      const body = { version: aim.version, statement: 'From 58% to 70% by March', measure: 'bp-control', baseline: 0.58, target: 0.7, by: '2026-03-31' }
      await problemOf(await as('viewer', '/aim', send('PUT', body)), 403, 'forbidden')
      const saved = await jsonOf(await as('lead', '/aim', send('PUT', body)))
      expect(saved).toMatchObject({ statement: 'From 58% to 70% by March', measure: { code: 'bp-control', name: 'Blood pressure controlled' }, baseline: 0.58, target: 0.7, by: '2026-03-31', version: aim.version + 1 })
      await problemOf(await as('lead', '/aim', send('PUT', body)), 409, 'conflict')
      const other = await problemOf(await as('lead', '/aim', send('PUT', { ...body, version: aim.version + 1, measure: 'other-only' })), 400, 'invalid_request')
      expect(other.issues?.[0]).toMatchObject({ column: 'measure' })
      await problemOf(await as('lead', '/aim', send('PUT', { statement: 'no version' })), 400, 'invalid_request')
    })

    it('keeps the driver diagram: add, rename, move, link, and remove with children only when asked', async () => {
      const added = (await jsonOf(await as('lead', '/drivers', send('POST', { kind: 'primary', parentId: null, title: 'Treatment is optimised' })), 201)) as { id: number }
      const wrong = await problemOf(await as('lead', '/drivers', send('POST', { kind: 'change_idea', parentId: null, title: 'Orphan idea' })), 400, 'invalid_request')
      expect(wrong).toMatchObject({ detail: 'A change idea goes under a secondary driver or a primary driver: choose one.', issues: [{ column: 'parent' }] })
      await problemOf(await as('lead', '/drivers', send('POST', { kind: 'primary', parentId: null, title: '' })), 400, 'invalid_request')
      const changed = await jsonOf(await as('lead', `/drivers/${added.id}`, send('PATCH', { title: 'Treatment is optimised quickly', move: 'up', link: ['bp-control'] })))
      expect(changed).toMatchObject({ title: 'Treatment is optimised quickly', depth: 0, measures: [{ code: 'bp-control' }] })
      await problemOf(await as('lead', `/drivers/${added.id}`, send('PATCH', {})), 400, 'invalid_request')
      await problemOf(await as('lead', `/drivers/999999`, send('PATCH', { title: 'x' })), 404, 'not_found')
      const diagram = (await jsonOf(await as('viewer', '/drivers'))) as { drivers: { id: number; title: string }[] }
      expect(diagram.drivers.map((d) => d.title)).toEqual(['Treatment is optimised quickly', 'Measuring is convenient', 'People can measure at home', 'Lend home monitors'])
      const spare = (await jsonOf(await as('lead', '/drivers', send('POST', { kind: 'secondary', parentId: added.id, title: 'Doses are reviewed' })), 201)) as { id: number }
      await problemOf(await as('lead', `/drivers/${added.id}`, { method: 'DELETE' }), 409, 'conflict')
      expect(await jsonOf(await as('lead', `/drivers/${added.id}?withChildren=true`, { method: 'DELETE' }))).toEqual({ removed: 2 })
      await problemOf(await as('lead', `/drivers/${spare.id}`, { method: 'DELETE' }), 404, 'not_found')
    })

    it('creates, reads and changes actions with the version (If-Match or body): 428 without one, 409 when stale', async () => {
      const bad = await problemOf(await as('lead', '/actions', send('POST', { title: 'Evening clinics', startDate: '2025-04-07', reviewDate: '2025-04-01' })), 400, 'invalid_request')
      expect(bad.issues?.[0]).toMatchObject({ column: 'reviewDate' })
      const created = (await jsonOf(await as('lead', '/actions', send('POST', { title: 'Evening clinics', startDate: '2025-04-07', sites: ['beta'], owner: 'lead@test.example', decision: loop.decisionId })), 201)) as ApiAction
      expect(created).toMatchObject({ status: 'planned', version: 1, decision: { id: loop.decisionId }, sites: [{ code: 'beta', wholeOrganisation: false }] })
      const got = await as('viewer', `/actions/${created.id}`)
      expect(got.headers.get('etag')).toBe('"1"')
      await problemOf(await as('lead', `/actions/${created.id}`, send('PATCH', { status: 'in_progress' })), 428, 'precondition_required')
      const patched = await as('lead', `/actions/${created.id}`, send('PATCH', { status: 'in_progress' }, { 'if-match': '"1"' }))
      expect(((await jsonOf(patched)) as ApiAction).version).toBe(2)
      expect(patched.headers.get('etag')).toBe('"2"')
      const stale = await problemOf(await as('lead', `/actions/${created.id}`, send('PATCH', { version: 1, status: 'abandoned' })), 409, 'conflict')
      expect(stale.detail).toContain('it is now version 2')
      const list = (await jsonOf(await as('viewer', '/actions'))) as { actions: ApiAction[] }
      expect(list.actions.map((a) => a.id)).toEqual([created.id, loop.actionId])
      await problemOf(await as('viewer', `/actions/999999`), 404, 'not_found')
    })

    it('adds and removes predictions; refuses a group the measure lacks and an unknown site', async () => {
      const path = `/actions/${loop.actionId}/predictions`
      const group = await problemOf(await as('lead', path, send('POST', { role: 'primary', measure: 'bp-control', dimension: 'imd_quintile', group: '5', direction: 'increase' })), 400, 'invalid_request')
      expect(group.issues?.[0]).toMatchObject({ column: 'group' })
      await problemOf(await as('lead', path, send('POST', { role: 'primary', measure: 'bp-control', site: 'gamma', direction: 'increase' })), 400, 'invalid_request')
      const added = (await jsonOf(await as('lead', path, send('POST', { role: 'balancing', measure: 'monitors-lent', site: 'beta', direction: 'decrease', expectedSize: 3 })), 201)) as ApiAction['predictions'][number]
      expect(added).toMatchObject({ role: 'balancing', measure: { code: 'monitors-lent' }, site: { code: 'beta' }, dimension: null, group: null, expectedSize: 3 })
      expect(added).not.toHaveProperty('actionId')
      expect((await as('lead', `${path}/${added.id}`, { method: 'DELETE' })).status).toBe(204)
      await problemOf(await as('lead', `${path}/${added.id}`, { method: 'DELETE' }), 404, 'not_found')
    })

    it('chains PDSA cycles: 409 for a second cycle before the first has an act, acts set the status', async () => {
      const path = `/actions/${loop.actionId}/cycles`
      const early = await problemOf(await as('lead', path, send('POST', { plan: 'Again', prediction: 'More', startedOn: '2025-04-01' })), 409, 'conflict')
      expect(early.detail).toBe('Cycle 1 has no act yet: record whether to adopt, adapt or abandon the change before starting cycle 2.')
      await jsonOf(await as('lead', `${path}/1`, send('PATCH', { doNotes: '18 lent' })))
      const locked = await problemOf(await as('lead', `${path}/1`, send('PATCH', { prediction: 'Rewritten' })), 409, 'conflict')
      expect(locked.issues?.[0]).toMatchObject({ column: 'prediction' })
      await problemOf(await as('lead', `${path}/1`, send('PATCH', { act: 'adapt', finishedOn: '31 March' })), 400, 'invalid_request')
      expect(await jsonOf(await as('lead', `${path}/1`, send('PATCH', { act: 'adapt', finishedOn: '2025-03-31', studyNotes: 'Fewer back than predicted' })))).toMatchObject({ number: 1, act: 'adapt', finishedOn: '2025-03-31' })
      expect(((await jsonOf(await as('viewer', `/actions/${loop.actionId}`))) as ApiAction).status).toBe('adapted')
      expect(await jsonOf(await as('lead', path, send('POST', { plan: 'With text reminders', prediction: '15 back', startedOn: '2025-04-01' })), 201)).toMatchObject({ number: 2, act: null })
      const cycles = (await jsonOf(await as('viewer', path))) as { cycles: { number: number }[] }
      expect(cycles.cycles.map((c) => c.number)).toEqual([1, 2])
      await problemOf(await as('lead', `${path}/7`, send('PATCH', { doNotes: 'x' })), 404, 'not_found')
      await problemOf(await as('analyst', path, send('POST', { plan: 'p', prediction: 'q', startedOn: '2025-05-01' })), 403, 'forbidden')
    })

    it('documents every route in the OpenAPI description', async () => {
      const doc = (await jsonOf(await server.rawApp.request('/api/openapi.json'))) as { paths: Record<string, Record<string, { tags?: string[] }>> }
      const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).filter(([, op]) => op.tags?.includes('Implement')).map(([m]) => `${m.toUpperCase()} ${p.replace('/api/v1/organisations/{org}/programmes/{programme}', '')}`))
      expect(operations.sort()).toEqual(
        [
          'GET /aim', 'PUT /aim', 'GET /drivers', 'POST /drivers', 'PATCH /drivers/{driver}', 'DELETE /drivers/{driver}', 'GET /actions', 'POST /actions', 'GET /actions/{action}', 'PATCH /actions/{action}',
          'POST /actions/{action}/predictions', 'DELETE /actions/{action}/predictions/{prediction}', 'GET /actions/{action}/cycles', 'POST /actions/{action}/cycles', 'PATCH /actions/{action}/cycles/{cycle}',
        ].sort(),
      )
    })
  })
}
