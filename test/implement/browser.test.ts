// The implement pages in headless Chromium: nothing axe-core reports (WCAG 2.2 A and AA) on each page,
// nor on a refused form; the error summary's link moves focus to the field.
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSession } from '../../src/app/auth/sign-in.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { openTestServer, type TestServer } from '../support/server.ts'
import { seedImplement, type SeededLoop } from './seed-implement.ts'
import { CHROMIUM, axeViolations, skipBrowser } from '../support/browser.ts'

const BASE = '/organisations/test/programmes/htn'
const skip = skipBrowser


describe.skipIf(skip)('implement pages in headless Chromium (fixture on PGlite)', () => {
  let server: TestServer
  let http: ServerType
  let browser: Browser
  let page: Page
  let base: string
  let loop: SeededLoop

  beforeAll(async () => {
    const pglite = enginesUnderTest().find((e) => e.engine === 'pglite')!
    ;[server, browser] = await Promise.all([openTestServer(pglite, { seed: 'fixture' }), chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] })])
    loop = await seedImplement(server.deps, 'test', 1)
    const address = await new Promise<AddressInfo>((resolve) => {
      http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, resolve)
    })
    base = `http://127.0.0.1:${address.port}`
    const user = await server.store.db.selectFrom('users').select(['id', 'email', 'display_name']).where('email', '=', 'lead@test.example').executeTakeFirstOrThrow()
    const { sessionSecret } = await startSession(server.deps, { id: user.id, email: user.email, displayName: user.display_name, passwordHash: null, disabled: false }, { address: 'test', userAgent: 'test', method: 'test' })
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.route((url) => url.origin !== base, (route) => route.abort())
    await context.addCookies([{ name: 'lhs_session', value: sessionSecret, url: base }])
    page = await context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve, reject) => (http ? http.close((error) => (error ? reject(error) : resolve())) : resolve()))
    await server?.close()
  })

  it('has nothing axe-core reports on any implement page', async () => {
    const action = `${BASE}/actions/${loop.actionId}`
    const violations: string[] = []
    for (const path of [`${BASE}/aim`, `${BASE}/aim/edit`, `${BASE}/drivers/${loop.driverId}`, `${BASE}/drivers/${loop.driverId}/remove`, `${BASE}/drivers/${loop.changeIdeaId}`, `${BASE}/actions`, `${BASE}/actions/new?decision=${loop.decisionId}`, action, `${action}/edit`, `${action}/predictions/new`, `${action}/predictions/new?role=primary&measure=bp-control`, `${action}/cycles/1`]) {
      const response = await page.goto(`${base}${path}`, { waitUntil: 'load' })
      expect(response?.status(), path).toBe(200)
      expect(await page.locator('h1').count(), path).toBe(1)
      violations.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`))
    }
    expect(violations).toEqual([])
  })

  it('a refused form: the error summary links to the field, keeps what was typed, and axe-core finds nothing', async () => {
    await page.goto(`${base}${BASE}/actions/new`)
    await page.getByLabel('What is the change?').fill('Evening clinics')
    await page.getByLabel('Change date').fill('2025-04-07')
    await page.getByLabel('Review date (optional)').fill('2025-04-01')
    await Promise.all([page.waitForURL(`${base}${BASE}/actions`), page.getByRole('button', { name: 'Start the action' }).click()])
    expect(await page.title()).toBe('Error: Start an action – Hypertension – Learning Health System')
    const alert = page.getByRole('alert')
    await alert.getByRole('link').click()
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('reviewDate')
    expect(await page.getByLabel('What is the change?').inputValue()).toBe('Evening clinics')
    expect(await axeViolations(page)).toEqual([])
  })
})
