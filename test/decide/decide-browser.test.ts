// The decide pages in headless Chromium: no axe-core violations (WCAG 2.2 A and AA) on each page and
// on a refused form, the error summary's links reach their fields, and the meeting pack prints
// without navigation.
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSession } from '../../src/app/auth/sign-in.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { openTestServer, type TestServer } from '../support/server.ts'
import { seedDecideFixture } from './decide-fixture.ts'
import { seedDecideIds, type DecideIds } from './seed-decide-ids.ts'
import { CHROMIUM, axeViolations, skipBrowser } from '../support/browser.ts'

const skip = skipBrowser
const BASE = '/organisations/test/programmes/htn'


describe.skipIf(skip)('decide pages in headless Chromium (fixture on PGlite)', () => {
  let server: TestServer
  let http: ServerType
  let base: string
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let ids: DecideIds

  beforeAll(async () => {
    const pglite = enginesUnderTest().find((e) => e.engine === 'pglite')!
    ;[server, browser] = await Promise.all([openTestServer(pglite, { seed: 'fixture' }), chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] })])
    await seedDecideFixture(server.store, server.deps)
    ids = await seedDecideIds(server.deps)
    const address = await new Promise<AddressInfo>((resolve) => {
      http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, resolve)
    })
    base = `http://127.0.0.1:${address.port}`
    const admin = await server.store.db.selectFrom('users').select(['id', 'email', 'display_name']).where('email', '=', 'admin@test.example').executeTakeFirstOrThrow()
    const { sessionSecret } = await startSession(server.deps, { id: admin.id, email: admin.email, displayName: admin.display_name, passwordHash: null, disabled: false }, { address: 'test', userAgent: 'test', method: 'test' })
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: 'lhs_session', value: sessionSecret, url: base }])
    await context.route((url) => url.origin !== base, (route) => route.abort())
    page = await context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve, reject) => (http ? http.close((error) => (error ? reject(error) : resolve())) : resolve()))
    await server?.close()
  })

  it('every decide page has no axe-core violations', async () => {
    const paths = ['/organisations/test/groups', `/organisations/test/groups/${ids.group}`, `${BASE}/meetings`, `${BASE}/meetings/${ids.meeting}`, `${BASE}/meetings/${ids.meeting}/pack`, `${BASE}/decisions`, `${BASE}/decisions/new?meeting=${ids.meeting}`, `${BASE}/decisions/${ids.decision}`, `${BASE}/decisions/${ids.decision}/change`]
    const found: string[] = []
    for (const path of paths) {
      await page.goto(`${base}${path}`)
      expect(await page.locator('h1').count(), path).toBe(1)
      found.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`))
    }
    expect(found).toEqual([])
  })

  it('a refused decision keeps what was typed, and the error summary links move to each field', async () => {
    await page.goto(`${base}${BASE}/decisions/new`)
    await page.getByLabel('Why', { exact: true }).fill('People in work cannot come in the day.')
    await page.getByLabel('Review date (optional)').fill('next March')
    await page.getByRole('button', { name: 'Record decision' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: Record a decision/)
    const summary = page.locator('.nhsuk-error-summary')
    expect(await summary.locator('a').allInnerTexts()).toEqual([
      'Enter what was decided, in a sentence.',
      'Enter the option chosen.',
      'Choose a label: standardise across sites, allow local variation, stop, or test further.',
      'The review date "next March" is not a date (expected a real date as YYYY-MM-DD, for example 2025-09-30).',
      'Tick at least one finding (or lesson) this decision rests on: every decision cites its evidence.',
    ])
    expect(await page.getByLabel('Why', { exact: true }).inputValue()).toBe('People in work cannot come in the day.')
    await summary.getByRole('link', { name: /review date/ }).click()
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('reviewDate')
    expect(await axeViolations(page)).toEqual([])
  })

  it('the meeting pack prints without navigation', async () => {
    await page.goto(`${base}${BASE}/meetings/${ids.meeting}/pack`)
    const bar = page.getByRole('navigation', { name: 'Back' })
    expect(await bar.isVisible()).toBe(true)
    await page.emulateMedia({ media: 'print' })
    expect(await bar.isVisible()).toBe(false)
    expect(await page.locator('section.lhs-pack-item h2').count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'Decisions taken at this meeting' }).isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
  })
})

