import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../../test/support/server.ts'

const BASE = '/organisations/test/programmes/htn/insight'

function post(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

for (const engine of enginesUnderTest()) {
  describe(`insight pages on ${engine.engine}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(() => server.close())

    const texts = async () => (await server.store.db.selectFrom('excerpts').select('text').orderBy('id').execute()).map((r) => r.text)

    it('saves a staff note de-identified, with its kind as a tag, and audits it without the text', async () => {
      const response = await server.requestAs('contributor', `${BASE}/staff`, post({ kind: 'huddle', text: 'Dr Okafor says no room for evening clinics. Ring 01632 960123.', site: 'alpha', date: '2025-05-30', tags: 'Evening clinics, rooms' }))
      expect(response.status, server.logs.join('\n')).toBe(303)
      expect(response.headers.get('location')).toBe(`${BASE}/staff?saved=1`)
      expect(await texts()).toEqual(['Dr [NAME] says no room for evening clinics. Ring [PHONE].'])
      const record = await server.store.db.selectFrom('insights').selectAll().executeTakeFirstOrThrow()
      expect(record).toMatchObject({ source: 'staff', collected_via: 'staff_form', tags: ['huddle', 'evening clinics', 'rooms'], received_on: '2025-05-30' })
      const audit = await server.store.db.selectFrom('audit_log').select(['action', 'payload']).where('action', '=', 'insight.create').executeTakeFirstOrThrow()
      expect(audit.payload).not.toContain('Okafor')
      expect(audit.payload).not.toContain('evening clinics')
    })

    it('points at the field in error and keeps what was typed', async () => {
      const response = await server.requestAs('contributor', `${BASE}/staff`, post({ kind: 'observation', text: 'Monitors not returned', site: 'alpha', date: '2030-01-01' }))
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain('href="#date"')
      expect(html).toContain('is in the future')
      expect(html).toContain('Monitors not returned')
      const empty = await server.requestAs('contributor', `${BASE}/staff`, post({ kind: 'observation', text: ' ', site: 'nowhere', date: '2025-05-01' }))
      expect(await empty.text()).toContain('href="#text"')
    })

    it('records an event and splits its notes into excerpts', async () => {
      const notes = 'Evening clinics would help.\n\n- letters only in English\n- my neighbour Mrs Begum needs an interpreter'
      const response = await server.requestAs('contributor', `${BASE}/events`, post({ kind: 'event', title: 'Lunch club listening event', runBy: 'Community health worker', place: 'Church hall', site: '', date: '2025-05-20', groups: 'older people, carers', notes }))
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(`${BASE}/events?saved=3`)
      expect((await texts()).slice(-3)).toEqual(['Evening clinics would help.', 'letters only in English', 'my neighbour Mrs [NAME] needs an interpreter'])
      const page = await (await server.requestAs('contributor', `${BASE}/events`)).text()
      expect(page).toContain('Lunch club listening event')
      expect(page).toContain('older people, carers')
    })

    it('shows the overview with counts, the form address and its QR code', async () => {
      const html = await (await server.requestAs('viewer', BASE)).text()
      expect(html).toContain('http://localhost/feedback/test/htn')
      expect(html).toContain('/feedback/test/htn/qr.svg')
      expect(html).toMatch(/2 records, 4\s+excerpts/)
      expect(html).toContain('Read as negative')
    })

    it('keeps the forms from roles that may not add insight', async () => {
      expect((await server.requestAs('viewer', `${BASE}/staff`)).status).toBe(403)
      expect((await server.requestAs('viewer', `${BASE}/events`, post({ kind: 'event' }))).status).toBe(403)
    })
  })
}
