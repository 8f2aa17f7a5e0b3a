import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { csv, HEADER, monday } from '../../../test/support/fixture.ts'
import { countObservations, jsonOf, openTestServer, problemOf, TEST_UPLOAD_LIMIT_BYTES, uploadForm, type TestServer } from '../../../test/support/server.ts'
import { ImportRecordSchema, ImportReportSchema } from '../../contract/imports.ts'

const HTN = '/api/v1/organisations/test/programmes/htn'
const IMPORTS = `${HTN}/imports`

const ImportsBody = z.object({ imports: z.array(ImportRecordSchema.strict()) }).strict()

for (const engine of enginesUnderTest()) {
  describe(`import routes on ${engine.engine}`, () => {
    let server: TestServer
    /** Requests to organisation `other` go as its administrator; the rest as `test`'s. */
    const as = (path: string): 'other_admin' | 'admin' => (path.includes('/organisations/other') ? 'other_admin' : 'admin')
    const post = (form: FormData, path = IMPORTS) => server.requestAs(as(path), path, { method: 'POST', body: form })
    const history = async (path = IMPORTS) => ImportsBody.parse(await jsonOf(await server.requestAs(as(path), path))).imports
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server.close()
    })

    it('imports a good CSV and counts the rows; the same file again leaves every row unchanged', async () => {
      const file = csv(...[1, 2, 3, 4, 5].map((i) => `monitors-lent,${monday(i)},beta,,,,,${i + 3}`))
      const before = await countObservations(server.store)
      const first = ImportReportSchema.strict().parse(await jsonOf(await post(uploadForm('observations', 'monitors.csv', file))))
      expect(first).toEqual({ inserted: 5, updated: 0, unchanged: 0, issues: [] })
      expect(await countObservations(server.store)).toBe(before + 5)
      const again = ImportReportSchema.parse(await jsonOf(await post(uploadForm('observations', 'monitors.csv', file))))
      expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 5, issues: [] })
      const observations = (await jsonOf(await server.app.request(`${HTN}/measures/monitors-lent/observations?site=beta`))) as { observations: { period: string; value: number }[] }
      expect(observations.observations.map((o) => o.value)).toEqual([4, 4, 5, 6, 7, 8])
    })

    it('answers a body that is not a multipart form with a 4xx problem, not a server error', async () => {
      for (const [type, body] of [['text/plain', 'measure,period'], ['application/json', '{"kind":"observations"}'], ['multipart/form-data; boundary=x', 'not really multipart']] as const) {
        const response = await server.app.request(IMPORTS, { method: 'POST', headers: { 'content-type': type }, body })
        expect(response.status, type).toBeGreaterThanOrEqual(400)
        expect(response.status, type).toBeLessThan(500)
        expect(response.headers.get('content-type'), type).toBe('application/problem+json')
      }
    })

    it('returns data-quality warnings with a successful import', async () => {
      const file = csv(`falls,${monday(0)},alpha,,,2,1000,`, `falls,${monday(4)},alpha,,,3,1000,`)
      const report = ImportReportSchema.parse(await jsonOf(await post(uploadForm('observations', 'gap.csv', file))))
      expect(report.inserted).toBe(2)
      expect(report.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'missing_periods']])
    })

    it('answers invalid_file (422) with every issue, line, column and value, and writes nothing, not even part of the file', async () => {
      const before = await countObservations(server.store)
      const imports = (await history()).length
      const file = csv(`bp-control,${monday(0)},beta,,,1,2,`, 'bp-contrl,2025-01-06,alpha,,,1,2,', 'bp-control,2025-01-07,alpha,,,1,2,', 'bp-control,2025-01-13,gamma,,,1,2,', 'bp-control,2025-02-03,alpha,,,five,10,')
      const body = await problemOf(await post(uploadForm('observations', 'mistakes.csv', file)), 422, 'invalid_file')
      expect(body.detail).toBe('mistakes.csv has 4 errors; nothing was imported.')
      expect(body.issues?.map((i) => [i.severity, i.code, i.line, i.column, i.value])).toEqual([
        ['error', 'unknown_measure', 3, 'measure', 'bp-contrl'],
        ['error', 'misaligned_period', 4, 'period', '2025-01-07'],
        ['error', 'unknown_site', 5, 'site', 'gamma'],
        ['error', 'not_a_number', 6, 'numerator', 'five'],
      ])
      expect(body.issues?.[0]?.message).toContain('mistakes.csv:3:measure')
      expect(await countObservations(server.store)).toBe(before)
      expect(await history()).toHaveLength(imports)
    })

    it('answers invalid_file for a file with the wrong header', async () => {
      const body = await problemOf(await post(uploadForm('observations', 'header.csv', 'measure,week,site\nbp-control,2025-01-06,alpha\n')), 422, 'invalid_file')
      expect(body.issues?.[0]).toMatchObject({ severity: 'error', line: 1 })
    })

    it('answers payload_too_large (413) for an upload over the limit, and writes nothing', async () => {
      const before = await countObservations(server.store)
      const line = `monitors-lent,${monday(6)},beta,,,,,1\n`
      const big = HEADER + '\n' + line.repeat(Math.ceil(TEST_UPLOAD_LIMIT_BYTES / line.length) + 1)
      const body = await problemOf(await post(uploadForm('observations', 'big.csv', big)), 413, 'payload_too_large')
      expect(body.detail).toBe('The file is larger than the upload limit of 64 KB (set LHS_UPLOAD_LIMIT_MB to change it).')
      expect(await countObservations(server.store)).toBe(before)
    })

    it('imports a measures JSON file; importing it again changes nothing', async () => {
      const measures = JSON.stringify({ measures: [{ code: 'home-readings', name: 'Home readings sent in', type: 'process', kind: 'count', direction: 'increase', period: 'week', unit: 'readings' }] })
      const form = () => uploadForm('measures', 'measures.json', measures, 'application/json')
      expect(await jsonOf(await post(form()))).toEqual({ inserted: 1, updated: 0, unchanged: 0, issues: [] })
      expect(await jsonOf(await post(form()))).toEqual({ inserted: 0, updated: 0, unchanged: 1, issues: [] })
      expect(await jsonOf(await server.app.request(`${HTN}/measures/home-readings`))).toMatchObject({ code: 'home-readings', kind: 'count', unit: 'readings', target: null })
    })

    it('answers invalid_file for a measures JSON file with mistakes', async () => {
      const body = await problemOf(await post(uploadForm('measures', 'bad.json', '[{"code": "x", "kind": "ratio"}]', 'application/json')), 422, 'invalid_file')
      expect(body.issues?.length).toBeGreaterThan(0)
      expect(body.issues?.every((i) => i.severity === 'error' && i.file === 'bad.json')).toBe(true)
      await problemOf(await server.app.request(`${HTN}/measures/x`), 404, 'not_found')
    })

    it('answers invalid_request for a missing kind or file, or a file type the kind does not accept', async () => {
      const noKind = new FormData()
      noKind.set('file', new File(['x'], 'a.csv'))
      expect((await problemOf(await post(noKind), 400, 'invalid_request')).issues?.map((i) => i.column)).toEqual(['kind'])
      const noFile = new FormData()
      noFile.set('kind', 'observations')
      expect((await problemOf(await post(noFile), 400, 'invalid_request')).issues?.map((i) => i.column)).toEqual(['file'])
      const text = await problemOf(await post(uploadForm('observations', 'data.txt', 'x')), 400, 'invalid_request')
      expect(text.detail).toContain('must end in .csv or .xlsx')
      const json = await problemOf(await post(uploadForm('observations', 'data.json', '[]')), 400, 'invalid_request')
      expect(json.detail).toContain('must end in .csv or .xlsx')
    })

    it('answers not_found for an unknown organisation or programme', async () => {
      const file = () => uploadForm('observations', 'x.csv', csv())
      await problemOf(await post(file(), '/api/v1/organisations/nope/programmes/htn/imports'), 404, 'not_found')
      await problemOf(await post(file(), '/api/v1/organisations/test/programmes/copd/imports'), 404, 'not_found')
      await problemOf(await server.app.request('/api/v1/organisations/test/programmes/copd/imports'), 404, 'not_found')
    })

    it('lists imports newest first, with counts, issues, who and when (the fixed clock)', async () => {
      const imports = await history()
      expect(imports.map((i) => [i.kind, i.fileName, i.inserted, i.updated, i.unchanged])).toEqual([
        ['measures', 'measures.json', 0, 0, 1],
        ['measures', 'measures.json', 1, 0, 0],
        ['observations', 'gap.csv', 2, 0, 0],
        ['observations', 'monitors.csv', 0, 0, 5],
        ['observations', 'monitors.csv', 5, 0, 0],
        ['observations', 'fixture.csv', 82, 0, 0],
      ])
      expect(imports[0]).toMatchObject({ createdBy: 'admin@test.example', createdAt: '2025-06-02T09:00:00.000Z', issues: [] })
      // Import ids come from one sequence shared by all organisations: they are not shown.
      expect(imports.some((i) => 'id' in i)).toBe(false)
      expect(imports[2]?.issues.map((i) => i.code)).toEqual(['missing_periods'])
      expect(imports.at(-1)?.createdBy).toBe('fixture')
    })

    it('keeps organisations apart: codes resolve only in the importing organisation, and histories are separate', async () => {
      const body = await problemOf(await post(uploadForm('observations', 'x.csv', csv(`bp-control,${monday(0)},alpha,,,1,2,`)), '/api/v1/organisations/other/programmes/htn/imports'), 422, 'invalid_file')
      expect(body.issues?.map((i) => [i.code, i.value])).toEqual([['unknown_site', 'alpha']])
      const other = await history('/api/v1/organisations/other/programmes/htn/imports')
      expect(other.map((i) => i.fileName)).toEqual(['other.csv'])
      expect((await history()).map((i) => i.fileName)).not.toContain('other.csv')
    })
  })
}
