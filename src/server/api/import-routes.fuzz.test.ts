// Hostile uploads to POST …/imports: any body, content type, file name, kind and file content gets a
// 4xx problem (or 200 only for a file the importer finds no error in), never a server error, and a
// refused upload writes nothing.
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../test/support/server.ts'
import { csvStyle, csvText } from '../../../test/fuzz/csv-text.ts'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { hostileText } from '../../../test/fuzz/hostile-text.ts'
import { contentType, fileName, multipartBody } from '../../../test/fuzz/http-input.ts'
import { MEASURE_COLUMNS, measureCsvRow, validMeasures } from '../../../test/fuzz/measure-files.ts'
import { HEADER_FIELDS, hostileObservationRow, validObservations } from '../../../test/fuzz/observation-files.ts'
import { answerOf, expectApiAnswer } from '../../../test/fuzz/response-checks.ts'
import { API_IMPORTS, expectSeriesStillAnswer, liveContext, storedCounts } from '../../../test/fuzz/server-probes.ts'
import { hostileCell, workbookBytes } from '../../../test/fuzz/workbooks.ts'
import { ImportReportSchema } from '../../contract/imports.ts'
import type { Measure } from '../../core/model.ts'
import { hasErrors } from '../../core/issues.ts'
import { parseMeasuresCsv, parseMeasuresJson, parseObservationsCsv, parseObservationsXlsx } from '../../ingest/index.ts'
import type { ObservationFileContext } from '../../ingest/index.ts'

/** The fixture programme's measures and sites, for generating rows (the server is asked for the live ones before judging). */
const FIXTURE_CONTEXT: ObservationFileContext = {
  file: 'upload.csv',
  measures: new Map([
    ['bp-control', { kind: 'proportion', period: 'week', rateMultiplier: null }],
    ['falls', { kind: 'rate', period: 'week', rateMultiplier: 1000 }],
    ['monitors-lent', { kind: 'count', period: 'week', rateMultiplier: null }],
  ]),
  sites: new Set(['north', 'alpha', 'beta']),
}

/** Observation CSV: all rows valid (with hostile text in the groups), or rows whose cells are valid or hostile. */
const observationCsv = fc
  .tuple(fc.oneof(validObservations(FIXTURE_CONTEXT, 12).map((cases) => cases.map((c) => c.fields)), fc.array(hostileObservationRow(FIXTURE_CONTEXT), { minLength: 1, maxLength: 12 })), csvStyle)
  .map(([rows, style]) => csvText([HEADER_FIELDS, ...rows], style))

/** Contents for an upload: random bytes, hostile text, or hostile files of each format. */
const fileContent: fc.Arbitrary<Uint8Array | string> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  hostileText,
  observationCsv,
  validMeasures.map((measures) => JSON.stringify(measures)),
  validMeasures.map((measures) => measuresCsv(measures)),
)

for (const engine of enginesUnderTest()) {
  describe(`hostile uploads to the import API (${engine.engine})`, () => {
    let server: TestServer
    const post = (init: RequestInit) => server.app.request(API_IMPORTS, { method: 'POST', ...init })
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterEach(() => {
      expect(server.logs.splice(0), 'no unexpected error was logged').toEqual([])
    })
    afterAll(async () => {
      await server.close()
    })

    it('answers any body under any content type with a 4xx problem and writes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(multipartBody, fc.uint8Array({ maxLength: 1000 })), contentType, async (body, type) => {
          const before = await storedCounts(server.store)
          const answer = await answerOf(await post({ body, ...(type === undefined ? {} : { headers: { 'content-type': type } }) }), `POST ${type}`)
          expect(answer.status).toBeGreaterThanOrEqual(400)
          expectApiAnswer(answer, `POST ${type}`)
          expect(await storedCounts(server.store)).toEqual(before)
        }),
        fuzzParameters(0.3),
      )
    })

    it('answers any file under any name and kind with 400, 422 or 200 exactly as the importer judges it, and writes nothing unless 200', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('observations', 'measures', 'Observations', ''), fileContent, fileName, fc.constantFrom('text/csv', 'application/json', 'application/octet-stream', ''), async (kind, content, name, type) => {
          const before = await storedCounts(server.store)
          const form = new FormData()
          form.set('kind', kind)
          form.set('file', new File([content], name, { type }))
          const expected = await expectedStatus(kind, name, typeof content === 'string' ? new TextEncoder().encode(content) : content, await liveContext(server.app, name))
          const answer = await answerOf(await post({ body: form }), `POST ${kind} ${name.slice(0, 100)}`)
          expectApiAnswer(answer, name)
          expect(answer.status, answer.text.slice(0, 300)).toBe(expected)
          const after = await storedCounts(server.store)
          if (answer.status !== 200) expect(after).toEqual(before)
          else expect(after.imports).toBe(before.imports + 1)
        }),
        fuzzParameters(0.3),
      )
    })

    it('accepts an observation file exactly when the importer finds no error in it, then every page of its series still answers', async () => {
      await fc.assert(
        fc.asyncProperty(observationCsv, fc.constantFrom('upload.csv', 'UPLOAD.CSV'), async (text, name) => {
          const before = await storedCounts(server.store)
          const expected = parseObservationsCsv(text, await liveContext(server.app, name))
          const form = new FormData()
          form.set('kind', 'observations')
          form.set('file', new File([text], name, { type: 'text/csv' }))
          const answer = await answerOf(await post({ body: form }), `POST ${name}`)
          const problem = expectApiAnswer(answer, name)
          if (hasErrors(expected.issues)) {
            expect(answer.status).toBe(422)
            expect(problem?.issues?.map((i) => [i.code, i.line, i.column])).toEqual(expected.issues.map((i) => [i.code, i.line, i.column]))
            expect(await storedCounts(server.store)).toEqual(before)
            return
          }
          expect(answer.status, answer.text.slice(0, 500)).toBe(200)
          const report = ImportReportSchema.parse(JSON.parse(answer.text))
          expect(report.inserted + report.updated + report.unchanged).toBe(expected.value.length)
          expect((await storedCounts(server.store)).observations).toBe(before.observations + report.inserted)
          await expectSeriesStillAnswer(server.app, expected.value)
        }),
        fuzzParameters(0.3),
      )
    })

    it('accepts hostile workbooks only without errors, and writes nothing otherwise', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(hostileCell, { maxLength: 9 }), { maxLength: 5 }), async (rows) => {
          const before = await storedCounts(server.store)
          const form = new FormData()
          form.set('kind', 'observations')
          form.set('file', new File([await workbookBytes([HEADER_FIELDS, ...rows])], 'upload.xlsx'))
          const answer = await answerOf(await post({ body: form }), 'POST upload.xlsx')
          expectApiAnswer(answer, 'upload.xlsx')
          if (answer.status !== 200) expect(await storedCounts(server.store)).toEqual(before)
        }),
        fuzzParameters(0.1),
      )
    })

    it('after measures are defined or redefined with hostile text, every page of them still answers', async () => {
      // Codes from a small pool (the fixture's among them), so the programme page stays small however many runs there are.
      const pool = ['bp-control', 'falls', 'monitors-lent', 'x', '0', 'a-b-c', 'z'.repeat(64), 'fuzz-1', 'fuzz-2']
      const measures = fc.tuple(validMeasures, fc.array(fc.constantFrom(...pool), { minLength: 8, maxLength: 8 })).map(([list, codes]) => list.map((m, i): Measure => ({ ...m, code: codes[i]! })))
      await fc.assert(
        fc.asyncProperty(measures, fc.boolean(), async (list, asCsv) => {
          const unique = [...new Map(list.map((m) => [m.code, m])).values()]
          const form = new FormData()
          form.set('kind', 'measures')
          form.set('file', new File([asCsv ? measuresCsv(unique) : JSON.stringify(unique)], asCsv ? 'measures.csv' : 'measures.json'))
          const answer = await answerOf(await post({ body: form }), 'POST measures')
          expectApiAnswer(answer, 'measures')
          expect(answer.status, answer.text.slice(0, 500)).toBe(200)
          await expectSeriesStillAnswer(server.app, unique.map((m) => ({ measure: m.code, site: 'alpha' })))
        }),
        fuzzParameters(0.1),
      )
    })
  })
}

/**
 * What the API must answer for an upload, judged independently: 400 for a kind or file name it does
 * not take, otherwise 422 or 200 as the importer's parser finds errors or not.
 */
async function expectedStatus(kind: string, name: string, bytes: Uint8Array, context: ObservationFileContext): Promise<number> {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
  if (kind === 'measures' && ['csv', 'json'].includes(extension)) {
    const text = new TextDecoder().decode(bytes)
    return hasErrors((extension === 'json' ? parseMeasuresJson(text, name) : parseMeasuresCsv(text, name)).issues) ? 422 : 200
  }
  if (kind === 'observations' && ['csv', 'xlsx'].includes(extension)) {
    return hasErrors((extension === 'xlsx' ? await parseObservationsXlsx(bytes, context) : parseObservationsCsv(bytes, context)).issues) ? 422 : 200
  }
  return 400
}

/** Measures as a CSV file with every column. */
function measuresCsv(measures: readonly Measure[]): string {
  const fields = Object.keys(MEASURE_COLUMNS) as (keyof Measure)[]
  return csvText([Object.values(MEASURE_COLUMNS), ...measures.map((m) => measureCsvRow(m, fields))])
}
