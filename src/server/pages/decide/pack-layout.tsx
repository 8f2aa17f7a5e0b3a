/**
 * The frame of a printable page (the meeting pack): the NHS.UK styles, a slim bar with the way back
 * on screen, and print rules that drop navigation, keep each item on one page where it fits and
 * print tags as outlined text. The print rules are inline (the page's own styles; the
 * Content-Security-Policy admits inline styles, not scripts).
 */
import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import { PageHead } from '../layout.tsx'

const PRINT_CSS = `
.lhs-pack-bar { background: #005eb8; color: #fff; padding: 8px 0; }
.lhs-pack-bar a { color: #fff; }
.lhs-pack-item { border-top: 2px solid #d8dde0; padding-top: 16px; margin-top: 24px; }
@page { margin: 16mm 14mm; }
@media print {
  .lhs-no-print, .nhsuk-skip-link { display: none !important; }
  body { font-size: 11pt; background: #fff; }
  .nhsuk-width-container { max-width: none; margin: 0; }
  .nhsuk-main-wrapper { padding: 0; }
  a { color: #000 !important; text-decoration: none !important; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; break-after: avoid; }
  h3 { font-size: 12pt; break-after: avoid; }
  .lhs-pack-item { break-inside: avoid; }
  .lhs-pack-section { break-before: page; }
  .nhsuk-tag { background: none !important; color: #000 !important; border: 1px solid #000; }
  .nhsuk-table { font-size: 10pt; }
}`

export function PackLayout({ title, back, children }: { title: string; back: { readonly href: string; readonly text: string }; children?: Child }) {
  return (
    <html lang="en-GB">
      <PageHead title={title}>
        <style>{raw(PRINT_CSS)}</style>
      </PageHead>
      <body>
        <a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
        <nav class="lhs-pack-bar lhs-no-print" aria-label="Back">
          <div class="nhsuk-width-container">
            <a href={back.href}>{back.text}</a> · Learning Health System · To print or save as PDF, use your browser’s print command (Ctrl+P or ⌘P).
          </div>
        </nav>
        <div class="nhsuk-width-container">
          <main class="nhsuk-main-wrapper" id="maincontent" role="main" tabindex={-1}>
            {children}
          </main>
        </div>
      </body>
    </html>
  )
}
