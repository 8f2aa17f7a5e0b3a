/**
 * The Word form of each briefing block: paragraphs, bullet lists, quotes, tables (repeating
 * header row, numbers right-aligned), charts (SVG with a PNG fallback, alt text, then the
 * description and the numbers) and the summary icon matrix. Used by `docx.ts`.
 */
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx'
import type { BriefingBlock, BriefingChart, BriefingMatrix, BriefingTable } from './model.ts'
import { svgToPng } from './svg-to-png.ts'

/** Usable width of an A4 page with 2 cm margins, in CSS pixels (170 mm at 96 per inch is 642). */
export const PAGE_WIDTH_PX = 640

/** The same width in twentieths of a point (170 mm). */
const PAGE_WIDTH_TWIPS = 9638

/** Side of a summary-matrix icon in the document, in CSS pixels. */
const ICON_PX = 20

/** The PNG fallback is drawn at twice the displayed size, so it stays sharp when printed. */
const PNG_SCALE = 2

const TABLE_HEADER_FILL = 'E8EDEE'

/** Hands out the pictures' ids (Word wants each `docPr` id unique within the document). */
export interface ImageIds {
  next(): string
}

/** A fresh id counter for one document. */
export function imageIds(): ImageIds {
  let last = 0
  return { next: () => String(++last) }
}

/** The Word paragraphs and tables of one block. */
export function blockToDocx(block: BriefingBlock, ids: ImageIds): FileChild[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ text: block.text })]
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }))
    case 'quote':
      return quoteToDocx(block.text, block.source)
    case 'table':
      return tableToDocx(block.table)
    case 'chart':
      return chartToDocx(block, ids)
    case 'matrix':
      return matrixToDocx(block, ids)
  }
}

function quoteToDocx(text: string, source: string): Paragraph[] {
  const indent = { left: 720, right: 720 }
  return [
    new Paragraph({ indent, keepNext: true, spacing: { after: 40 }, children: [new TextRun({ text: `“${text}”`, italics: true })] }),
    new Paragraph({ indent, children: [new TextRun({ text: `– ${source}` })] }),
  ]
}

/** A caption paragraph, then the table with its first row repeated on every page. */
export function tableToDocx(table: BriefingTable): FileChild[] {
  if (table.numeric.length !== table.columns.length) {
    throw new Error(`invalid table "${table.caption}": ${table.numeric.length} numeric flags for ${table.columns.length} columns (expected one per column)`)
  }
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) throw new Error(`invalid table "${table.caption}": row ${i + 1} has ${row.length} cells (expected ${table.columns.length})`)
  })
  const align = (column: number) => (table.numeric[column] ? AlignmentType.RIGHT : AlignmentType.LEFT)
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((text, c) => textCell(text, align(c), true)),
  })
  const body = table.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, c) => textCell(text, align(c), false)) }))
  return [captionParagraph(table.caption), fullWidthTable(table.columns.length, [header, ...body]), spacer()]
}

function textCell(text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], header: boolean): TableCell {
  return new TableCell({
    ...(header ? { shading: { fill: TABLE_HEADER_FILL, type: 'clear', color: 'auto' } } : {}),
    children: [new Paragraph({ alignment, children: [new TextRun(header ? { text, bold: true } : { text })] })],
  })
}

/** A table across the page with equal columns (Word and LibreOffice both need the grid widths). */
function fullWidthTable(columnCount: number, rows: TableRow[]): Table {
  const column = Math.floor(PAGE_WIDTH_TWIPS / columnCount)
  return new Table({ width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: Array.from({ length: columnCount }, () => column), rows })
}

function captionParagraph(caption: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: caption, bold: true })] })
}

function spacer(): Paragraph {
  return new Paragraph({ text: '', spacing: { after: 120 } })
}

/** The chart's title (a level-2 heading), the picture fitted to the page width, its description and its numbers. */
function chartToDocx(chart: BriefingChart, ids: ImageIds): FileChild[] {
  if (!(chart.width > 0) || !(chart.height > 0)) {
    throw new Error(`invalid chart size for "${chart.title}": ${chart.width} × ${chart.height} (expected positive CSS pixels)`)
  }
  const width = Math.min(chart.width, PAGE_WIDTH_PX)
  const height = Math.round((width * chart.height) / chart.width)
  const picture = svgImage(chart.svg, width, height, { id: ids.next(), name: chart.title, title: chart.title, description: chart.description })
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: chart.title }),
    new Paragraph({ keepNext: true, children: [picture] }),
    new Paragraph({ text: chart.description }),
    ...tableToDocx(chart.table),
  ]
}

/** The matrix as a table: a header row of groups, then per measure its icons, each followed by its label as text. */
function matrixToDocx(matrix: BriefingMatrix, ids: ImageIds): FileChild[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['Measure', ...matrix.columns].map((text) => textCell(text, AlignmentType.LEFT, true)),
  })
  const rows = matrix.rows.map((row, r) => {
    if (row.cells.length !== matrix.columns.length) {
      throw new Error(`invalid matrix "${matrix.caption}": row ${r + 1} ("${row.label}") has ${row.cells.length} cells (expected ${matrix.columns.length})`)
    }
    const cells = row.cells.map(
      (cell) =>
        new TableCell({
          children: [
            new Paragraph({
              children: [svgImage(cell.svg, ICON_PX, ICON_PX, { id: ids.next(), name: cell.label, title: cell.label, description: cell.label }), new TextRun({ text: ` ${cell.label}` })],
            }),
          ],
        }),
    )
    return new TableRow({ cantSplit: true, children: [textCell(row.label, AlignmentType.LEFT, false), ...cells] })
  })
  return [captionParagraph(matrix.caption), fullWidthTable(matrix.columns.length + 1, [header, ...rows]), spacer()]
}

/** An inline SVG picture with a PNG fallback for Word versions that cannot draw SVG. */
function svgImage(svg: string, widthPx: number, heightPx: number, altText: { id: string; name: string; title: string; description: string }): ImageRun {
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(svg, 'utf8'),
    fallback: { type: 'png', data: svgToPng(svg, Math.round(widthPx * PNG_SCALE)) },
    transformation: { width: widthPx, height: heightPx },
    altText,
  })
}
