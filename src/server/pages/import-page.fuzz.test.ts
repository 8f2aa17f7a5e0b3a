// Hostile uploads to the import page: any body answers an HTML page below 500 and writes nothing
// unless the import succeeded; file names and bad values shown in the report are escaped, not run.
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { openTestServer, textOf, type TestServer } from '../../../test/support/server.ts'
import { csvText } from '../../../test/fuzz/csv-text.ts'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { hostileText, markupText } from '../../../test/fuzz/hostile-text.ts'
import { contentType, fileName, multipartBody } from '../../../test/fuzz/http-input.ts'
import { HEADER_FIELDS, validObservations } from '../../../test/fuzz/observation-files.ts'
import { answerOf, expectPageAnswer, injectedMarkup } from '../../../test/fuzz/response-checks.ts'
import { expectSeriesStillAnswer, liveContext, PAGE_IMPORT, storedCounts } from '../../../test/fuzz/server-probes.ts'
import { hasErrors } from '../../core/issues.ts'
import { parseObservationsCsv, type ObservationFileContext } from '../../ingest/index.ts'

/** A request body of any kind. */
type Body = NonNullable<RequestInit['body']>

const FIXTURE_CONTEXT: ObservationFileContext = {
  file: 'upload.csv',
  measures: new Map([
    ['bp-control', { kind: 'proportion', period: 'week', rateMultiplier: null }],
    ['monitors-lent', { kind: 'count', period: 'week', rateMultiplier: null }],
  ]),
  sites: new Set(['alpha', 'beta']),
}

/** Bodies the page may receive: a form a browser builds, raw (often broken) multipart, or another content type. */
const body = fc.oneof(
  fc.tuple(fc.constantFrom('observations', 'measures', 'x'), fc.oneof(hostileText, fc.uint8Array({ maxLength: 500 })), fileName).map(([kind, content, name]) => {
    const form = new FormData()
    form.set('kind', kind)
    form.set('file', new File([content], name))
    return { body: form as Body, type: undefined }
  }),
  fc.tuple(fc.oneof(multipartBody, fc.uint8Array({ maxLength: 500 })), contentType).map(([b, type]) => ({ body: b as Body, type })),
  fc.tuple(fc.uint8Array({ maxLength: 500 }), contentType.filter((t) => !t?.startsWith('multipart/'))).map(([b, type]) => ({ body: b as Body, type })),
)

for (const engine of enginesUnderTest()) {
  describe(`hostile uploads to the import page (${engine.engine})`, () => {
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

    it('answers any body with an HTML page below 500, writing nothing unless it says the import succeeded', async () => {
      await fc.assert(
        fc.asyncProperty(body, async ({ body: b, type }) => {
          const before = await storedCounts(server.store)
          const request = `POST import page (${type ?? 'form'})`
          const answer = await answerOf(await server.app.request(PAGE_IMPORT, { method: 'POST', body: b, ...(type === undefined ? {} : { headers: { 'content-type': type } }) }), request)
          const document = expectPageAnswer(answer, request)
          if (document) expect(injectedMarkup(document), request).toEqual([])
          if (answer.status !== 200) expect(await storedCounts(server.store)).toEqual(before)
        }),
        fuzzParameters(0.3),
      )
    })

    it('shows markup in a file name or a bad value as text in the report, and markup in a group as text on the series pages', async () => {
      const upload = fc.tuple(validObservations(FIXTURE_CONTEXT, 4), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 }), markupText), { maxLength: 3 }), markupText, fc.constantFrom('.csv', '.txt'))
      await fc.assert(
        fc.asyncProperty(upload, async ([cases, changes, stem, extension]) => {
          const rows = cases.map((c) => [...c.fields])
          for (const [row, column, markup] of changes) rows[row % rows.length]![column] = markup
          const text = csvText([HEADER_FIELDS, ...rows])
          const name = `${stem}${extension}`
          const form = new FormData()
          form.set('kind', 'observations')
          form.set('file', new File([text], name))
          const before = await storedCounts(server.store)
          const answer = await answerOf(await server.app.request(PAGE_IMPORT, { method: 'POST', body: form }), `POST ${name}`)
          const document = expectPageAnswer(answer, name)!
          expect(injectedMarkup(document), name).toEqual([])
          const shown = textOf(document.querySelector('main'))
          if (extension === '.txt') {
            expect(answer.status).toBe(400)
            expect(await storedCounts(server.store)).toEqual(before)
            return
          }
          const parsed = parseObservationsCsv(text, await liveContext(server.app, name))
          expect(answer.status).toBe(hasErrors(parsed.issues) ? 422 : 200)
          expect(shown).toContain(answer.status === 200 ? `Imported ${name}` : `${name} has`)
          for (const issue of parsed.issues) if (issue.value?.includes('<')) expect(shown).toContain(issue.value.replace(/\s+/g, ' ').trim())
          if (answer.status === 200) await expectSeriesStillAnswer(server.app, parsed.value)
          else expect(await storedCounts(server.store)).toEqual(before)
        }),
        fuzzParameters(0.3),
      )
    })
  })
}
