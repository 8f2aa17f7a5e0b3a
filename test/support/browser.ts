/**
 * What the browser tests share: Debian's Chromium (never a downloaded browser) with the flags this
 * machine needs, whether to skip (Chromium missing outside CI; in CI the tests must run), and
 * axe-core's WCAG 2.2 A and AA check.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** True when Chromium is missing and this is not CI (in CI a missing browser fails the tests rather than hiding them). */
export const skipBrowser = !existsSync(CHROMIUM) && !process.env.CI

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * What axe-core reports against WCAG 2.0, 2.1 and 2.2 A and AA, as "rule: target" lines. It runs
 * through the DevTools protocol (page.evaluate), which the page's Content-Security-Policy does not
 * govern, so the page itself stays exactly as served.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE};0`)
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
  })
}
