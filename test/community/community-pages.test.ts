/**
 * The community pages on the demo: the search page finds riverside's lesson for northshore, the
 * lesson page shows it field by field with the disclosure policy, the preview shows exactly what
 * leaves with the fingerprint publishing needs, the network page draws the funnel with its table;
 * and in headless Chromium the search, lesson, preview and network pages have no axe-core violations.
 */
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { parseHTML } from 'linkedom'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoCommunity } from '../support/community.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { CHROMIUM, CHROMIUM_ARGS, axeViolations, skipBrowser } from '../support/browser.ts'
import { DEMO_TEST_PASSWORD, openTestServer, type TestServer } from '../support/server.ts'

const NORTHSHORE = '/organisations/northshore/community'
const RIVERSIDE = '/organisations/riverside/community'

describe('community pages (demo on PGlite)', () => {
  let server: TestServer
  let lessonId: number

  const html = async (path: string) => {
    const response = await server.app.request(path)
    expect(response.status, path).toBe(200)
    return parseHTML(await response.text()).document
  }

  const actionId = async (title: string) => (await server.store.db.selectFrom('actions').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id

  beforeAll(async () => {
    server = await openTestServer(enginesUnderTest().find((e) => e.engine === 'pglite')!, { seed: 'demo' })
    lessonId = (await seedDemoCommunity(server.deps)).lessonId
  }, 240_000)

  afterAll(async () => {
    await server?.close()
  })

  it('finds riverside’s lesson from northshore’s search page, and filters it out by verdict', async () => {
    const found = await html(`${NORTHSHORE}?q=monitor+loans`)
    expect([...found.querySelectorAll('ul a')].map((a) => a.getAttribute('href'))).toContain(`${NORTHSHORE}/lessons/${lessonId}`)
    const none = await html(`${NORTHSHORE}?q=monitor+loans&verdict=harm`)
    expect(none.querySelector('#results-heading')?.textContent).toBe('No lessons found')
  })

  it('shows the lesson to northshore field by field, with the effect table and the policy', async () => {
    const page = await html(`${NORTHSHORE}/lessons/${lessonId}`)
    const keys = [...page.querySelectorAll('.nhsuk-summary-list__key')].map((k) => k.textContent)
    expect(keys).toEqual(['Network', 'Shared by', 'Title', 'Summary', 'Setting', 'Population', 'CFIR factors', 'The change', 'Measure', 'Themes', 'Verdict', 'What helped', 'What got in the way', 'Contact'])
    expect(page.querySelector('table caption')?.textContent).toContain('at Eastgate')
    expect(page.body.textContent).toContain('Counts of 1 to 7 are shown as *')
    expect(page.body.textContent).not.toContain('Withdraw this lesson')
  })

  it('previews exactly what leaves, with the fingerprint for publishing', async () => {
    const draft = await server.app.request('/api/v1/organisations/riverside/community/lessons', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ network: 'htn-network', programme: 'htn', action: await actionId('Home monitor loans and reminders at Hillside') }) })
    expect(draft.status).toBe(201)
    const { id, hash } = (await draft.json()) as { id: number; hash: string }
    const page = await html(`${RIVERSIDE}/lessons/${id}/preview`)
    expect(page.querySelector('h1')?.textContent).toBe('What leaves Riverside Integrated Care System')
    expect(page.querySelector('input[name="hash"]')?.getAttribute('value')).toBe(hash)
    expect(page.querySelectorAll('.nhsuk-summary-list__row')).toHaveLength(14)
  })

  it('edits a draft through the form: a wrong email is refused on its field, a good edit goes to the preview; a stale publish comes back to it', async () => {
    const draft = await server.app.request('/api/v1/organisations/riverside/community/lessons', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ network: 'htn-network', programme: 'htn', action: await actionId('Home monitor loans and reminders at Riverbank') }) })
    const { id, version, hash } = (await draft.json()) as { id: number; version: number; hash: string }
    const post = (path: string, fields: Record<string, string>) => server.app.request(path, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' })
    const edit = await html(`${RIVERSIDE}/lessons/${id}/edit`)
    expect(edit.querySelector('input[name="version"]')?.getAttribute('value')).toBe(String(version))
    const refused = await post(`${RIVERSIDE}/lessons/${id}/edit`, { version: String(version), title: 'Loans at Riverbank', contactEmail: 'not an email' })
    expect(refused.status).toBe(400)
    const page = parseHTML(await refused.text()).document
    expect(page.querySelector('.nhsuk-error-summary a')?.getAttribute('href')).toBe('#contactEmail')
    expect(page.querySelector('#title')?.getAttribute('value')).toBe('Loans at Riverbank')
    const saved = await post(`${RIVERSIDE}/lessons/${id}/edit`, { version: String(version), title: 'Loans at Riverbank', verdict: 'working', themes: 'loans\naccess' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${RIVERSIDE}/lessons/${id}/preview`)
    const stale = await post(`${RIVERSIDE}/lessons/${id}/publish`, { hash })
    expect(stale.headers.get('location')).toBe(`${RIVERSIDE}/lessons/${id}/preview?changed=1`)
    const preview = await html(`${RIVERSIDE}/lessons/${id}/preview?changed=1`)
    expect(preview.querySelector('[role="status"]')?.textContent).toContain('nothing was published')
    expect([...preview.querySelectorAll('.nhsuk-summary-list__value')].map((d) => d.textContent)).toContain('loans; access')
  })

  it('draws the network funnel with the table of what each member shared', async () => {
    const page = await html(`${NORTHSHORE}/networks/htn-network`)
    expect(page.querySelector('figure svg')).not.toBeNull()
    const members = [...page.querySelectorAll('tbody th')].map((th) => th.textContent)
    expect(members).toEqual(['Northshore ICS', 'Riverside Integrated Care System'])
  })

  describe.skipIf(skipBrowser)('in headless Chromium', () => {
    let browser: Browser
    let http: ServerType
    let base: string

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
      const address = await new Promise<AddressInfo>((resolve) => {
        http = serve({ fetch: server.rawApp.fetch, port: 0, hostname: '127.0.0.1' }, resolve)
      })
      base = `http://127.0.0.1:${address.port}`
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()))
    })

    it('the search, lesson, preview and network pages have no axe-core violations', async () => {
      const context = await browser.newContext()
      await context.route((url) => url.origin !== base, (route) => route.abort())
      const page = await context.newPage()
      await page.goto(`${base}${NORTHSHORE}`)
      await page.getByLabel('Email address').fill('admin@riverside.example')
      await page.getByLabel('Password').fill(DEMO_TEST_PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL(`${base}${NORTHSHORE}`)
      const draftId = (await server.store.db.selectFrom('lessons').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow()).id
      const violations: string[] = []
      for (const path of [`${NORTHSHORE}?q=monitor`, `${NORTHSHORE}/lessons/${lessonId}`, `${RIVERSIDE}/lessons/${lessonId}/preview`, `${NORTHSHORE}/networks/htn-network`, `${RIVERSIDE}/lessons/${draftId}/edit`]) {
        await page.goto(`${base}${path}`)
        violations.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`))
      }
      expect(violations).toEqual([])
      await context.close()
    }, 120_000)
  })
})
