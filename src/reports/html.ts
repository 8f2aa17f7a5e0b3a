/**
 * A briefing as one self-contained, print-styled HTML document (inline CSS, no scripts, no outside
 * files): a masthead, the disclosure statement in a box at the top and again at the end, a list of
 * contents, then each section on a new A4 page. The same document is what `pdf.ts` prints.
 */
import { blockHtml } from './html-blocks.ts'
import { escapeHtml as e } from './html-escape.ts'
import { BRIEFING_CSS } from './html-style.ts'
import type { Briefing } from './model.ts'

const KIND_LABEL = { board: 'Board briefing', community: 'You said, we did', meeting: 'Meeting pack', finding: 'Finding briefing' } as const

/** The short line `pdf.ts` prints at the foot of every page, carried in a meta element. */
export const FOOTER_META = 'lhs-footer'

/** Links shown on screen above the document (never printed), e.g. back to the briefings page. */
export interface HtmlOptions {
  readonly links?: readonly { readonly href: string; readonly text: string }[]
}

export function briefingToHtml(b: Briefing, options: HtmlOptions = {}): string {
  const external = b.audience === 'external'
  const boxHeading = external ? 'Shareable version: small numbers controlled' : 'Internal use only: exact numbers'
  const contents = b.sections.map((s, i) => `<li><a href="#section-${i + 1}">${e(s.heading)}</a></li>`).join('')
  const sections = b.sections
    .map((s, i) => {
      const id = `section-${i + 1}`
      const blocks = s.blocks.map((block, j) => blockHtml(block, `${id}-block-${j + 1}`)).join('\n')
      return `<section class="part${i === 0 ? ' first' : ''}" id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${e(s.heading)}</h2>\n${blocks}\n</section>`
    })
    .join('\n')
  const footerLine = `${shorten(b.title, FOOTER_TITLE_CHARACTERS)} · ${external ? 'Shareable version' : 'Internal use only'} · generated ${longDate(b.generatedOn)}`
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="${FOOTER_META}" content="${e(footerLine)}">
<title>${e(b.title)}</title>
<style>${BRIEFING_CSS}</style>
</head>
<body class="${b.plainLanguage ? 'plain' : 'standard'}">
<div class="briefing">
${screenLinks(options)}<header>
<div class="masthead"><p class="kicker">${e(KIND_LABEL[b.kind])}</p><h1>${e(b.title)}</h1><p>${e(b.subtitle)}</p><p>Generated on <time datetime="${e(b.generatedOn)}">${e(longDate(b.generatedOn))}</time></p></div>
<aside class="disclosure${external ? ' external' : ''}" aria-labelledby="disclosure-heading"><h2 id="disclosure-heading">${e(boxHeading)}</h2><p>${e(b.disclosureStatement)}</p></aside>
${b.plainLanguage ? '' : `<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">Contents</h2><ol>${contents}</ol></nav>`}
</header>
<main>
${sections}
</main>
<footer class="colophon"><p><strong>${e(boxHeading)}.</strong> ${e(b.disclosureStatement)}</p><p>${e(b.title)}. ${e(b.subtitle)}. Generated on ${e(longDate(b.generatedOn))} by LHS from the live evidence.</p></footer>
</div>
</body>
</html>
`
}

function screenLinks(options: HtmlOptions): string {
  const links = options.links ?? []
  if (links.length === 0) return ''
  return `<nav class="screen-links" aria-label="Briefing"><ul>${links.map((l) => `<li><a href="${e(l.href)}">${e(l.text)}</a></li>`).join('')}</ul></nav>\n`
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2 June 2025" from an ISO date; anything else is shown as it is. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso
}

/** Longest title the page footer prints before cutting it short (it must fit one line beside the page number). */
export const FOOTER_TITLE_CHARACTERS = 70

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`
}
