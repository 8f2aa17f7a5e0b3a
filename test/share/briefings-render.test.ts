/**
 * The briefing renderers on a hand-built briefing: the HTML escapes every text, carries the
 * disclosure statement at the top and the end and a chart's description and numbers after it; the
 * PDF renderer refuses clearly when Chromium is missing; and the external publisher splits a table
 * into parts that share no total without changing what is published.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { publishTable } from '../../src/app/share/briefing-publisher.ts'
import { internalPublisher } from '../../src/app/share/briefing-context.ts'
import { applyDisclosure, disclosurePolicy } from '../../src/core/disclosure/index.ts'
import { AppError } from '../../src/core/errors.ts'
import { briefingToHtml, longDate } from '../../src/reports/html.ts'
import type { Briefing } from '../../src/reports/model.ts'
import { closePdfRenderer, htmlToPdf } from '../../src/reports/pdf.ts'
import { sampleBriefing } from '../../src/reports/sample-briefing.ts'
import { skipBrowser } from '../support/browser.ts'

const HOSTILE = '<script>alert("x")</script> & "quoted" \'single\''

function documentOf(html: string) {
  return parseHTML(html).document
}

describe('briefingToHtml', () => {
  it('escapes every text it prints: title, headings, paragraphs, lists, quotes, tables and the statement', () => {
    const b: Briefing = {
      ...sampleBriefing(),
      title: HOSTILE,
      subtitle: HOSTILE,
      disclosureStatement: HOSTILE,
      sections: [
        {
          heading: HOSTILE,
          blocks: [
            { kind: 'paragraph', text: HOSTILE },
            { kind: 'list', items: [HOSTILE] },
            { kind: 'quote', text: HOSTILE, source: HOSTILE },
            { kind: 'table', table: { caption: HOSTILE, columns: [HOSTILE, HOSTILE], rows: [[HOSTILE, HOSTILE]], numeric: [false, true] } },
          ],
        },
      ],
    }
    const html = briefingToHtml(b)
    expect(html).not.toContain('<script>')
    const doc = documentOf(html)
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(doc.querySelector('h1')?.textContent).toBe(HOSTILE)
    expect(doc.querySelector('main p')?.textContent).toBe(HOSTILE)
    expect(doc.querySelector('blockquote p')?.textContent).toBe(HOSTILE)
    expect(doc.querySelector('td.num')?.textContent).toBe(HOSTILE)
    expect(doc.querySelector('meta[name="lhs-footer"]')?.getAttribute('content')).toContain(HOSTILE)
  })

  it('puts the disclosure statement in a box at the top and in the footer', () => {
    const b = sampleBriefing({ audience: 'external' })
    const doc = documentOf(briefingToHtml(b))
    expect(doc.querySelector('header .disclosure p')?.textContent).toBe(b.disclosureStatement)
    expect(doc.querySelector('footer.colophon')?.textContent).toContain(b.disclosureStatement)
    expect(doc.querySelector('header .disclosure h2')?.textContent).toContain('Shareable version')
    const internal = documentOf(briefingToHtml(sampleBriefing({ audience: 'internal' })))
    expect(internal.querySelector('header .disclosure h2')?.textContent).toContain('Internal use only')
  })

  it('follows every chart with its description and then its numbers, and starts each section after the first on a new page', () => {
    const b = sampleBriefing()
    const doc = documentOf(briefingToHtml(b))
    const charts = b.sections.flatMap((s) => s.blocks).filter((x) => x.kind === 'chart')
    expect(charts.length).toBeGreaterThan(0)
    const figures = [...doc.querySelectorAll('figure.chart')]
    expect(figures).toHaveLength(charts.length)
    for (const [i, figure] of figures.entries()) {
      const description = figure.nextElementSibling
      expect(description?.className).toBe('chart-description')
      expect(description?.textContent).toContain(charts[i]!.description)
      expect(description?.nextElementSibling?.querySelector('table caption')?.textContent).toBe(charts[i]!.table.caption)
    }
    const sections = [...doc.querySelectorAll('main > section')]
    expect(sections.map((s) => s.className)).toEqual(b.sections.map((_, i) => (i === 0 ? 'part first' : 'part')))
  })

  it('sets plain-language briefings in larger type, and screen links only when given', () => {
    expect(documentOf(briefingToHtml(sampleBriefing({ plainLanguage: true }))).body.className).toBe('plain')
    expect(documentOf(briefingToHtml(sampleBriefing())).body.className).toBe('standard')
    // A short plain briefing starts straight away, without a list of contents.
    expect(documentOf(briefingToHtml(sampleBriefing({ plainLanguage: true }))).querySelector('nav.contents')).toBeNull()
    expect(documentOf(briefingToHtml(sampleBriefing())).querySelector('nav.contents')).not.toBeNull()
    const linked = documentOf(briefingToHtml(sampleBriefing(), { links: [{ href: '/x?a=1&b="2"', text: 'Back' }] }))
    expect(linked.querySelector('nav.screen-links a')?.getAttribute('href')).toBe('/x?a=1&b="2"')
    expect(documentOf(briefingToHtml(sampleBriefing())).querySelector('nav.screen-links')).toBeNull()
  })

  it.each([
    ['2025-06-02', '2 June 2025'],
    ['2026-12-31', '31 December 2026'],
    ['2026-13-01', '2026-13-01'],
    ['soon', 'soon'],
  ])('writes %s as %s', (iso, text) => {
    expect(longDate(iso)).toBe(text)
  })
})

describe('htmlToPdf', () => {
  afterAll(async () => {
    delete process.env.LHS_CHROMIUM
    await closePdfRenderer()
  })

  it('refuses with an unavailable AppError naming the path when Chromium is missing', async () => {
    process.env.LHS_CHROMIUM = '/nowhere/chromium'
    const error = await htmlToPdf('<p>x</p>').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('unavailable')
    expect((error as AppError).message).toContain('/nowhere/chromium')
    delete process.env.LHS_CHROMIUM
  })

  it.skipIf(skipBrowser)('prints an A4 PDF', async () => {
    const pdf = await htmlToPdf(briefingToHtml(sampleBriefing()))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/)
  }, 60_000)
})

describe('publishing counts', () => {
  const policy = disclosurePolicy('nhs-digital')
  const table = [
    { id: 'a', value: 3 },
    { id: 'b', value: 40 },
    { id: 'ab', value: 43, childIds: ['a', 'b'] },
    { id: 'c', value: 12 },
    { id: 'd', value: 5 },
    { id: 'cd', value: 17, childIds: ['c', 'd'] },
    { id: 'lone', value: 2 },
  ]

  it('publishes exactly what the whole table would, part by part', () => {
    const whole = applyDisclosure(policy, table)
    const parts = publishTable(policy, table)
    expect([...parts].map(([id, p]) => [id, p.value])).toEqual([...whole].map(([id, p]) => [id, p.value]))
    expect(parts.get('a')?.text).toBe('*')
    expect(parts.get('b')?.text).toBe('*')
  })

  it('publishes exact counts inside the organisation', () => {
    const inside = internalPublisher().counts(table)
    expect(inside.get('lone')).toEqual({ value: 2, text: '2' })
    expect(internalPublisher().rate(1, 0)).toBeNull()
  })
})
