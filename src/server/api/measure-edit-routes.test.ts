import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { jsonOf, openTestServer, problemOf, type TestServer } from '../../../test/support/server.ts'

const MEASURE = '/api/v1/organisations/test/programmes/htn/measures/bp-control'

for (const engine of enginesUnderTest()) {
  describe(`editing a measure on ${engine.engine}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(() => server.close())

    const patch = (body: unknown, headers: Record<string, string> = {}, user: 'analyst' | 'viewer' = 'analyst') =>
      server.requestAs(user, MEASURE, { method: 'PATCH', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })
    const current = async () => (await jsonOf(await server.app.request(MEASURE))) as { name: string; target: number | null; version: number }

    it('changes the fields sent, bumps the version, says it in the ETag, and audits before and after', async () => {
      const before = await current()
      const response = await patch({ version: before.version, name: 'Blood pressure under control', target: 0.8 })
      const body = (await jsonOf(response)) as { name: string; target: number; version: number }
      expect(body).toMatchObject({ name: 'Blood pressure under control', target: 0.8, version: before.version + 1 })
      expect(response.headers.get('etag')).toBe(`"${before.version + 1}"`)
      const entry = await server.store.db.selectFrom('audit_log').select(['action', 'actor', 'payload']).orderBy('seq', 'desc').executeTakeFirstOrThrow()
      expect(entry).toMatchObject({ action: 'measure.update', actor: 'analyst@test.example' })
      expect(JSON.parse(entry.payload)).toMatchObject({ before: { name: before.name, target: before.target, version: before.version }, after: { name: 'Blood pressure under control', target: 0.8, version: before.version + 1 } })
    })

    it('refuses a stale edit with 409 and the current version, and writes nothing', async () => {
      const start = await current()
      await jsonOf(await patch({ version: start.version, name: 'First writer' }))
      const stale = await patch({ name: 'Second writer, from the old version' }, { 'if-match': `"${start.version}"` })
      expect(stale.headers.get('etag')).toBe(`"${start.version + 1}"`)
      const problem = await problemOf(stale, 409, 'conflict')
      expect(problem.detail).toBe(`Measure bp-control was changed by someone else since you opened it (you sent version ${start.version}; it is now version ${start.version + 1}). Nothing was saved: reload it, then make your change again.`)
      expect(await current()).toMatchObject({ name: 'First writer', version: start.version + 1 })
    })

    it('of two edits racing from the same version, exactly one wins', async () => {
      const start = await current()
      const results = await Promise.all([patch({ version: start.version, name: 'Racer A' }), patch({ version: start.version, name: 'Racer B' })])
      expect(results.map((r) => r.status).sort()).toEqual([200, 409])
      expect((await current()).version).toBe(start.version + 1)
    })

    it('a re-import that changes the measure moves its version on, so an edit from before it is stale', async () => {
      const start = await current()
      const json = JSON.stringify([{ code: 'bp-control', name: 'Renamed by import', type: 'outcome', kind: 'proportion', direction: 'increase', period: 'week' }])
      const form = new FormData()
      form.set('kind', 'measures')
      form.set('file', new File([json], 'measures.json', { type: 'application/json' }))
      await jsonOf(await server.app.request('/api/v1/organisations/test/programmes/htn/imports', { method: 'POST', body: form }))
      await problemOf(await patch({ version: start.version, name: 'Lost update' }), 409, 'conflict')
    })

    it('needs a version, valid fields and the analyse permission', async () => {
      await problemOf(await patch({ name: 'No version' }), 428, 'precondition_required')
      await problemOf(await patch({ version: 1, kind: 'count' }), 400, 'invalid_request')
      await problemOf(await patch({ version: 1, direction: 'sideways' }), 400, 'invalid_request')
      await problemOf(await patch({ version: 1 }), 400, 'invalid_request')
      await problemOf(await patch({ version: 1, name: 'nul\u0000here' }), 400, 'invalid_request')
      expect((await problemOf(await patch({ version: 1, target: 4.4e-323 }), 400, 'invalid_request')).detail).toContain('too close to 0')
      await problemOf(await patch({ version: 1, target: 1e300 }), 400, 'invalid_request')
      await problemOf(await patch({ name: 'x' }, { 'if-match': 'latest' }), 400, 'invalid_request')
      await problemOf(await patch({ version: (await current()).version, name: 'Viewer edit' }, {}, 'viewer'), 403, 'forbidden')
      await problemOf(await server.requestAs('analyst', '/api/v1/organisations/test/programmes/htn/measures/nope', { method: 'PATCH', body: JSON.stringify({ version: 1, name: 'x' }), headers: { 'content-type': 'application/json' } }), 404, 'not_found')
    })
  })
}
