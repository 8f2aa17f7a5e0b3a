/** A driver diagram (Model for Improvement) as accessible SVG: aim → primary drivers → secondary drivers → change ideas. */
import { escapeXml } from './escape-xml.ts'
import { DRIVER_LAYOUT, layoutDriverDiagram, round, type DriverBox, type DriverDiagramLayout } from './driver-diagram-layout.ts'
import { DRIVER_BOX_STYLES, DRIVER_LINES } from './driver-diagram-style.ts'
import { describeDriverDiagram } from './driver-diagram-text.ts'
import { driverTree, type DriverDiagramInput } from './driver-diagram-tree.ts'
import { idFromTitle, SVG_NS } from './svg-dom.ts'

export interface DriverDiagramOptions {
  /** The `<title>` (default "Driver diagram"). */
  readonly title?: string
  /** Unique per page; prefixes the title and desc ids (default from the title). Letters, digits, "-", "_", ":" and "." only. */
  readonly id?: string
  /** Width in pixels (default 1000, at least 640); the height follows from the number of leaves. */
  readonly width?: number
}

const FONT_FAMILY = 'Frutiger W01, Arial, Helvetica, sans-serif'

/**
 * SVG markup of a driver diagram in four columns with headings: boxes with wrapped titles and their
 * linked measures in small text, a connector from each parent to each child, a `<title>` and a
 * `<desc>` from `describeDriverDiagram`. With no items, the aim alone and a sentence saying there
 * are no drivers yet. Throws on a badly formed tree (see `driverTree`), a width under 640 or a bad id.
 */
export function driverDiagramSvg(input: DriverDiagramInput, options: DriverDiagramOptions = {}): string {
  const { title = 'Driver diagram', width = DRIVER_LAYOUT.width } = options
  const id = options.id ?? (options.title === undefined ? 'driver-diagram' : idFromTitle('driver-diagram', title))
  if (!(Number.isFinite(width) && width >= DRIVER_LAYOUT.minWidth)) throw new Error(`invalid width: ${width} (expected at least ${DRIVER_LAYOUT.minWidth})`)
  if (!/^[A-Za-z][\w:.-]*$/.test(id)) throw new Error(`invalid id: ${JSON.stringify(id)} (expected a letter, then letters, digits, "-", "_", ":" or ".")`)
  const layout = layoutDriverDiagram(input, driverTree(input), width)
  const root = attributes({
    xmlns: SVG_NS,
    id,
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-desc`,
    'font-family': FONT_FAMILY,
    'font-size': DRIVER_LAYOUT.titleSize,
    style: `color: ${DRIVER_LINES.heading}; background: #FFFFFF`,
  })
  return [
    `<svg${root}>`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describeDriverDiagram(input))}</desc>`,
    headingsSvg(layout),
    connectorsSvg(layout),
    `<g class="driver-boxes" aria-hidden="true">${layout.boxes.map(boxSvg).join('')}</g>`,
    noteSvg(layout),
    '</svg>',
  ].join('')
}

function headingsSvg(layout: DriverDiagramLayout): string {
  const { margin, headingSize, headingRuleY } = DRIVER_LAYOUT
  const { stroke, strokeWidth } = DRIVER_LINES.headingRule
  const headings = layout.headings.map(
    (h) =>
      `<text class="driver-heading"${attributes({ x: h.x, y: margin + headingSize, 'font-size': headingSize, 'font-weight': 700, fill: DRIVER_LINES.heading })}>${escapeXml(h.text)}</text>` +
      `<line${attributes({ x1: h.x, y1: margin + headingRuleY, x2: round(h.x + layout.columnWidth), y2: margin + headingRuleY, stroke, 'stroke-width': strokeWidth })}/>`,
  )
  return `<g class="driver-headings" aria-hidden="true">${headings.join('')}</g>`
}

function connectorsSvg(layout: DriverDiagramLayout): string {
  const { stroke, strokeWidth } = DRIVER_LINES.connector
  const paths = layout.connectors.map((c) => `<path class="driver-connector"${attributes({ 'data-from': c.from ?? 'aim', 'data-to': c.to, d: c.d })}/>`)
  return `<g class="driver-connectors" aria-hidden="true"${attributes({ fill: 'none', stroke, 'stroke-width': strokeWidth, 'stroke-linejoin': 'round' })}>${paths.join('')}</g>`
}

/** A rounded box, its title lines and, under them, its measures in small text. */
function boxSvg(box: DriverBox): string {
  const { padX, padY, titleSize, titleLine, measureSize, measureLine, measureGap } = DRIVER_LAYOUT
  const style = DRIVER_BOX_STYLES[box.column]
  const inset = style.strokeWidth / 2
  const group = box.id === null ? { class: 'driver-aim' } : { class: `driver-box driver-${box.column.replace('_', '-')}`, 'data-id': box.id }
  const rect = { x: round(box.x + inset), y: round(box.y + inset), width: round(box.width - 2 * inset), height: round(box.height - 2 * inset), rx: 4, fill: style.fill, stroke: style.stroke, 'stroke-width': style.strokeWidth }
  const x = round(box.x + padX)
  const titleTop = box.y + padY
  const measuresTop = titleTop + box.title.length * titleLine + measureGap
  const title = linesSvg(box.title, { x, top: titleTop, line: titleLine, size: titleSize })
  const measures = linesSvg(box.measures, { x, top: measuresTop, line: measureLine, size: measureSize })
  return [
    `<g${attributes(group)}>`,
    `<rect${attributes(rect)}/>`,
    `<text class="driver-box-title"${attributes({ fill: style.text, 'font-weight': style.weight === 'bold' ? 700 : undefined })}>${title}</text>`,
    box.measures.length === 0 ? '' : `<text class="driver-box-measures"${attributes({ fill: style.measures, 'font-size': measureSize })}>${measures}</text>`,
    '</g>',
  ].join('')
}

function noteSvg(layout: DriverDiagramLayout): string {
  if (!layout.note) return ''
  const { noteSize, noteLine } = DRIVER_LAYOUT
  const { x, y, lines } = layout.note
  const spans = lines.map((line, i) => `<tspan${attributes({ x, y: round(y + i * noteLine) })}>${escapeXml(line)}</tspan>`)
  return `<g class="driver-note" aria-hidden="true"><text${attributes({ 'font-size': noteSize, fill: DRIVER_LINES.note })}>${spans.join('')}</text></g>`
}

/** One `<tspan>` per line, each baseline placed so the text sits in the middle of its line. */
function linesSvg(lines: readonly string[], at: { x: number; top: number; line: number; size: number }): string {
  const baseline = (at.line + at.size * 0.72) / 2
  return lines.map((line, i) => `<tspan${attributes({ x: at.x, y: round(at.top + i * at.line + baseline) })}>${escapeXml(line)}</tspan>`).join('')
}

/** ` name="value"` for each defined attribute, values escaped. */
function attributes(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')
}
