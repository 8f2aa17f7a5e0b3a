import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { briefingToDocx } from './docx.ts'
import type { Briefing, BriefingChart } from './model.ts'
import { sampleBriefing } from './sample-briefing.ts'
import { pngSize } from './svg-to-png.ts'

interface Unzipped {
  readonly zip: JSZip
  readonly document: string
  readonly styles: string
  readonly footer: string
  readonly core: string
}

async function unzip(briefing: Briefing): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(await briefingToDocx(briefing))
  const text = async (path: string) => {
    const file = zip.file(path)
    if (!file) throw new Error(`missing ${path} in the .docx`)
    return file.async('string')
  }
  return { zip, document: await text('word/document.xml'), styles: await text('word/styles.xml'), footer: await text('word/footer1.xml'), core: await text('docProps/core.xml') }
}

/** XML-escape like Word's serialiser, to find a text in the document. */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function chartOf(briefing: Briefing): BriefingChart {
  const chart = briefing.sections.flatMap((s) => s.blocks).find((b): b is BriefingChart => b.kind === 'chart')
  if (!chart) throw new Error('the sample has no chart')
  return chart
}

describe('briefingToDocx', () => {
  const briefing = sampleBriefing()
  let docx: Unzipped
  beforeAll(async () => {
    docx = await unzip(briefing)
  })

  it('writes the title, subtitle, headings and disclosure statement as real Word styles', () => {
    expect(docx.document).toContain(`<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">${xml(briefing.title)}</w:t>`)
    expect(docx.document).toContain(xml(briefing.subtitle))
    for (const section of briefing.sections) expect(docx.document).toContain(`<w:pStyle w:val="Heading1"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve">${xml(section.heading)}</w:t>`)
    expect(docx.document).toMatch(/<w:shd w:fill="E8EDEE"[^>]*\/>.*?Counts from 1 to 7 are shown as \*/)
    expect(docx.footer).toContain(xml(briefing.disclosureStatement))
    expect(docx.footer).toMatch(/instrText[^>]*>PAGE/)
    expect(docx.footer).toMatch(/instrText[^>]*>NUMPAGES/)
  })

  it('sets the document title and the language (en-GB)', () => {
    expect(docx.core).toContain(`<dc:title>${xml(briefing.title)}</dc:title>`)
    expect(docx.styles).toContain('<w:lang w:val="en-GB"/>')
  })

  it('writes every table cell and the chart description, with a repeating header row and numbers right-aligned', () => {
    const chart = chartOf(briefing)
    expect(docx.document).toContain(xml(chart.description))
    for (const row of chart.table.rows) {
      expect(docx.document).toContain(`<w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">${row[0]}</w:t>`)
      expect(docx.document).toContain(`<w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">${row[1]}</w:t>`)
    }
    expect(docx.document).toContain('Most deprived')
    expect(docx.document).toContain(`<w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">*</w:t>`)
    // One repeating header per table: the chart's numbers, the table block and the matrix.
    expect(docx.document.match(/<w:tblHeader\/>/g)).toHaveLength(3)
  })

  it('embeds each chart and icon as SVG with a PNG fallback at twice its size, with alt text', async () => {
    const media = Object.keys(docx.zip.files).filter((path) => path.startsWith('word/media/'))
    expect(media.filter((p) => p.endsWith('.svg'))).toHaveLength(3)
    const pngs = media.filter((p) => p.endsWith('.png'))
    expect(pngs).toHaveLength(3)
    const widths = await Promise.all(pngs.map(async (p) => pngSize(await docx.zip.file(p)!.async('uint8array')).width))
    expect(widths.sort((a, b) => a - b)).toEqual([40, 40, 1280])
    const chart = chartOf(briefing)
    expect(docx.document).toContain(`descr="${xml(chart.description)}"`)
    expect(docx.document).toContain('descr="Special cause variation – improvement (higher)"')
    const ids = [...docx.document.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(3)
    // 720 × 420 fitted to 640 px wide keeps its aspect ratio: 640 × 373 px, in EMU (9525 a pixel).
    expect(docx.document).toContain(`<wp:extent cx="${640 * 9525}" cy="${373 * 9525}"/>`)
  })

  it('writes the summary matrix labels as text beside the icons', () => {
    expect(docx.document).toContain(' Special cause variation – improvement (higher)</w:t>')
    expect(docx.document).toContain(' Target hit or miss</w:t>')
  })

  it('uses 14 pt body text in plain language, 11 pt otherwise', async () => {
    const plain = await unzip(sampleBriefing({ plainLanguage: true }))
    expect(plain.styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>.*?<w:sz w:val="28"\/>/)
    expect(docx.styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>.*?<w:sz w:val="22"\/>/)
  })

  it('refuses a table whose rows do not match its columns, naming the table and row', async () => {
    const bad: Briefing = { ...briefing, sections: [{ heading: 'Bad', blocks: [{ kind: 'table', table: { caption: 'Odd table', columns: ['A', 'B'], rows: [['1']], numeric: [false, true] } }] }] }
    await expect(briefingToDocx(bad)).rejects.toThrow('invalid table "Odd table": row 1 has 1 cells (expected 2)')
  })

  it('refuses a chart without a positive size', async () => {
    const chart = { ...chartOf(briefing), width: 0 }
    const bad: Briefing = { ...briefing, sections: [{ heading: 'Bad', blocks: [chart] }] }
    await expect(briefingToDocx(bad)).rejects.toThrow(/invalid chart size .*0 × 420/)
  })
})
