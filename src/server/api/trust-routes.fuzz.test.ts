// Hostile bodies on the JSON and form endpoints the trust capability added: the measure edit
// (PATCH JSON), sign-in (form), the people form and a hostile bearer token or session cookie.
// Each answers a 4xx or success, never a server error; nothing changes unless it answered success.
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { hostileText } from '../../../test/fuzz/hostile-text.ts'
import { answerOf, expectApiAnswer, expectPageAnswer, injectedMarkup } from '../../../test/fuzz/response-checks.ts'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../test/support/server.ts'

const MEASURE = '/api/v1/organisations/test/programmes/htn/measures/bp-control'

/** A JSON value of any shape, with hostile strings and numbers at the edges of what a double holds. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.double(),
    fc.constantFrom(0, -0, 1e308, -1e308, 4.4e-323, 1e15, 1e16, 2 ** 53, Number.MAX_SAFE_INTEGER + 2),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('version', 'name', 'description', 'direction', 'target', 'unit', 'numeratorDefinition', 'denominatorDefinition', '__proto__', 'constructor', 'kind'), hostileText), tie('value'), { maxKeys: 5 }),
  ),
})).value

/** A PATCH body: usually an object with plausible keys, sometimes anything at all, sometimes not JSON. */
const patchBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ version: fc.oneof(fc.constant(1), hostileJson), name: hostileJson, target: hostileJson, direction: hostileJson }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constant('['.repeat(5000) + ']'.repeat(5000)),
  hostileText,
)

for (const engine of enginesUnderTest()) {
  describe(`hostile input to the trust endpoints (${engine.engine})`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterEach(() => {
      expect(server.logs.splice(0), 'no unexpected error was logged').toEqual([])
    })
    afterAll(() => server.close())

    const measureRow = () => server.store.db.selectFrom('measures').selectAll().where('code', '=', 'bp-control').orderBy('organisation_id').execute()

    it('PATCH a measure: a 4xx problem or the changed measure, never a server error; unchanged unless 200', async () => {
      await fc.assert(
        fc.asyncProperty(patchBody, fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16'), async (body, type) => {
          const before = await measureRow()
          const answer = await answerOf(await server.requestAs('analyst', MEASURE, { method: 'PATCH', body, headers: { 'content-type': type } }), `PATCH ${body.slice(0, 200)}`)
          expectApiAnswer(answer, body.slice(0, 200))
          expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500)
          if (answer.status !== 200) expect(await measureRow()).toEqual(before)
        }),
        fuzzParameters(0.5),
      )
    })

    it('POST /sign-in with hostile fields: a page (400, 401 or 429) or a redirect, never a server error, and hostile text is escaped', async () => {
      const field = fc.oneof(hostileText, fc.constant(''), fc.constant('analyst@test.example'), fc.string({ unit: 'binary', maxLength: 2000 }))
      await fc.assert(
        fc.asyncProperty(field, field, field, async (email, password, next) => {
          const response = await server.rawApp.request('/sign-in', { method: 'POST', body: new URLSearchParams({ email, password, next }), headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' })
          expect([303, 400, 401, 429]).toContain(response.status)
          if (response.status === 303) expect(response.headers.get('location')).toMatch(/^\/(?!\/)/)
          else {
            const document = expectPageAnswer(await answerOf(response, 'sign-in'), 'sign-in')
            if (document) expect(injectedMarkup(document)).toEqual([])
          }
        }),
        fuzzParameters(0.3),
      )
    })

    it('a hostile bearer token or session cookie answers 401 (or the sign-in redirect), never a server error', async () => {
      const secret = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 300 }), fc.constant('lhs_' + 'A'.repeat(43)))
      await fc.assert(
        fc.asyncProperty(secret, fc.boolean(), async (value, asToken) => {
          const headers = new Headers()
          try {
            headers.set(asToken ? 'authorization' : 'cookie', asToken ? `Bearer ${value}` : `lhs_session=${value}`)
          } catch {
            return // not a value any client could send in a header
          }
          const response = await server.rawApp.request('/api/v1/me', { headers })
          await response.arrayBuffer()
          expect(response.status).toBe(401)
        }),
        fuzzParameters(0.5),
      )
    })

    it('the people form with hostile fields: a page, never a server error, nobody added unless it says saved', async () => {
      const field = fc.oneof(hostileText, fc.constantFrom('viewer', 'admin', 'nobody@test.example', 'alpha', 'beta'))
      await fc.assert(
        fc.asyncProperty(field, field, fc.array(field, { maxLength: 3 }), async (email, role, sites) => {
          const before = await server.store.db.selectFrom('memberships').select(['user_id', 'role', 'site_codes']).orderBy('user_id').execute()
          const body = new URLSearchParams({ email, role })
          for (const site of sites) body.append('sites', site)
          const response = await server.requestAs('admin', '/organisations/test/people', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' })
          expect(response.status, await response.clone().text().then((t) => t.slice(0, 300))).toBeLessThan(500)
          if (response.status !== 303) {
            await response.arrayBuffer()
            expect(await server.store.db.selectFrom('memberships').select(['user_id', 'role', 'site_codes']).orderBy('user_id').execute()).toEqual(before)
          } else await response.arrayBuffer()
        }),
        fuzzParameters(0.3),
      )
    })
  })
}
