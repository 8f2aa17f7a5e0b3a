import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../../test/support/server.ts'
import { createApp } from '../../create-app.tsx'
import { createFeedbackLimiter } from '../../feedback-limiter.ts'

const FORM = '/feedback/test/htn'

function post(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

for (const engine of enginesUnderTest()) {
  describe(`the public feedback form on ${engine.engine}`, () => {
    let server: TestServer
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      app = createApp({ ...server.deps, feedbackLimiter: createFeedbackLimiter({ perAddress: 4, perForm: 100, windowMs: 60_000 }) })
    })
    afterAll(() => server.close())

    const excerpts = async () => (await server.store.db.selectFrom('excerpts').select(['text']).orderBy('id').execute()).map((r) => r.text)
    const insights = () => server.store.db.selectFrom('insights').selectAll().orderBy('id').execute()

    it('asks the Friends and Family Test question with its six answers, needing no sign-in and setting no cookie', async () => {
      const response = await app.request(FORM)
      expect(response.status).toBe(200)
      expect(response.headers.get('set-cookie')).toBeNull()
      const html = await response.text()
      expect(html).toContain('Overall, how was your experience of our service?')
      for (const answer of ['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', 'Don&#39;t know']) expect(html).toContain(`>${answer}<`)
      expect(html).toContain('Alpha Practice')
      expect(html).not.toMatch(/postcode"|name="name"|name="email"/)
    })

    it('stores the answer with the comment de-identified, the groups given and the place chosen', async () => {
      const response = await app.request(FORM, post({ fft: '2', comment: 'Nurse Hughes was kind. Call me on 07700 900123, NHS number 999 000 0018.', site: 'alpha', age_band: '18-39', ethnicity: '', sex: 'Female' }))
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('Thank you for your feedback')
      const [record] = await insights()
      expect(record).toMatchObject({ source: 'patient', collected_via: 'public_form', fft: 2, groups: { age_band: '18-39', sex: 'Female' }, received_on: '2025-06-02', created_by: 'public form' })
      expect(await excerpts()).toEqual(['Nurse [NAME] was kind. Call me on [PHONE], NHS number [NHS_NUMBER].'])
    })

    it('takes an answer without a comment, and a comment without an answer', async () => {
      expect((await app.request(FORM, post({ fft: '6' }))).status).toBe(200)
      expect((await app.request(FORM, post({ comment: 'Parking was hard' }))).status).toBe(200)
      const rows = await insights()
      expect(rows.slice(-2).map((r) => r.fft)).toEqual([6, null])
    })

    it('explains every mistake in an error summary linked to its field, and stores nothing', async () => {
      const before = (await insights()).length
      const empty = await app.request(FORM, post({}))
      expect(empty.status).toBe(400)
      const html = await empty.text()
      expect(html).toContain('There is a problem')
      expect(html).toContain('href="#fft-1"')
      const wrong = await app.request(FORM, post({ fft: '9', site: 'gamma', sex: 'Robot', comment: 'x'.repeat(5001) }))
      expect(wrong.status).toBe(400)
      const text = await wrong.text()
      for (const message of ['Choose one of the answers about your experience', 'Choose a place from the list', 'Choose an answer from the list', 'must be 5,000 characters or fewer']) expect(text).toContain(message)
      expect((await insights()).length).toBe(before)
    })

    it('thanks a robot that fills the hidden field and stores nothing', async () => {
      const before = (await insights()).length
      const response = await app.request(FORM, post({ fft: '1', comment: 'buy now', website: 'http://spam.example' }))
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('Thank you')
      expect((await insights()).length).toBe(before)
    })

    it('refuses a flood from one address with 429 and stores nothing more', async () => {
      const limited = createApp({ ...server.deps, feedbackLimiter: createFeedbackLimiter({ perAddress: 1, perForm: 100, windowMs: 60_000 }) })
      expect((await limited.request(FORM, post({ fft: '1' }))).status).toBe(200)
      const before = (await insights()).length
      const second = await limited.request(FORM, post({ fft: '1' }))
      expect(second.status).toBe(429)
      expect(second.headers.get('retry-after')).toBe('600')
      expect((await insights()).length).toBe(before)
    })

    it('draws a QR code of the form address', async () => {
      const response = await app.request(`${FORM}/qr.svg`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/svg+xml')
      expect(await response.text()).toMatch(/^<svg[^>]*viewBox/)
    })

    it('answers 404 for a programme or organisation that does not exist', async () => {
      expect((await app.request('/feedback/test/nope')).status).toBe(404)
      expect((await app.request('/feedback/nope/htn', post({ fft: '1' }))).status).toBe(404)
    })
  })
}
