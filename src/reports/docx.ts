/**
 * A briefing as a Word document (.docx), with the `docx` package: the title and subtitle, the
 * disclosure statement in a shaded box at the top and in every page's footer with the page
 * number, one level-1 heading per section, then its blocks (`docx-blocks.ts`). Real heading
 * styles, the document title and the language (en-GB) are set so screen readers and Word's
 * navigation pane work. Plain-language briefings use 14 pt body text and more space between lines.
 */
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type FileChild, type IStylesOptions } from 'docx'
import { blockToDocx, imageIds, type ImageIds } from './docx-blocks.ts'
import type { Briefing } from './model.ts'

const FONT = 'Arial'
const LANGUAGE = { value: 'en-GB' } as const
const TEXT = '212B32'
const BLUE = '005EB8'
const BOX_FILL = 'E8EDEE'

/** Render a briefing to the bytes of a .docx file. */
export async function briefingToDocx(briefing: Briefing): Promise<Buffer> {
  const ids = imageIds()
  const document = new Document({
    title: briefing.title,
    subject: briefing.subtitle,
    description: briefing.disclosureStatement,
    creator: 'LHS',
    styles: briefingStyles(briefing.plainLanguage),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: footer(briefing.disclosureStatement) },
        children: [...opening(briefing), ...briefing.sections.flatMap((section) => sectionToDocx(section, ids))],
      },
    ],
  })
  return Packer.toBuffer(document)
}

function opening(briefing: Briefing): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, text: briefing.title }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: briefing.subtitle, color: '4C6272' })] }),
    disclosureBox(briefing.disclosureStatement),
  ]
}

/** The disclosure statement in a grey box with a blue left rule (like the NHS.UK inset text). */
function disclosureBox(statement: string): Paragraph {
  return new Paragraph({
    shading: { fill: BOX_FILL, type: 'clear', color: 'auto' },
    border: { left: { style: BorderStyle.SINGLE, size: 36, color: BLUE, space: 8 } },
    indent: { left: 160 },
    spacing: { before: 120, after: 240 },
    children: [new TextRun({ text: statement })],
  })
}

/** "Disclosure statement · Page 2 of 5" in small type at the foot of every page. */
function footer(statement: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [
          new TextRun({ text: `${statement} · Page `, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
          new TextRun({ text: ' of ', size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  })
}

function sectionToDocx(section: Briefing['sections'][number], ids: ImageIds): FileChild[] {
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, text: section.heading }), ...section.blocks.flatMap((block) => blockToDocx(block, ids))]
}

/** Body 11 pt (14 pt in plain language), headings in NHS blue, all in Arial and British English. */
function briefingStyles(plainLanguage: boolean): IStylesOptions {
  const body = plainLanguage ? 28 : 22
  const line = plainLanguage ? 360 : 276
  const heading = (size: number) => ({ run: { font: FONT, size, bold: true, color: TEXT, language: LANGUAGE }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } })
  return {
    default: {
      document: { run: { font: FONT, size: body, color: TEXT, language: LANGUAGE }, paragraph: { spacing: { after: 120, line } } },
      title: { run: { font: FONT, size: plainLanguage ? 48 : 44, bold: true, color: BLUE, language: LANGUAGE }, paragraph: { spacing: { after: 80 } } },
      heading1: heading(plainLanguage ? 36 : 32),
      heading2: heading(plainLanguage ? 32 : 26),
    },
  }
}
