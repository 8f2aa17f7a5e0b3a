/** A membership narrowed to some sites sees those sites' data only, through the API and the pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { addMember } from '../../src/app/auth/people.ts'
import { createToken } from '../../src/app/auth/tokens.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { htmlOf, jsonOf, one, openTestServer, problemOf, textOf, type TestServer } from '../support/server.ts'

const API = '/api/v1/organisations/test'
const MEASURE = `${API}/programmes/htn/measures/bp-control`

for (const engine of enginesUnderTest()) {
  describe(`a membership narrowed to one site on ${engine.engine}`, () => {
    let server: TestServer
    let token: string
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      await addMember(server.deps, CLI_ACTOR, { email: 'alpha-only@test.example', organisation: 'test', role: 'analyst', sites: ['alpha'] })
      token = (await createToken(server.deps, CLI_ACTOR, 'alpha-only@test.example', 'test')).token
    })
    afterAll(() => server.close())
    const get = (path: string) => server.rawApp.request(path, { headers: { authorization: `Bearer ${token}` } })

    it('lists only that site, reads its series, and cannot reach another site or the whole organisation', async () => {
      expect(((await jsonOf(await get(`${API}/sites`))) as { sites: { code: string }[] }).sites.map((s) => s.code)).toEqual(['alpha'])
      const alpha = (await jsonOf(await get(`${MEASURE}/observations?site=alpha`))) as { observations: unknown[] }
      expect(alpha.observations.length).toBe(20)
      await problemOf(await get(`${MEASURE}/observations?site=beta`), 404, 'not_found')
      await problemOf(await get(`${MEASURE}/observations?site=test`), 404, 'not_found')
      const me = (await jsonOf(await get('/api/v1/me'))) as { organisations: { sites: string[] | null }[] }
      expect(me.organisations[0]?.sites).toEqual(['alpha'])
    })

    it('the measure page opens on that site by default', async () => {
      const page = await htmlOf(await get('/organisations/test/programmes/htn/measures/bp-control'))
      expect(textOf(one(page, 'main .nhsuk-caption-l'))).toContain('Alpha')
    })

    it('an import with rows for another site is refused as a whole, naming the site', async () => {
      const form = new FormData()
      form.set('kind', 'observations')
      form.set('file', new File(['measure,period,site,dimension,group,numerator,denominator,value\nbp-control,2025-06-02,beta,,,5,10,\n'], 'beta.csv', { type: 'text/csv' }))
      const problem = await problemOf(await server.rawApp.request(`${API}/programmes/htn/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } }), 422, 'invalid_file')
      expect(problem.issues?.map((i) => [i.code, i.value])).toEqual([['unknown_site', 'beta']])
    })
  })
}
