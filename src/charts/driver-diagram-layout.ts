/**
 * Where a driver diagram's boxes, connectors and headings go: four columns left to right, each
 * parent centred on its children, every leaf its own band, so the height grows with the leaves.
 */
import { cleanText, displayTitle, type DriverDiagramInput, type DriverKind, type DriverNode } from './driver-diagram-tree.ts'
import { DRIVER_BOX_STYLES, DRIVER_COLUMNS, DRIVER_HEADINGS, type DriverColumn } from './driver-diagram-style.ts'
import { wrapText } from './driver-diagram-wrap.ts'

/** Sizes in pixels, in one visible place. */
export const DRIVER_LAYOUT = {
  width: 1000,
  minWidth: 640,
  margin: 16,
  columnGap: 44,
  headingSize: 14,
  headingRuleY: 24,
  headingHeight: 42,
  padX: 10,
  padY: 9,
  titleSize: 13,
  titleLine: 17,
  measureSize: 11,
  measureLine: 14,
  measureGap: 6,
  noteSize: 14,
  noteLine: 20,
  /** Space between sibling boxes (their whole bands), by the siblings' kind. */
  siblingGap: { primary: 26, secondary: 14, change_idea: 8 } as Readonly<Record<DriverKind, number>>,
  /** Radius of a connector's rounded bends. */
  bend: 8,
} as const

export interface DriverBox {
  readonly column: DriverColumn
  /** The item's id; null for the aim. */
  readonly id: number | null
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly title: readonly string[]
  readonly measures: readonly string[]
}

export interface DriverConnector {
  readonly from: number | null
  readonly to: number
  /** SVG path: out of the parent's right edge, down or up a trunk in the gap, into the child's left edge. */
  readonly d: string
}

export interface DriverDiagramLayout {
  readonly width: number
  readonly height: number
  readonly columnWidth: number
  readonly headings: readonly { readonly column: DriverColumn; readonly x: number; readonly text: string }[]
  readonly boxes: readonly DriverBox[]
  readonly connectors: readonly DriverConnector[]
  /** The empty diagram's sentence, beside the aim. */
  readonly note?: { readonly x: number; readonly y: number; readonly lines: readonly string[] }
}

/** Shown beside the aim when there are no drivers. */
export const NO_DRIVERS_NOTE = 'No drivers yet: add the primary drivers, the few things that must change for the aim to be reached.'
export const NO_AIM_TEXT = 'No aim written yet'

interface Sized {
  readonly column: DriverColumn
  readonly id: number | null
  readonly title: readonly string[]
  readonly measures: readonly string[]
  readonly height: number
  readonly children: readonly Sized[]
  /** Height of the horizontal band the box and all its descendants take. */
  readonly band: number
}

/** Lay out `input` (already checked into `tree`) at `width` pixels. */
export function layoutDriverDiagram(input: DriverDiagramInput, tree: readonly DriverNode[], width: number): DriverDiagramLayout {
  const { margin, columnGap, headingHeight } = DRIVER_LAYOUT
  const columnWidth = (width - 2 * margin - 3 * columnGap) / 4
  const aimText = cleanText(input.aim) || NO_AIM_TEXT
  const root = sizeNode('aim', null, aimText, [], tree.map((n) => sizeItem(n, columnWidth)), columnWidth)
  const top = margin + headingHeight
  const columns = tree.length === 0 ? DRIVER_COLUMNS.slice(0, 1) : DRIVER_COLUMNS
  const headings = columns.map((column) => ({ column, x: columnX(column, columnWidth), text: DRIVER_HEADINGS[column] }))
  if (tree.length === 0) return emptyLayout(root, { width, columnWidth, top, headings })
  const placed = { boxes: [] as DriverBox[], connectors: new Map<number, DriverConnector>() }
  place(root, top, columnWidth, placed)
  const connectors = placed.boxes.flatMap((b) => (b.id === null ? [] : [placed.connectors.get(b.id) as DriverConnector]))
  return { width, height: round(top + root.band + margin), columnWidth: round(columnWidth), headings, boxes: placed.boxes, connectors }
}

function emptyLayout(root: Sized, frame: { width: number; columnWidth: number; top: number; headings: DriverDiagramLayout['headings'] }): DriverDiagramLayout {
  const { margin, noteSize, noteLine } = DRIVER_LAYOUT
  const x = columnX('primary', frame.columnWidth)
  const lines = wrapText(NO_DRIVERS_NOTE, Math.min(frame.width - margin - x, 2 * frame.columnWidth + DRIVER_LAYOUT.columnGap), noteSize)
  const noteHeight = lines.length * noteLine
  const band = Math.max(root.height, noteHeight)
  const aim = boxOf(root, frame.top + (band - root.height) / 2, frame.columnWidth)
  const note = { x: round(x), y: round(frame.top + (band - noteHeight) / 2 + noteLine * 0.75), lines }
  return { width: frame.width, height: round(frame.top + band + margin), columnWidth: round(frame.columnWidth), headings: frame.headings, boxes: [aim], connectors: [], note }
}

function sizeItem(node: DriverNode, columnWidth: number): Sized {
  const { item } = node
  return sizeNode(item.kind, item.id, displayTitle(item), item.measures, node.children.map((c) => sizeItem(c, columnWidth)), columnWidth)
}

/** Wrap the title (and the measures line) to the column and total the band of the box's subtree. */
function sizeNode(column: DriverColumn, id: number | null, title: string, measures: readonly string[], children: readonly Sized[], columnWidth: number): Sized {
  const { padX, padY, titleSize, titleLine, measureSize, measureLine, measureGap } = DRIVER_LAYOUT
  const inner = columnWidth - 2 * padX
  const titleLines = wrapText(title, inner, titleSize, DRIVER_BOX_STYLES[column].weight)
  const names = measures.map(cleanText).filter((m) => m !== '')
  const measureLines = names.length === 0 ? [] : wrapText(`${names.length === 1 ? 'Measure' : 'Measures'}: ${names.join('; ')}`, inner, measureSize)
  const height = 2 * padY + Math.max(1, titleLines.length) * titleLine + (measureLines.length === 0 ? 0 : measureGap + measureLines.length * measureLine)
  return { column, id, title: titleLines, measures: measureLines, height, children, band: Math.max(height, childrenSpan(children)) }
}

function childrenSpan(children: readonly Sized[]): number {
  return children.reduce((sum, child, i) => sum + child.band + (i === 0 ? 0 : gapBefore(child)), 0)
}

function gapBefore(child: Sized): number {
  return child.column === 'aim' ? 0 : DRIVER_LAYOUT.siblingGap[child.column]
}

/**
 * Place `node`'s band from `top`: children stacked (centred in the band when the box is taller),
 * the box centred on its first and last children, kept inside its band. Returns the box's centre.
 */
function place(node: Sized, top: number, columnWidth: number, out: { boxes: DriverBox[]; connectors: Map<number, DriverConnector> }): number {
  const slot = out.boxes.length
  out.boxes.push(boxOf(node, top, columnWidth))
  let y = top + Math.max(0, (node.height - childrenSpan(node.children)) / 2)
  const centres: number[] = []
  node.children.forEach((child, i) => {
    if (i > 0) y += gapBefore(child)
    centres.push(place(child, y, columnWidth, out))
    y += child.band
  })
  const wanted = centres.length === 0 ? top + node.height / 2 : ((centres[0] ?? 0) + (centres.at(-1) ?? 0)) / 2
  const centre = Math.min(Math.max(wanted, top + node.height / 2), top + node.band - node.height / 2)
  out.boxes[slot] = boxOf(node, centre - node.height / 2, columnWidth)
  const from = { x: columnX(node.column, columnWidth) + columnWidth, y: centre }
  node.children.forEach((child, i) => {
    const to = { x: columnX(child.column, columnWidth), y: centres[i] ?? 0 }
    if (child.id !== null) out.connectors.set(child.id, { from: node.id, to: child.id, d: connectorPath(from, to, from.x + DRIVER_LAYOUT.columnGap / 2) })
  })
  return centre
}

function boxOf(node: Sized, y: number, columnWidth: number): DriverBox {
  return { column: node.column, id: node.id, x: round(columnX(node.column, columnWidth)), y: round(y), width: round(columnWidth), height: node.height, title: node.title, measures: node.measures }
}

function columnX(column: DriverColumn, columnWidth: number): number {
  return DRIVER_LAYOUT.margin + DRIVER_COLUMNS.indexOf(column) * (columnWidth + DRIVER_LAYOUT.columnGap)
}

/** Right from `from` to the trunk at `trunkX`, along it with rounded bends, then right into `to`. */
function connectorPath(from: { x: number; y: number }, to: { x: number; y: number }, trunkX: number): string {
  const dy = to.y - from.y
  if (Math.abs(dy) < 0.5) return `M${round(from.x)},${round(from.y)}H${round(to.x)}`
  const r = Math.min(DRIVER_LAYOUT.bend, Math.abs(dy) / 2)
  const s = Math.sign(dy)
  return [
    `M${round(from.x)},${round(from.y)}`,
    `H${round(trunkX - r)}`,
    `Q${round(trunkX)},${round(from.y)},${round(trunkX)},${round(from.y + s * r)}`,
    `V${round(to.y - s * r)}`,
    `Q${round(trunkX)},${round(to.y)},${round(trunkX + r)},${round(to.y)}`,
    `H${round(to.x)}`,
  ].join('')
}

/** One decimal place, so output does not depend on floating-point noise. */
export function round(value: number): number {
  return Math.round(value * 10) / 10
}
