/** The chart's visible title and a legend of only what is drawn, laid out in rows above the plot. */
import { svgElement, type SvgDocument, type SvgNode } from './svg-dom.ts'
import { NHS, NOTE_STYLE } from './palette.ts'

export type LegendKey =
  | { readonly kind: 'symbol'; readonly symbol: 'circle' | 'diamond' | 'triangle' | 'square' | 'ring'; readonly fill: string; readonly stroke: string }
  | { readonly kind: 'line'; readonly stroke: string; readonly dash?: string; readonly strokeWidth: number; readonly vertical?: boolean }
  /** A numbered note marker (a disc with "1"). */
  | { readonly kind: 'note' }
  /** No key: the label alone, in bold unless `weight` is normal (which chart this is, a note). */
  | { readonly kind: 'text'; readonly weight?: 'bold' | 'normal' }

export interface LegendItem {
  readonly key: LegendKey
  readonly label: string
}

export interface HeaderLayout {
  readonly height: number
  readonly title: { readonly x: number; readonly y: number; readonly lines: readonly string[] }
  readonly items: readonly { readonly x: number; readonly y: number; readonly item: LegendItem }[]
}

export const TEXT_SIZE = 12
const TITLE_SIZE = 16
const TITLE_LINE = 20
const ROW_HEIGHT = 20
const KEY_WIDTH = 22
const ITEM_GAP = 18
const LEFT = 8

/** A deliberate over-estimate of text width (about 0.58 em a character) so nothing overlaps. */
export function textWidth(text: string, fontSize = TEXT_SIZE): number {
  return text.length * fontSize * 0.55
}

/** Break `text` into at most `maxLines` lines of `widthPx`, ending the last with "…" if it is cut short. */
export function wrapText(text: string, widthPx: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (line !== '' && textWidth(candidate, fontSize) > widthPx) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  if (line !== '') lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const chars = Math.max(1, Math.floor(widthPx / (fontSize * 0.55)) - 1)
  kept[maxLines - 1] = `${(kept[maxLines - 1] ?? '').slice(0, chars).trimEnd()}…`
  return kept
}

/** Place the title (up to two lines), then legend items left to right, wrapping to a new row at `width`. */
export function layoutHeader(title: string, items: readonly LegendItem[], width: number): HeaderLayout {
  const lines = wrapText(title, width - 2 * LEFT, TITLE_SIZE * 1.05, 2)
  const titleHeight = lines.length * TITLE_LINE
  const placed: { x: number; y: number; item: LegendItem }[] = []
  let x = LEFT
  let y = titleHeight + 4 + ROW_HEIGHT
  for (const item of items) {
    const itemWidth = labelX(item.key) + textWidth(item.label)
    if (x > LEFT && x + itemWidth > width - LEFT) {
      x = LEFT
      y += ROW_HEIGHT
    }
    placed.push({ x, y, item })
    x += itemWidth + ITEM_GAP
  }
  const height = items.length === 0 ? titleHeight + 8 : y + 8
  return { height, title: { x: LEFT, y: TITLE_SIZE + 2, lines }, items: placed }
}

/** Draw a laid-out header into `svg` (after the plot, so it is painted on top of nothing). */
export function drawHeader(document: SvgDocument, svg: SvgNode, layout: HeaderLayout): void {
  const group = svgElement(document, 'g', { 'aria-hidden': 'true', class: 'chart-header' })
  const { title } = layout
  title.lines.forEach((line, i) => {
    const attributes = { x: title.x, y: title.y + i * TITLE_LINE, 'text-anchor': 'start', 'font-size': TITLE_SIZE, 'font-weight': 700, fill: NHS.text }
    group.appendChild(svgElement(document, 'text', attributes, line))
  })
  for (const { x, y, item } of layout.items) {
    const entry = svgElement(document, 'g', { transform: `translate(${x},${y})`, class: 'legend-item' })
    if (item.key.kind === 'text') {
      const weight = item.key.weight === 'normal' ? undefined : 700
      entry.appendChild(svgElement(document, 'text', { x: 0, y: 0, dy: '0.32em', 'text-anchor': 'start', 'font-weight': weight, fill: NHS.text }, item.label))
    } else {
      entry.appendChild(drawKey(document, item.key))
      entry.appendChild(svgElement(document, 'text', { x: KEY_WIDTH + 6, y: 0, dy: '0.32em', 'text-anchor': 'start', fill: NHS.text }, item.label))
    }
    group.appendChild(entry)
  }
  svg.appendChild(group)
}

const SYMBOL_PATHS: Readonly<Record<'circle' | 'diamond' | 'triangle' | 'square' | 'ring', string>> = {
  circle: 'M5,0A5,5,0,1,1,-5,0A5,5,0,1,1,5,0Z',
  diamond: 'M0,-7L7,0L0,7L-7,0Z',
  triangle: 'M0,-7L6.1,3.5L-6.1,3.5Z',
  square: 'M-5,-5H5V5H-5Z',
  ring: 'M7,0A7,7,0,1,1,-7,0A7,7,0,1,1,7,0Z',
}

/** Where an item's label starts: after its key, or at once when it has none. */
function labelX(key: LegendKey): number {
  return key.kind === 'text' ? 0 : KEY_WIDTH + 6
}

function drawKey(document: SvgDocument, key: Exclude<LegendKey, { kind: 'text' }>): SvgNode {
  const centre = KEY_WIDTH / 2
  if (key.kind === 'note') {
    const marker = svgElement(document, 'g', { transform: `translate(${centre},0)` })
    marker.appendChild(svgElement(document, 'circle', { r: 8, fill: NOTE_STYLE.fill, stroke: NOTE_STYLE.outline, 'stroke-width': 1.5 }))
    marker.appendChild(svgElement(document, 'text', { dy: '0.35em', 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 700, fill: NOTE_STYLE.number }, '1'))
    return marker
  }
  if (key.kind === 'symbol') {
    return svgElement(document, 'path', { d: SYMBOL_PATHS[key.symbol], transform: `translate(${centre},0)`, fill: key.fill, stroke: key.stroke, 'stroke-width': 1.5 })
  }
  const [x1, y1, x2, y2] = key.vertical ? [centre, -7, centre, 7] : [0, 0, KEY_WIDTH, 0]
  return svgElement(document, 'line', { x1, y1, x2, y2, stroke: key.stroke, 'stroke-width': key.strokeWidth, 'stroke-dasharray': key.dash })
}
