/**
 * HTML → PDF through headless Chromium (Debian's `chromium`, driven by `playwright-core`): A4, with
 * backgrounds, and a footer on every page carrying the briefing's short line (from its
 * `lhs-footer` meta element) and "Page N of M". One browser per process, launched on first use and
 * closed by `closePdfRenderer()`; each document gets its own short-lived page.
 */
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { AppError } from '../core/errors.ts'
import { escapeHtml } from './html-escape.ts'
import { FOOTER_META } from './html.ts'

/** Debian's Chromium; `LHS_CHROMIUM` names another. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS: readonly string[] = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** How long one document may take to lay out and print. */
export const PDF_TIMEOUT_MS = 60_000

let launching: Promise<Browser> | null = null

export function chromiumPath(): string {
  return process.env.LHS_CHROMIUM || DEFAULT_CHROMIUM
}

function browser(): Promise<Browser> {
  if (launching === null) {
    const path = chromiumPath()
    if (!existsSync(path)) {
      return Promise.reject(new AppError('unavailable', `PDF briefings need Chromium, which is not installed at ${path} (install Debian's chromium package, or set LHS_CHROMIUM to its path).`))
    }
    // Loaded on first use: playwright-core costs a server about 50 MB that only PDF briefings need.
    launching = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS] }))
    launching.catch(() => {
      launching = null
    })
    launching.then((b) => b.on('disconnected', () => (launching = null)), () => undefined)
  }
  return launching
}

/** Print a complete HTML document (as `briefingToHtml` makes) to an A4 PDF. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const page = await (await browser()).newPage()
  try {
    page.setDefaultTimeout(PDF_TIMEOUT_MS)
    // Briefings are self-contained: nothing may be fetched while printing.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
    await page.setContent(html, { waitUntil: 'load' })
    const meta = page.locator(`meta[name="${FOOTER_META}"]`)
    const footer = (await meta.count()) > 0 ? ((await meta.first().getAttribute('content')) ?? '') : ''
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-family: Arial, sans-serif; font-size: 7.5pt; color: #4c6272; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;"><span>${escapeHtml(footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    })
    return Buffer.from(pdf)
  } finally {
    await page.close()
  }
}

/** Close the shared browser (at shutdown, and after tests). */
export async function closePdfRenderer(): Promise<void> {
  const pending = launching
  launching = null
  if (pending) await (await pending.catch(() => null))?.close()
}
