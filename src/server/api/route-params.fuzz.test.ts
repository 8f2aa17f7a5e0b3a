// Hostile path and query parameters on every JSON GET route: each answers JSON or problem+json with
// a stable code, never a server error, and logs nothing unexpected.
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../test/support/server.ts'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { paramValue, urlText } from '../../../test/fuzz/http-input.ts'
import { answerOf, expectApiAnswer, expectPageAnswer, type Answer } from '../../../test/fuzz/response-checks.ts'

const org = paramValue(['test', 'other'])
const programme = paramValue(['htn'])
const measure = paramValue(['bp-control', 'falls', 'monitors-lent'])

/** Every GET route of the API with its parameters filled in. */
const apiPath = fc.oneof(
  fc.constant('/api/v1/organisations'),
  org.map((o) => `/api/v1/organisations/${o}`),
  fc.tuple(org, fc.constantFrom('sites', 'programmes')).map(([o, what]) => `/api/v1/organisations/${o}/${what}`),
  fc.tuple(org, programme, fc.constantFrom('', '/measures', '/imports')).map(([o, p, what]) => `/api/v1/organisations/${o}/programmes/${p}${what}`),
  fc.tuple(org, programme, measure).map(([o, p, m]) => `/api/v1/organisations/${o}/programmes/${p}/measures/${m}`),
  fc.tuple(org, programme, measure, fc.constantFrom('observations', 'series'), fc.array(fc.tuple(fc.constantFrom('site', 'dimension', 'group', 'profile', 'baseline', 'site'), paramValue(['alpha', 'beta', 'north', 'test', 'imd_quintile', '1', 'mdc', 'qic'])), { maxLength: 5 }))
    .map(([o, p, m, what, query]) => `/api/v1/organisations/${o}/programmes/${p}/measures/${m}/${what}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`),
  urlText.map((rest) => `/api/v1/${rest}`),
  urlText.map((rest) => `/api/${rest}`),
)

/** An API answer, or a page when dot segments took the path out of /api/ (`/api/..` is `/`). */
function expectAnswer(answer: Answer, path: string): void {
  if (new URL(path, 'http://localhost').pathname.startsWith('/api/')) expectApiAnswer(answer, path.slice(0, 200))
  else expectPageAnswer(answer, path.slice(0, 200))
}

for (const engine of enginesUnderTest()) {
  describe(`hostile parameters on the JSON GET routes (${engine.engine})`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterEach(() => {
      expect(server.logs.splice(0), 'no unexpected error was logged').toEqual([])
    })
    afterAll(async () => {
      await server.close()
    })

    it('answers JSON or problem+json with a code, never a server error', async () => {
      await fc.assert(
        fc.asyncProperty(apiPath, fc.constantFrom('GET', 'HEAD'), async (path, method) => {
          server.logs.splice(0)
          const answer = await answerOf(await server.app.request(path, { method }), `${method} ${path.slice(0, 200)}`)
          if (method === 'GET') expectAnswer(answer, path)
          expect(server.logs, 'logged').toEqual([])
        }),
        fuzzParameters(0.5),
      )
    })

    it('answers a method the API does not have with a 4xx problem', async () => {
      await fc.assert(
        fc.asyncProperty(apiPath, fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'), async (path, method) => {
          const answer = await answerOf(await server.app.request(path, { method }), `${method} ${path.slice(0, 200)}`)
          expect(answer.status).toBeGreaterThanOrEqual(400)
          expectAnswer(answer, path)
        }),
        fuzzParameters(0.2),
      )
    })
  })
}
