// The whole loop in the demo, walked in headless Chromium as a lead would walk it: a finding, a
// decision resting on it, an action with its prediction, later data imported through the import
// page, the verdict the review engine gives at once, and the loop board. Every step goes through the
// pages (links, forms, the file upload); the database is read only for what a test cannot see.
//
// The server's clock is 2026-11-26, after the demo's weeks (2025-03-03 to the week of 2026-08-24),
// so the demo's own verdicts and its one overdue review are as the story tells them, and the new
// action, changed on 2026-08-31, is judged on the eight weeks imported here.
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { addMember } from '../../src/app/auth/people.ts'
import { seedDemo } from '../../src/app/seed/seed-demo.ts'
import { createApp, type ServerDeps } from '../../src/server/create-app.tsx'
import type { Store } from '../../src/storage/database.ts'
import { enginesUnderTest, type EngineUnderTest } from '../support/engines.ts'
import { HEADER } from '../support/fixture.ts'
import { DEMO_TEST_PASSWORD, serverDeps } from '../support/server.ts'
import { CHROMIUM, CHROMIUM_ARGS, axeViolations, skipBrowser } from '../support/browser.ts'

const RIVERSIDE = '/organisations/riverside/programmes/htn'
/** After the demo's data: its reviews are as the story tells them, and the new action's review date is still ahead. */
const CLOCK = new Date('2026-11-26T09:00:00Z')
const ADMIN = 'admin@riverside.example'

const DECISION = 'Evening blood pressure clinics at Hillside'
const ACTION = 'Evening clinics at Hillside'
const CHANGE_DATE = '2026-08-31'
/** The eight Mondays from the change date to the prediction's "by" date (2026-10-19). */
const WEEKS_AFTER = ['2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19']
/** Hillside's register is about 806 people, about 60% controlled in the demo's last weeks; after the evening clinics about 80%. */
const LATER_DATA = `${[HEADER, ...WEEKS_AFTER.map((week, i) => `bp-control,${week},hillside,,,${645 + ((i * 3) % 7)},${806 + i},`)].join('\n')}\n`

// In CI the suite always runs, so a missing browser fails it rather than hiding it.
const skip = skipBrowser
if (skip) console.log(`Browser tests skipped: ${CHROMIUM} not found (apt-get install chromium; in CI they run and fail without it).`)



/** Text with runs of white space collapsed. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

describe.skipIf(skip)('the whole loop in the demo, in headless Chromium (PGlite)', () => {
  let engine: EngineUnderTest
  let store: Store
  let http: ServerType
  let base: string
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const logs: string[] = []
  /** What the walk learns on the way, as a user would read it off the pages. */
  let findingId = 0
  let findingStatement = ''
  let decisionPath = ''
  let actionPath = ''

  beforeAll(async () => {
    engine = enginesUnderTest().find((e) => e.engine === 'pglite')!
    const opened = engine.open()
    ;[store, browser] = await Promise.all([opened, chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })])
    // As openTestServer builds the demo server, but on a clock after the demo's data. No job queue: an import reviews the affected actions at once.
    const deps: ServerDeps = { ...serverDeps(store, logs), clock: () => new Date(CLOCK) }
    await seedDemo(deps)
    await addMember(deps, CLI_ACTOR, { email: ADMIN, organisation: 'riverside', role: 'admin', password: DEMO_TEST_PASSWORD })
    const app = createApp(deps)
    const address = await new Promise<AddressInfo>((resolve) => {
      http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve)
    })
    base = `http://127.0.0.1:${address.port}`
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    // Only the app: other hosts (the NHS web fonts) are refused, so the walk is offline and repeatable.
    await context.route((url) => url.origin !== base, (route) => route.abort())
    page = await context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((resolve, reject) => (http ? http.close((error) => (error ? reject(error) : resolve())) : resolve()))
    await store?.close()
    await engine?.cleanUp()
  })

  it('1. the demo admin signs in and opens a finding from the findings page', async () => {
    await page.goto(`${base}${RIVERSIDE}/findings`)
    await expect.poll(() => page.title()).toBe('Sign in – Learning Health System')
    await page.getByLabel('Email address').fill(ADMIN)
    await page.getByLabel('Password').fill(DEMO_TEST_PASSWORD)
    await Promise.all([page.waitForURL(`${base}${RIVERSIDE}/findings`), page.getByRole('button', { name: 'Sign in' }).click()])
    expect(await page.title()).toBe('Findings – Hypertension: Find & Control – Learning Health System')
    const first = page.getByRole('region', { name: 'Triangulation matrix' }).getByRole('table').locator('tbody tr th a').first()
    findingStatement = squash(await first.innerText())
    await Promise.all([page.waitForURL(/\/findings\/\d+$/), first.click()])
    findingId = Number(new URL(page.url()).pathname.split('/').at(-1))
    expect(findingId).toBeGreaterThan(0)
    expect(squash(await page.locator('h1').innerText())).toBe(findingStatement)
    expect(await page.getByRole('heading', { name: 'What the numbers show' }).isVisible()).toBe(true)
  })

  it('2. records a decision resting on that finding, from the finding, and lands on the decision', async () => {
    await Promise.all([page.waitForURL(`${base}${RIVERSIDE}/decisions/new?finding=${findingId}`), page.getByRole('link', { name: 'Record a decision resting on this finding' }).click()])
    await page.getByLabel('What was decided').fill(DECISION)
    await page.getByLabel('Why', { exact: true }).fill('People at Hillside in work cannot come to the daytime nurse clinic, and control there has not moved.')
    await page.getByLabel('Options considered (optional)').fill('Evening clinics at Hillside\nSaturday morning clinics at Hillside\nCarry on as now')
    await page.getByLabel('Option chosen').fill('Evening clinics at Hillside on Tuesdays and Thursdays')
    await page.getByRole('radio', { name: 'Test further' }).check()
    await page.getByLabel('Owner').selectOption({ label: 'Pat Huddle (pat.huddle@riverside.example)' })
    await page.getByLabel('Review date (optional)').fill('2026-12-01')
    const evidence = page.locator(`input[name="findings"][value="${findingId}"]`)
    expect(await evidence.isChecked(), 'the finding the link came from is ticked').toBe(true)
    expect(squash(await page.locator(`label[for="${await evidence.getAttribute('id')}"]`).innerText())).toBe(findingStatement)
    await Promise.all([page.waitForURL(/\/decisions\/\d+\?saved=created$/), page.getByRole('button', { name: 'Record decision' }).click()])
    decisionPath = new URL(page.url()).pathname
    expect(await page.title()).toBe(`${DECISION} – Decision log – Learning Health System`)
    expect(await page.getByText('The decision has been recorded.').isVisible()).toBe(true)
    expect(squash(await page.locator('main .nhsuk-caption-l').innerText())).toBe('Test further · version 1')
    const summary = squash(await page.locator('main dl.nhsuk-summary-list').innerText())
    expect(summary).toContain('Option chosen Evening clinics at Hillside on Tuesdays and Thursdays')
    expect(summary).toContain('Owner Pat Huddle (pat.huddle@riverside.example)')
    expect(summary).toContain('Review date 1 Dec 2026')
    expect(await page.getByRole('link', { name: findingStatement, exact: true }).getAttribute('href')).toBe(`${RIVERSIDE}/findings/${findingId}`)
    expect(await page.getByText('No actions yet.').isVisible()).toBe(true)
    expect(await axeViolations(page), 'the decision page').toEqual([])
  })

  it('3. starts an action carrying out the decision, at Hillside from 2026-08-31, and lands on the action', async () => {
    await Promise.all([page.waitForURL(/\/actions\/new\?decision=\d+$/), page.getByRole('link', { name: 'Start an action from this decision' }).click()])
    await page.getByLabel('What is the change?').fill(ACTION)
    await page.getByLabel('Description (optional)').fill('A nurse clinic from 5 to 8 pm on Tuesdays and Thursdays, booked by text.')
    expect(await page.getByLabel('Decision it comes from').locator('option:checked').innerText(), 'the decision the link came from is chosen').toBe(DECISION)
    await page.getByLabel('Owner').selectOption({ label: 'Pat Huddle (pat.huddle@riverside.example)' })
    await page.getByRole('checkbox', { name: 'Hillside Surgery', exact: true }).check()
    await page.getByLabel('Change date').fill(CHANGE_DATE)
    await page.getByLabel('Review date (optional)').fill('2026-12-01')
    await page.getByRole('radio', { name: 'In progress' }).check()
    await Promise.all([page.waitForURL(/\/actions\/\d+\?saved=created$/), page.getByRole('button', { name: 'Start the action' }).click()])
    actionPath = new URL(page.url()).pathname
    expect(await page.title()).toBe(`${ACTION} – Actions – Learning Health System`)
    expect(await page.getByText('The action has started. Now add what it should move: its predictions.').isVisible()).toBe(true)
    const summary = squash(await page.locator('main dl.nhsuk-summary-list').innerText())
    expect(summary).toContain('Where Hillside Surgery')
    expect(summary).toContain('Change date 31 Aug 2026')
    expect(summary).toContain('Review date 1 Dec 2026')
    expect(await page.locator('main dl').getByRole('link', { name: DECISION }).getAttribute('href')).toBe(decisionPath)
    expect(await page.getByText('No predictions yet: add what this change should move.').isVisible()).toBe(true)
  })

  it('4. adds its primary prediction in two steps; the action page shows it, and no verdict yet', async () => {
    await Promise.all([page.waitForURL(`${base}${actionPath}/predictions/new`), page.getByRole('link', { name: 'Add a prediction' }).click()])
    await page.getByRole('radio', { name: 'Should move' }).check()
    const measure = page.getByLabel('Measure', { exact: true })
    const choice = (await measure.locator('option').allInnerTexts()).find((text) => text.startsWith('Blood pressure controlled to target ('))
    expect(choice, 'the measure is offered').toBeDefined()
    await measure.selectOption({ label: choice! })
    await Promise.all([page.waitForURL(/\/predictions\/new\?role=primary&measure=bp-control$/), page.getByRole('button', { name: 'Continue' }).click()])
    expect(squash(await page.locator('main dl').innerText())).toContain('Should move: Blood pressure controlled to target')
    await page.getByLabel('Where').selectOption({ label: 'Hillside Surgery' })
    await page.getByLabel('Who').selectOption({ label: 'All people' })
    await page.getByRole('radio', { name: 'Up' }).check()
    await page.getByLabel('By when (optional)').fill('2026-10-19')
    await page.getByLabel('By how much (optional)').fill('5')
    // Enter in the last field sends the form, as the keyboard user would.
    await Promise.all([page.waitForURL(`${base}${actionPath}?saved=predicted#predictions`), page.keyboard.press('Enter')])
    expect(await page.getByText('The prediction has been added.').isVisible()).toBe(true)
    const rows = await page.getByRole('region', { name: 'Predictions of this action' }).locator('tbody tr td').allInnerTexts()
    expect(rows.slice(0, 7).map(squash)).toEqual(['Should move', 'Blood pressure controlled to target', 'Hillside Surgery', 'All people', 'Should go up', '5 percentage points', '19 Oct 2026'])
    // No data yet from the change date: either not reviewed yet, or reviewed as not yet clear.
    const review = page.getByRole('region', { name: 'Is it working?' })
    expect(squash(await review.innerText())).toMatch(/Not reviewed yet\.|Not yet clear/)
    expect(await review.getByText('Working', { exact: true }).count()).toBe(0)
    // Asked to review it now, the engine says it is too early: the demo's data end the week before the change.
    await Promise.all([page.waitForURL(`${base}${actionPath}#review-heading`), review.getByRole('button', { name: 'Review it now' }).click()])
    expect(await review.locator('p .nhsuk-tag').first().innerText()).toBe('Not yet clear')
    expect(squash(await review.innerText())).toContain(`‘${ACTION}’ (the change made on 31 August 2026): not yet clear. There are not yet enough data to judge Blood pressure controlled to target at Hillside Surgery.`)
  })

  it('5. imports eight later weeks of Hillside data through the import page, and the report says they were added', async () => {
    await page.goto(`${base}${RIVERSIDE}/import`)
    expect(await page.getByRole('radio', { name: 'Observations (CSV or Excel .xlsx)' }).isChecked()).toBe(true)
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'hillside-autumn.csv', mimeType: 'text/csv', buffer: Buffer.from(LATER_DATA) })
    await Promise.all([page.waitForURL(`${base}${RIVERSIDE}/import`), page.waitForEvent('load'), page.getByRole('button', { name: 'Check and import' }).click()])
    const report = page.getByRole('status')
    expect(squash(await report.innerText())).toBe('Imported hillside-autumn.csv 8 added, 0 updated, 0 unchanged.')
    expect(await page.getByRole('region', { name: 'Problems found' }).count(), 'no errors').toBe(0)
  })

  it('6. the action page now says "Working", naming Hillside and the change date, with the evidence chart', async () => {
    await page.goto(`${base}${actionPath}`)
    const review = page.getByRole('region', { name: 'Is it working?' })
    expect(await review.locator('p .nhsuk-tag').first().innerText()).toBe('Working')
    const text = squash(await review.innerText())
    expect(text).toContain('Reviewed 26 Nov 2026, with data to 19 Oct 2026.')
    expect(text).toContain(`‘${ACTION}’ (the change made on 31 August 2026): working. The predicted change has been seen for Blood pressure controlled to target at Hillside Surgery`)
    const evidence = review.locator('.lhs-evidence')
    expect(await evidence.count()).toBe(1)
    expect(squash(await evidence.locator('h3').innerText())).toBe('Blood pressure controlled to target at Hillside Surgery Working')
    expect(squash(await evidence.locator('ul').first().innerText())).toMatch(/^Blood pressure controlled to target at Hillside Surgery: .+so the change looks to be working\./)
    const chart = evidence.getByRole('img', { name: /^Blood pressure controlled to target at Hillside Surgery: predicted to move/ })
    expect(await chart.count()).toBe(1)
    expect(await chart.evaluate((el) => (el as unknown as { tagName: string }).tagName.toLowerCase())).toBe('svg')
    expect(await chart.isVisible()).toBe(true)
    expect(squash(await evidence.locator('table').innerText())).toContain('Points before / after')
    expect(squash(await evidence.locator('table').innerText())).toMatch(/Points before \/ after \d+ \/ 8\b/)
    expect(squash(await review.getByRole('heading', { name: 'How the verdict has moved' }).locator('xpath=following-sibling::ul[1]').innerText())).toBe('26 Nov 2026: first verdict, Not yet clear 26 Nov 2026: from Not yet clear, Working')
    expect(await axeViolations(page), 'the action page').toEqual([])
    // The decision it carries out now shows what the data say about it.
    await Promise.all([page.waitForURL(`${base}${decisionPath}`), page.locator('main dl').getByRole('link', { name: DECISION }).click()])
    const actions = page.getByRole('table', { name: 'Actions and their verdicts' })
    expect((await actions.locator('tbody tr td').allInnerTexts()).map(squash)).toEqual([ACTION, 'In progress', 'Working'])
  })

  it('7. the loop board shows the action working, the demo’s one overdue review and Hillside’s monitor loans not working', async () => {
    await page.goto(`${base}${RIVERSIDE}/loop`)
    expect(await page.title()).toBe('Loop board – Hypertension: Find & Control – Learning Health System')
    const board = page.getByRole('region', { name: 'Actions and their verdicts' })
    const row = (title: string) => board.locator('tbody tr', { has: page.getByRole('link', { name: title, exact: true }) })
    const ours = row(ACTION)
    expect(await ours.count()).toBe(1)
    expect(await ours.locator('td').nth(2).locator('.nhsuk-tag').innerText()).toBe('Working')
    expect(squash(await ours.locator('td').nth(2).innerText())).toContain('data to 19 Oct 2026')
    expect(squash(await ours.locator('td').nth(1).innerText())).toBe('Blood pressure controlled to target at Hillside Surgery should rise by about 5 percentage points by 19 Oct 2026')
    expect(squash(await ours.locator('td').nth(0).innerText())).toContain('Changed 31 Aug 2026 at Hillside Surgery · in progress')
    expect(squash(await ours.locator('td').nth(3).innerText())).toBe('1 Dec 2026')
    const loans = row('Home monitor loans and reminders at Hillside')
    expect(await loans.locator('td').nth(2).locator('.nhsuk-tag').innerText()).toBe('Not working')
    // The demo's one overdue review, highlighted above the table and in its row.
    const callout = page.locator('.nhsuk-warning-callout')
    expect(squash(await callout.locator('h2').innerText())).toBe('Important: One review is overdue')
    expect(await callout.getByRole('link').allInnerTexts()).toEqual(['Stop postal-only invitations'])
    expect(await board.locator('tbody tr.lhs-row--overdue').count()).toBe(1)
    expect(await row('Stop postal-only invitations').getByText('Overdue', { exact: true }).isVisible()).toBe(true)
    const counts = (await page.getByRole('list', { name: 'Verdicts' }).locator('li').allInnerTexts()).map(squash)
    expect(counts).toContain('1 overdue for review')
    expect(counts).toContain('1 not working')
    expect(await axeViolations(page), 'the loop board').toEqual([])
    expect(logs.filter((m) => /error/i.test(m)), 'nothing went wrong on the server').toEqual([])
  })
})
