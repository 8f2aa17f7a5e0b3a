import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { csv, monday } from '../../test/support/fixture.ts'
import { countObservations, openTestServer, problemOf, uploadForm, type TestServer } from '../../test/support/server.ts'

const engine = enginesUnderTest()[0]!
const IMPORT_PAGE = '/organisations/test/programmes/htn/import'
const IMPORT_API = '/api/v1/organisations/test/programmes/htn/imports'

describe('web hardening', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await openTestServer(engine, { seed: 'fixture' })
  })
  afterAll(async () => {
    await server.close()
  })

  const goodFile = () => uploadForm('observations', 'one.csv', csv(`monitors-lent,${monday(40)},alpha,,,,,3`))

  it.each(['/', '/organisations/test/programmes/htn', '/api/v1/organisations', '/assets/lhs.css'])('%s carries a strict Content-Security-Policy and the other security headers', async (path) => {
    const response = await server.app.request(path)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
  })

  it('pages contain no inline scripts (the policy would block them)', async () => {
    for (const path of ['/', '/organisations/test/programmes/htn', '/organisations/test/programmes/htn/measures/bp-control', IMPORT_PAGE]) {
      const html = await (await server.app.request(path)).text()
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      expect(scripts.length, path).toBeGreaterThan(0)
      for (const [, attributes, body] of scripts) {
        expect(attributes, path).toMatch(/\ssrc="\/assets\//)
        expect(body?.trim(), path).toBe('')
      }
    }
  })

  it('refuses a form posted from another site (page and API), and writes nothing', async () => {
    const before = await countObservations(server.store)
    const page = await server.app.request(IMPORT_PAGE, { method: 'POST', body: goodFile(), headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })
    expect(page.status).toBe(403)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain('sent from another website')
    await problemOf(await server.app.request(IMPORT_API, { method: 'POST', body: goodFile(), headers: { origin: 'https://evil.example' } }), 403, 'forbidden')
    await problemOf(await server.app.request(IMPORT_API, { method: 'POST', body: goodFile(), headers: { 'sec-fetch-site': 'same-site' } }), 403, 'forbidden')
    expect(await countObservations(server.store)).toBe(before)
  })

  it('accepts a form posted from its own pages, and a program that sends no browser headers', async () => {
    const ownPage = await server.app.request(IMPORT_PAGE, { method: 'POST', body: goodFile(), headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } })
    expect(ownPage.status).toBe(200)
    const sameOriginOnly = await server.app.request(IMPORT_PAGE, { method: 'POST', body: goodFile(), headers: { 'sec-fetch-site': 'same-origin' } })
    expect(sameOriginOnly.status).toBe(200)
    const program = await server.app.request(IMPORT_API, { method: 'POST', body: goodFile() })
    expect(program.status).toBe(200)
  })
})
