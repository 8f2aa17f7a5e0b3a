// The pages in headless Chromium over the demo programme: names that assistive technology reads,
// keyboard use, the series picker, the import report, a phone-sized screen and basic accessibility checks.
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../support/engines.ts'
import { HEADER } from '../support/fixture.ts'
import { DEMO_TEST_PASSWORD, openTestServer, type TestServer } from '../support/server.ts'
import { CHROMIUM, CHROMIUM_ARGS, axeViolations, skipBrowser } from '../support/browser.ts'

const SCREENSHOTS = join(import.meta.dirname, '__screenshots__')
const RIVERSIDE = '/organisations/riverside/programmes/htn'
const MEASURE_NAMES = [
  'Blood pressure controlled to target',
  'Blood pressure recorded in the last 12 months',
  'Home blood-pressure monitors lent',
  'Community checks leading to a referral',
  'Falls or fainting attendances',
  'Days to a routine GP appointment',
]

// In CI the suite always runs, so a missing browser fails it rather than hiding it.
const skip = skipBrowser
if (skip) console.log(`Browser tests skipped: ${CHROMIUM} not found (apt-get install chromium; in CI they run and fail without it).`)

/** What the page-side checks below see of the browser's DOM (the project is compiled without the DOM lib). */
interface DomElement {
  readonly tagName: string
  readonly id: string
  readonly textContent: string | null
  readonly labels?: { readonly length: number } | null
  getAttribute(name: string): string | null
  closest(selector: string): DomElement | null
}
interface DomGlobals {
  readonly document: {
    readonly activeElement: DomElement | null
    readonly documentElement: DomElement
    readonly scrollingElement: { readonly scrollWidth: number; readonly clientWidth: number }
    querySelectorAll(selector: string): Iterable<DomElement>
    getElementById(id: string): DomElement | null
  }
}

/** The focused element as "tag#id.text", enough to say where keyboard focus is. */
async function focused(page: Page): Promise<{ tag: string; id: string; text: string; className: string }> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as DomGlobals).document.activeElement
    return { tag: active?.tagName.toLowerCase() ?? '', id: active?.id ?? '', text: (active?.textContent ?? '').trim(), className: active?.getAttribute('class') ?? '' }
  })
}

/** Problems found by a few automated checks: lang, named images, labelled controls, heading levels. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const problems: string[] = []
  const lang = await page.locator('html').getAttribute('lang')
  if (!lang) problems.push('<html> has no lang')
  const images = page.getByRole('img')
  const named = page.getByRole('img', { name: /\S/ })
  if ((await images.count()) !== (await named.count())) problems.push(`${(await images.count()) - (await named.count())} img-role elements have no accessible name`)
  const unlabelled = await page.evaluate(() => {
    const { document } = globalThis as unknown as DomGlobals
    const controls = [...document.querySelectorAll('input:not([type="hidden"]), select, textarea')]
    const hasName = (c: DomElement) =>
      (c.labels?.length ?? 0) > 0 || (c.getAttribute('aria-label') ?? '').trim() !== '' || (c.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '')
    return controls.filter((c) => !hasName(c)).map((c) => `${c.tagName.toLowerCase()}#${c.id}`)
  })
  problems.push(...unlabelled.map((c) => `form control ${c} has no label`))
  const headings = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) =>
    hs.map((h) => ({ level: Number((h as unknown as DomElement).tagName.slice(1)), aboveTitle: (h as unknown as DomElement).closest('.nhsuk-error-summary, .nhsuk-panel') !== null })),
  )
  const levels = headings.map((h) => h.level)
  // The design system puts the error summary (and here the result panel), titled h2, above the page's h1.
  const first = headings.find((h) => !h.aboveTitle)?.level
  if (first !== 1) problems.push(`the first heading is h${first ?? '(none)'}, not h1`)
  if (levels.filter((l) => l === 1).length !== 1) problems.push(`${levels.filter((l) => l === 1).length} h1 headings`)
  levels.forEach((level, i) => {
    const previous = levels[i - 1]
    if (previous !== undefined && level > previous + 1) problems.push(`heading h${level} follows h${previous} (skips a level)`)
  })
  return problems
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.LHS_SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

describe.skipIf(skip)('pages in headless Chromium (demo on PGlite)', () => {
  let server: TestServer
  let http: ServerType
  let base: string
  let browser: Browser
  let context: BrowserContext
  let page: Page
  /** The signed-in browser state (the session cookie) every test starts from. */
  let signedIn: BrowserContextOptions['storageState']

  /** A context that reaches only the app: other hosts (the NHS web fonts) are refused, so runs are offline and repeatable. */
  async function appContext(options: BrowserContextOptions): Promise<BrowserContext> {
    const created = await browser.newContext({ ...(signedIn === undefined ? {} : { storageState: signedIn }), ...options })
    await created.route((url) => url.origin !== base, (route) => route.abort())
    return created
  }

  beforeAll(async () => {
    const pglite = enginesUnderTest().find((e) => e.engine === 'pglite')!
    ;[server, browser] = await Promise.all([openTestServer(pglite, { seed: 'demo' }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })])
    const address = await new Promise<AddressInfo>((resolve) => {
      http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, resolve)
    })
    base = `http://127.0.0.1:${address.port}`
    const first = await browser.newContext()
    const signIn = await first.newPage()
    await signIn.goto(`${base}${RIVERSIDE}`)
    await signIn.getByLabel('Email address').fill('admin@riverside.example')
    await signIn.getByLabel('Password').fill(DEMO_TEST_PASSWORD)
    await signIn.getByRole('button', { name: 'Sign in' }).click()
    await signIn.waitForURL(`${base}${RIVERSIDE}`)
    signedIn = await first.storageState()
    await first.close()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve, reject) => (http ? http.close((error) => (error ? reject(error) : resolve())) : resolve()))
    await server?.close()
  })
  beforeEach(async () => {
    context = await appContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
  })

  it('sign-in: a visitor is sent to the sign-in page, signs in with the keyboard and lands where they were going', async () => {
    const visitor = await appContext({ viewport: { width: 1280, height: 900 }, storageState: { cookies: [], origins: [] } })
    const tab = await visitor.newPage()
    await tab.goto(`${base}${RIVERSIDE}/measures/bp-control`)
    await expect.poll(() => tab.title()).toBe('Sign in – Learning Health System')
    expect(await accessibilityProblems(tab)).toEqual([])
    await screenshot(tab, 'sign-in')
    await tab.getByLabel('Email address').focus()
    await tab.keyboard.type('admin@riverside.example')
    await tab.keyboard.press('Tab')
    await tab.keyboard.type('not the password')
    await tab.keyboard.press('Enter')
    await expect.poll(() => tab.title()).toBe('Error: Sign in – Learning Health System')
    expect(await tab.getByRole('alert').innerText()).toContain('The email address or password is not right.')
    await tab.getByLabel('Password').fill(DEMO_TEST_PASSWORD)
    await tab.keyboard.press('Enter')
    await tab.waitForURL(`${base}${RIVERSIDE}/measures/bp-control`)
    expect(await tab.locator('header').getByRole('link', { name: 'admin@riverside.example' }).isVisible()).toBe(true)
    const cookie = (await visitor.cookies()).find((c) => c.name === 'lhs_session')
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' })
    await tab.locator('header').getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => tab.title()).toBe('Sign in – Learning Health System')
    expect(await tab.getByText('You have signed out.').isVisible()).toBe(true)
    await tab.goto(`${base}${RIVERSIDE}`)
    await expect.poll(() => tab.title()).toBe('Sign in – Learning Health System')
    await visitor.close()
  })

  it('the overview shows six measures, each with variation and assurance icons whose names say what they mean', async () => {
    await page.goto(`${base}${RIVERSIDE}`)
    await expect.poll(() => page.title()).toBe('Hypertension: Find & Control – Learning Health System')
    const table = page.getByRole('table').first()
    expect(await table.locator('tbody').getByRole('row').count()).toBe(6)
    for (const name of MEASURE_NAMES) {
      expect(await table.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true)
      expect(await table.getByRole('img', { name, exact: true }).isVisible(), `sparkline of ${name}`).toBe(true)
    }
    const variation = table.getByRole('img', { name: /^(Common cause variation|Special cause variation – (improvement|concern|neutral) \((higher|lower)\))$/ })
    const assurance = table.getByRole('img', { name: /^(Target consistently achieved|Target consistently not achieved|Target hit or miss|Assurance not available)$/ })
    expect(await variation.count()).toBe(6)
    expect(await assurance.count()).toBe(6)
    expect(await table.getByRole('img', { name: 'Special cause variation – improvement (higher)' }).count()).toBeGreaterThanOrEqual(1)
    expect(await table.getByRole('img').count()).toBe(18)
    // The summary matrix: six measures down the side, all people and five quintiles across, each cell a link to its chart.
    const matrix = page.getByRole('region', { name: 'Summary matrix: by deprivation' }).getByRole('table')
    expect(await matrix.locator('thead th').allInnerTexts()).toEqual(['Measure', 'All people', 'Quintile 1 (most deprived)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (least deprived)'])
    expect(await matrix.locator('tbody tr').count()).toBe(6)
    const cell = matrix.getByRole('link', { name: /^Blood pressure controlled to target, Quintile 1 \(most deprived\): [\d.]+%\. .+ Open the chart\.$/ })
    expect(await cell.getAttribute('href')).toBe(`${RIVERSIDE}/measures/bp-control?who=imd_quintile:1`)
    await screenshot(page, 'overview')
  })

  it('keyboard: the first Tab reaches the skip link, and following it takes the next Tab into the main content', async () => {
    await page.goto(`${base}${RIVERSIDE}`)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to main content' })
    expect((await page.getByRole('link', { name: 'Skip to main content' }).boundingBox())?.height ?? 0, 'the focused skip link is visible').toBeGreaterThan(0)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toBe(`${base}${RIVERSIDE}#maincontent`)
    expect(await focused(page), 'the skip link moves focus to <main>').toMatchObject({ tag: 'main', id: 'maincontent' })
    // The next Tab goes to the first link inside main, not back to the header.
    await page.keyboard.press('Tab')
    const next = await focused(page)
    expect(next.tag).toBe('a')
    expect(next.text).toBe('The aim and its driver diagram')
  })

  it('the measure page: tabbing to the site and community group, choosing them and pressing Enter on Show loads that series', async () => {
    await page.goto(`${base}${RIVERSIDE}/measures/bp-control`)
    expect(await page.locator('main .nhsuk-caption-l').innerText()).toBe('Riverside Integrated Care System · All people')
    let tabs = 0
    while ((await focused(page)).id !== 'site' && tabs < 15) {
      await page.keyboard.press('Tab')
      tabs++
    }
    expect((await focused(page)).id, 'Tab reaches the Site choice').toBe('site')
    await page.getByLabel('Site', { exact: true }).selectOption('eastgate')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id).toBe('who')
    await page.getByLabel('Community group', { exact: true }).selectOption('imd_quintile:1')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id, 'then the chart type').toBe('chart')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id, 'then the rules').toBe('profile')
    await page.keyboard.press('Tab')
    expect((await focused(page)).id, 'then the baseline').toBe('baseline')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Show' })
    await Promise.all([page.waitForURL(/site=eastgate/), page.keyboard.press('Enter')])
    const url = new URL(page.url())
    expect([url.pathname, url.searchParams.get('site'), url.searchParams.get('who')]).toEqual([`${RIVERSIDE}/measures/bp-control`, 'eastgate', 'imd_quintile:1'])
    expect(await page.locator('main .nhsuk-caption-l').innerText()).toBe('Eastgate Medical Practice · Deprivation quintile: 1 (most deprived)')
    const chart = page.getByRole('img', { name: 'Blood pressure controlled to target – Eastgate Medical Practice, deprivation quintile: 1 (most deprived)', exact: true })
    expect(await chart.isVisible()).toBe(true)
    expect(await chart.getAttribute('aria-describedby')).toBe('main-chart-desc')
    expect(await page.getByLabel('Site', { exact: true }).inputValue()).toBe('eastgate')
    expect(await page.getByLabel('Community group', { exact: true }).inputValue()).toBe('imd_quintile:1')
    expect(await page.getByRole('link', { name: 'Download these numbers (CSV)' }).getAttribute('href')).toBe(`${RIVERSIDE}/measures/bp-control/data.csv?site=eastgate&who=imd_quintile%3A1&chart=xmr&profile=mdc`)
    await screenshot(page, 'measure')
  })

  it('the import page: uploading a CSV with mistakes shows the error summary and the issue table', async () => {
    await page.goto(`${base}${RIVERSIDE}/import`)
    const file = [HEADER, 'bp-contrl,2025-03-03,eastgate,,,1,2,', 'bp-control,2025-03-04,eastgate,,,1,2,'].join('\n') + '\n'
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })
    await Promise.all([page.waitForURL(`${base}${RIVERSIDE}/import`), page.waitForEvent('load'), page.getByRole('button', { name: 'Check and import' }).click()])
    const summary = page.getByRole('alert')
    expect(await summary.getByRole('heading', { name: 'There is a problem' }).isVisible()).toBe(true)
    expect(await summary.getByRole('link').innerText()).toBe('bad.csv has 2 errors. Nothing was imported.')
    const issues = page.getByRole('region', { name: 'Problems found' }).getByRole('table')
    const rows = await issues.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as unknown as { querySelectorAll(s: string): Iterable<DomElement> }).querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['2', 'measure', 'bp-contrl'],
      ['3', 'period', '2025-03-04'],
    ])
    expect(await accessibilityProblems(page)).toEqual([])
  })

  it('on a phone (390 px wide) no page scrolls sideways', async () => {
    const phone = await appContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    const small = await phone.newPage()
    for (const path of ['/', RIVERSIDE, `${RIVERSIDE}/measures/bp-control?site=eastgate&who=imd_quintile:1`, `${RIVERSIDE}/measures/bp-control/sites`, `${RIVERSIDE}/measures/bp-control/groups`, `${RIVERSIDE}/import`]) {
      await small.goto(`${base}${path}`)
      const { scrollWidth, clientWidth } = await small.evaluate(() => {
        const { scrollWidth, clientWidth } = (globalThis as unknown as DomGlobals).document.scrollingElement
        return { scrollWidth, clientWidth }
      })
      expect(clientWidth, path).toBe(390)
      expect(scrollWidth, `${path}: scroll width ${scrollWidth} within ${clientWidth}`).toBeLessThanOrEqual(clientWidth)
    }
    await phone.close()
  })

  it('basic accessibility: lang set, every image named, every control labelled, headings from h1 without skipped levels, nothing axe-core reports', async () => {
    const failed: string[] = []
    const axe: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
    })
    for (const path of [
      '/',
      RIVERSIDE,
      `${RIVERSIDE}/measures/bp-control?site=eastgate&who=imd_quintile:1`,
      `${RIVERSIDE}/measures/bp-control?chart=pp`,
      `${RIVERSIDE}/measures/bp-control?site=hillside&chart=run`,
      `${RIVERSIDE}/measures/bp-control/sites`,
      `${RIVERSIDE}/measures/bp-control/groups`,
      `${RIVERSIDE}/measures/falls`,
      `${RIVERSIDE}/import`,
    ]) {
      await page.goto(`${base}${path}`, { waitUntil: 'load' })
      expect(await accessibilityProblems(page), path).toEqual([])
      axe.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`))
    }
    expect(axe, 'axe-core (WCAG 2.2 A and AA)').toEqual([])
    expect(failed, 'every page, stylesheet, script and image the app serves loads').toEqual([])
  })

  it('keyboard: opening "Change how this chart is drawn", leaving a point out with a reason, and seeing it on the page', async () => {
    await page.goto(`${base}${RIVERSIDE}/measures/bp-control?site=eastgate`)
    await page.focus('details summary')
    await page.keyboard.press('Enter')
    await page.focus('#exclusion-period')
    await page.keyboard.press('ArrowDown')
    const period = await page.inputValue('#exclusion-period')
    await page.focus('#exclusion-note')
    await page.keyboard.type('Clinic closed for building work')
    await page.keyboard.press('Tab')
    await Promise.all([page.waitForURL(/saved=exclusion/), page.keyboard.press('Enter')])
    expect(await page.textContent('[role="status"]')).toContain('left out of the average and limits')
    const listed = await page.locator('h2:has-text("Points left out of the limits") + p + ul li').allTextContents()
    expect(listed.some((text) => text.includes('Clinic closed for building work'))).toBe(true)
    const row = await page.locator('table tbody tr', { hasText: 'Clinic closed for building work' }).count()
    expect(row, `the data table marks ${period}`).toBe(1)
    expect(await accessibilityProblems(page)).toEqual([])
  })

  it('the public feedback form works on a phone with the keyboard, with no axe-core violations before, on an error and after', async () => {
    const phone = await appContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: { cookies: [], origins: [] } })
    const tab = await phone.newPage()
    await tab.goto(`${base}/feedback/riverside/htn`)
    await expect.poll(() => tab.title()).toBe('Tell us about your experience – Learning Health System')
    expect(await axeViolations(tab)).toEqual([])
    expect(await accessibilityProblems(tab)).toEqual([])
    const overflow = await tab.evaluate(() => {
      const { scrollingElement } = (globalThis as unknown as DomGlobals).document
      return scrollingElement.scrollWidth - scrollingElement.clientWidth
    })
    expect(overflow, 'no sideways scrolling on a phone').toBeLessThanOrEqual(0)
    await screenshot(tab, 'feedback-phone')
    // Sent empty: the error summary, itself free of violations.
    await tab.getByRole('button', { name: 'Send feedback' }).click()
    await expect.poll(() => tab.title()).toBe('Error: Tell us about your experience – Learning Health System')
    expect(await axeViolations(tab)).toEqual([])
    // Keyboard only: the first answer is reached by Tab, arrow keys move between answers, Space chooses.
    await tab.getByRole('link', { name: /Choose how your experience was/ }).focus()
    await tab.keyboard.press('Enter')
    await tab.keyboard.press('ArrowDown')
    expect(await tab.getByLabel('Good', { exact: true }).isChecked()).toBe(true)
    await tab.getByLabel('Please tell us why you gave this answer').focus()
    await tab.keyboard.type('The nurse was kind but I could not get an evening appointment. Call me on 07700 900123.')
    await tab.getByRole('button', { name: 'Send feedback' }).focus()
    await tab.keyboard.press('Enter')
    await expect.poll(() => tab.title()).toBe('Thank you for your feedback – Learning Health System')
    expect(await axeViolations(tab)).toEqual([])
    expect(await phone.cookies()).toEqual([])
    const stored = await server.store.db.selectFrom('excerpts').select('text').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(stored.text).toBe('The nurse was kind but I could not get an evening appointment. Call me on [PHONE].')
    await phone.close()
  })

  it('coding with the keyboard alone: select words with Shift and the arrows, tick a theme with a digit, save with Ctrl+Enter', async () => {
    await page.goto(`${base}${RIVERSIDE}/insight/coding`)
    await expect.poll(() => page.title()).toBe('Code excerpts – Hypertension: Find & Control – Learning Health System')
    expect(await axeViolations(page)).toEqual([])
    const excerptId = Number(await page.locator('input[name="excerpt"]').getAttribute('value'))
    let tabs = 0
    while ((await focused(page)).id !== 'excerpt-text' && tabs < 40) {
      await page.keyboard.press('Tab')
      tabs++
    }
    expect((await focused(page)).id, 'Tab reaches the excerpt').toBe('excerpt-text')
    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 7; i++) await page.keyboard.press('Shift+ArrowRight')
    expect(await page.locator('#selection-status').innerText()).toMatch(/^Selected: “.{7}”/)
    const firstTheme = page.locator('.lhs-theme').first()
    expect(await firstTheme.locator('.lhs-key').innerText()).toBe('1')
    await page.keyboard.press('1')
    expect(await firstTheme.locator('input[name="theme"]').isChecked()).toBe(true)
    expect(await firstTheme.locator('.lhs-span-text').innerText()).toMatch(/^On the words “.{7}”$/)
    await screenshot(page, 'coding')
    await Promise.all([page.waitForURL(/saved=1/), page.keyboard.press('Control+Enter')])
    expect(await page.getByText('Saved.').isVisible()).toBe(true)
    const coding = await server.store.db.selectFrom('codings').select(['theme_id', 'span_start', 'span_end']).where('excerpt_id', '=', excerptId).where('coder', '=', 'admin@riverside.example').execute()
    expect(coding.map((c) => [c.span_start, c.span_end])).toEqual([[0, 7]])
  })

  it('insight pages: the overview, the theme matrix, a theme over time and the codebook have no axe-core violations', async () => {
    for (const [path, title] of [
      ['/insight', 'Insight from people'],
      ['/insight/themes', 'Themes'],
      ['/insight/codebook', 'Codebook'],
      ['/insight/agreement', 'Agreement between coders'],
      ['/insight/events', 'Events and interviews'],
    ] as const) {
      await page.goto(`${base}${RIVERSIDE}${path}`)
      await expect.poll(() => page.title()).toBe(`${title} – Hypertension: Find & Control – Learning Health System`)
      expect(await axeViolations(page), path).toEqual([])
      expect(await accessibilityProblems(page), path).toEqual([])
      await screenshot(page, `insight${path.replace(/\//g, '-')}`)
    }
    await page.goto(`${base}${RIVERSIDE}/insight/themes`)
    const theme = page.locator('table a[href^="themes/"]').first()
    await theme.click()
    await expect.poll(() => page.title()).toMatch(/^Theme: /)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'insight-theme')
  })

  it('findings: the triangulation matrix, a finding as an evidence summary and the links page, with no axe-core violations', async () => {
    await page.goto(`${base}${RIVERSIDE}/findings`)
    await expect.poll(() => page.title()).toBe('Findings – Hypertension: Find & Control – Learning Health System')
    const matrix = page.getByRole('region', { name: 'Triangulation matrix' }).getByRole('table')
    expect(await matrix.locator('thead th').allInnerTexts()).toEqual(['Finding', 'Overall', 'Numbers', 'Staff', 'Patients and carers', 'Community', 'Lessons from peers'])
    expect(await matrix.locator('tbody tr').count()).toBeGreaterThan(5)
    expect(await axeViolations(page)).toEqual([])
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'findings')
    await matrix.locator('tbody tr th a').first().click()
    await expect.poll(() => page.title()).toMatch(/– Findings – Learning Health System$/)
    expect(await page.getByRole('heading', { name: 'What the numbers show' }).isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    expect(await accessibilityProblems(page)).toEqual([])
    await screenshot(page, 'finding')
    await page.goto(`${base}${RIVERSIDE}/links`)
    expect(await axeViolations(page)).toEqual([])
    expect(await accessibilityProblems(page)).toEqual([])
  })
})
