// Hostile path and query parameters on every page: each answers an HTML page (or the CSV download),
// never a server error, and whatever of the parameters a page shows is escaped.
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../test/support/server.ts'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { paramValue, urlText } from '../../../test/fuzz/http-input.ts'
import { answerOf, expectPageAnswer, injectedMarkup } from '../../../test/fuzz/response-checks.ts'

const org = paramValue(['test', 'other'])
const programme = paramValue(['htn'])
const measure = paramValue(['bp-control', 'falls', 'monitors-lent'])
const query = fc
  .array(fc.tuple(fc.constantFrom('site', 'who', 'dimension', 'group'), paramValue(['alpha', 'beta', 'test', 'imd_quintile:1', 'imd_quintile', '1', ':', ':1', 'a:'])), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'))

/** Every page, with its parameters filled in. */
const pagePath = fc.oneof(
  fc.constant('/'),
  fc.tuple(org, programme, fc.constantFrom('', '/import')).map(([o, p, what]) => `/organisations/${o}/programmes/${p}${what}`),
  fc.tuple(org, programme, measure, fc.constantFrom('', '/data.csv'), query).map(([o, p, m, what, q]) => `/organisations/${o}/programmes/${p}/measures/${m}${what}?${q}`),
  urlText.map((rest) => `/${rest}`),
  urlText.map((rest) => `/organisations/${rest}`),
)

for (const engine of enginesUnderTest()) {
  describe(`hostile parameters on the pages (${engine.engine})`, () => {
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

    it('answers a page with everything it shows escaped, never a server error', async () => {
      await fc.assert(
        fc.asyncProperty(pagePath, async (path) => {
          server.logs.splice(0)
          const request = `GET ${path.slice(0, 200)}`
          const document = expectPageAnswer(await answerOf(await server.app.request(path), request), request)
          if (document) expect(injectedMarkup(document), request).toEqual([])
          expect(server.logs, 'logged').toEqual([])
        }),
        fuzzParameters(0.5),
      )
    })
  })
}
