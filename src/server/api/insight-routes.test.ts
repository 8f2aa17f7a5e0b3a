import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../test/support/server.ts'

const API = '/api/v1/organisations/test/programmes/htn'

function send(method: string, body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
}

for (const engine of enginesUnderTest()) {
  describe(`the insight API on ${engine.engine}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(() => server.close())

    it('stores records de-identified, splitting notes when asked, and says what it replaced', async () => {
      const response = await server.requestAs('contributor', `${API}/insights`, send('POST', {
        records: [
          { source: 'patient', date: '2025-05-01', site: 'alpha', groups: { imd_quintile: '1' }, fft: 4, text: 'Waited weeks. Email me at pat@example.com' },
          { source: 'community', collectedVia: 'event', date: '2025-05-02', text: 'Evening clinics please.\n\nLetters only in English.', split: true },
        ],
      }))
      expect(response.status).toBe(201)
      expect(await response.json()).toEqual({ records: 2, excerpts: 3, redacted: { email: 1 } })
      const texts = (await server.store.db.selectFrom('excerpts').select('text').orderBy('id').execute()).map((r) => r.text)
      expect(texts).toEqual(['Waited weeks. Email me at [EMAIL]', 'Evening clinics please.', 'Letters only in English.'])
    })

    it('refuses a batch with any wrong record, naming each problem, and stores nothing', async () => {
      const before = await server.store.db.selectFrom('insights').select('id').execute()
      const response = await server.requestAs('contributor', `${API}/insights`, send('POST', {
        records: [
          { source: 'patient', date: '2025-05-01', text: 'fine' },
          { source: 'robot', collectedVia: 'public_form', date: '2031-01-01', site: 'nowhere', fft: 9, text: '' },
        ],
      }))
      expect(response.status).toBe(400)
      const problem = (await response.json()) as { issues: { line: number; column: string }[] }
      expect(problem.issues.map((i) => [i.line, i.column])).toEqual([[2, 'source'], [2, 'collectedVia'], [2, 'date'], [2, 'site'], [2, 'fft']])
      expect(await server.store.db.selectFrom('insights').select('id').execute()).toEqual(before)
      expect((await server.requestAs('viewer', `${API}/insights`, send('POST', { records: [{ source: 'patient', date: '2025-05-01', text: 'x' }] }))).status).toBe(403)
    })

    it('codes an excerpt, shows the matrix and the excerpts behind it, and audits the read', async () => {
      const scope = await server.store.db.selectFrom('programmes').select(['id', 'organisation_id']).where('code', '=', 'htn').orderBy('organisation_id').executeTakeFirstOrThrow()
      const { id: themeId } = await server.store.db.insertInto('themes').values({ organisation_id: scope.organisation_id, programme_id: scope.id, guid: '00000000-0000-4000-8000-0000000000aa', name: 'Waiting', definition: '', examples: [], frame: 'inductive', position: 0, created_by: 'test' }).returning('id').executeTakeFirstOrThrow()
      const themes = (await (await server.requestAs('viewer', `${API}/themes`)).json()) as { themes: { name: string }[] }
      expect(themes.themes.map((t) => t.name)).toEqual(['Waiting'])
      const excerpt = await server.store.db.selectFrom('excerpts').select('id').orderBy('id').executeTakeFirstOrThrow()
      const coded = await server.requestAs('analyst', `${API}/excerpts/${excerpt.id}/codings`, send('PUT', { themes: [{ themeId, span: { start: 0, end: 12 } }] }))
      expect(await coded.json()).toEqual({ applied: 1, removed: 0 })
      const matrix = (await (await server.requestAs('viewer', `${API}/themes/matrix?by=imd_quintile`)).json()) as { columns: { key: string; total: number }[]; rows: { name: string; cells: { excerpts: number }[] }[] }
      expect(matrix.columns).toEqual([{ key: '1', label: '1', total: 1 }, { key: 'Not stated', label: 'Not stated', total: 2 }])
      expect(matrix.rows[0]).toMatchObject({ name: 'Waiting', cells: [{ excerpts: 1 }, { excerpts: 0 }] })
      const read = (await (await server.requestAs('analyst', `${API}/excerpts?theme=${themeId}&by=imd_quintile&column=1`)).json()) as { excerpts: { text: string; site: string; fft: number }[] }
      expect(read.excerpts).toMatchObject([{ text: 'Waited weeks. Email me at [EMAIL]', site: 'alpha', fft: 4 }])
      expect((await server.requestAs('viewer', `${API}/excerpts`)).status).toBe(403)
      const audit = await server.store.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'insight.read').execute()
      expect(audit.at(-1)).toEqual({ actor: 'analyst@test.example', action: 'insight.read' })
    })

    it('reports agreement and runs the machine coder', async () => {
      const agreement = (await (await server.requestAs('analyst', `${API}/agreement`)).json()) as { coders: string[] | null; pairs: unknown[] }
      expect(agreement.coders).toBeNull()
      const run = await server.requestAs('analyst', `${API}/suggestions`, { method: 'POST' })
      expect(await run.json()).toEqual({ learnedFrom: 1, uncoded: 2, suggested: expect.any(Number), suggestions: expect.any(Number) })
    })
  })
}
