import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../../test/support/server.ts'
import { addMember } from '../../../app/auth/people.ts'
import { CLI_ACTOR } from '../../../app/auth/audit.ts'
import { createToken } from '../../../app/auth/tokens.ts'

const BASE = '/organisations/riverside/programmes/htn'
const API = '/api/v1/organisations/riverside/programmes/htn'

function post(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

for (const engine of enginesUnderTest()) {
  describe(`findings pages and API on the demo, on ${engine.engine}`, () => {
    let server: TestServer
    const tokens = new Map<string, string>()
    const as = (role: string, path: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers)
      headers.set('authorization', `Bearer ${tokens.get(role)}`)
      return server.rawApp.request(path, { ...init, headers })
    }
    let findingId: number

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'demo' })
      for (const role of ['viewer', 'analyst', 'lead'] as const) {
        const email = `${role}@riverside.example`
        await addMember(server.deps, CLI_ACTOR, { email, organisation: 'riverside', role })
        tokens.set(role, (await createToken(server.deps, CLI_ACTOR, email, 'test')).token)
      }
      const row = await server.store.db.selectFrom('findings').select('id').where('key', '=', 'bp-recorded|eastgate|imd_quintile:1|level').executeTakeFirstOrThrow()
      findingId = row.id
    }, 120_000)
    afterAll(() => server.close())

    it('shows the triangulation matrix: findings down the side, sources across, a label in each cell', async () => {
      const html = await (await as('viewer', `${BASE}/findings`)).text()
      expect(html).toContain('Triangulation matrix')
      for (const source of ['Numbers', 'Staff', 'Patients and carers', 'Community', 'Lessons from peers']) expect(html).toContain(`<th scope="col">${source}</th>`)
      expect(html).not.toContain('Work the findings out again now')
      expect(html).toMatch(/the strongest 20 of \d+ findings/)
      expect((html.match(/<th scope="row">/g) ?? []).length).toBe(20)
      const all = await (await as('viewer', `${BASE}/findings?all=1`)).text()
      expect((all.match(/<th scope="row">/g) ?? []).length).toBeGreaterThan(20)
      expect(all).toMatch(/nhsuk-tag--green">Agreement/)
      expect(all).toMatch(/nhsuk-tag--red">Dissonance/)
      expect(all).toContain('Blood pressure recorded in the last 12 months is lower in the most deprived fifth than in the least deprived fifth at Eastgate Medical Practice')
      const filtered = await (await as('viewer', `${BASE}/findings?convergence=dissonance`)).text()
      expect(filtered).not.toMatch(/nhsuk-tag--green">Agreement<\/strong><\/td>/)
    })

    it('reads a finding as an evidence summary; quotes only for those who may read text, and the read is audited', async () => {
      const analyst = await (await as('analyst', `${BASE}/findings/${findingId}`)).text()
      expect(analyst).toContain('What the numbers show')
      expect(analyst).toContain('See the chart')
      expect(analyst).toContain('<blockquote class="lhs-quote">')
      const viewer = await (await as('viewer', `${BASE}/findings/${findingId}`)).text()
      expect(viewer).not.toContain('<blockquote')
      expect(viewer).toContain('Your role does not include reading what people wrote.')
      const read = await server.store.db.selectFrom('audit_log').select('target').where('action', '=', 'insight.read').orderBy('seq', 'desc').executeTakeFirstOrThrow()
      expect(read.target).toBe(`organisation:riverside/programme:htn/finding:${findingId}`)
    })

    it('lets a lead confirm, edit or reject with a reason; others may not', async () => {
      expect((await as('analyst', `${BASE}/findings/${findingId}/decision`, post({ action: 'confirm', reason: 'x' }))).status).toBe(403)
      const missing = await as('lead', `${BASE}/findings/${findingId}/decision`, post({ action: 'confirm', reason: '' }))
      expect(missing.status).toBe(400)
      expect(await missing.text()).toContain('href="#reason"')
      const confirmed = await as('lead', `${BASE}/findings/${findingId}/decision`, post({ action: 'confirm', reason: 'Matches what the practice told us.' }))
      expect(confirmed.status).toBe(303)
      const page = await (await as('viewer', `${BASE}/findings/${findingId}?saved=1`)).text()
      expect(page).toContain('Confirmed by lead@riverside.example')
      const api = (await (await as('viewer', `${API}/findings/${findingId}`)).json()) as { status: string; decisionReason: string }
      expect(api).toMatchObject({ status: 'confirmed', decisionReason: 'Matches what the practice told us.' })
    })

    it('lists and recomputes findings over the API, keeping the decision', async () => {
      const run = (await (await as('analyst', `${API}/findings/recompute`, { method: 'POST' })).json()) as { findings: number; signals: number }
      expect(run.findings).toBeGreaterThan(10)
      const list = (await (await as('viewer', `${API}/findings`)).json()) as { findings: { id: number; status: string; overall: string }[] }
      expect(list.findings.find((f) => f.id === findingId)?.status).toBe('confirmed')
      // (This server's clock stands in June 2025, so the evidence window differs from the demo's end.)
      for (const f of list.findings) expect(['agreement', 'partial_agreement', 'dissonance', 'silence']).toContain(f.overall)
      expect((await as('viewer', `${API}/findings/recompute`, { method: 'POST' })).status).toBe(403)
    })

    it('keeps the measure ↔ theme links: analysts add and remove them', async () => {
      const page = await (await as('viewer', `${BASE}/links`)).text()
      expect(page).toContain('Measures and themes')
      expect(page).toContain('Trust and understanding')
      const theme = await server.store.db.selectFrom('themes').select('id').where('name', '=', 'Good experience').executeTakeFirstOrThrow()
      expect((await as('analyst', `${BASE}/links`, post({ measure: 'falls', theme: String(theme.id) }))).status).toBe(303)
      expect(await (await as('analyst', `${BASE}/links`)).text()).toContain('Remove the link to Good experience')
      expect((await as('analyst', `${BASE}/links/remove`, post({ measure: 'falls', theme: String(theme.id) }))).status).toBe(303)
      expect((await as('viewer', `${BASE}/links`, post({ measure: 'falls', theme: String(theme.id) }))).status).toBe(403)
    })
  })
}
