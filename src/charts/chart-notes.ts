/**
 * Notes on single periods of a chart over time (annotations: "Evening clinic started"): numbered in
 * date order, drawn as small numbered discs in a band at the top of the frame with a dotted guide
 * down to the period's point, and listed at the end of the text alternative.
 */
import type { PeriodUnit } from '../core/model.ts'
import { addPeriods, parseIsoDate } from '../core/period.ts'
import type { LegendItem } from './chart-legend.ts'
import { formatDay, toUtcDate } from './format-date.ts'
import { NOTE_STYLE } from './palette.ts'
import { typicalStepMs } from './spc-rows.ts'
import { plotScale, svgElement, type SvgDocument, type SvgNode } from './svg-dom.ts'

/** A note on one period of a chart: the ISO date of the period and up to 500 characters of text. */
export interface ChartAnnotation {
  readonly date: string
  readonly text: string
}

export const NOTE_TEXT_MAX = 500

export interface Note {
  /** 1, 2, 3… in date order (notes on the same date keep the order given). */
  readonly number: number
  readonly date: string
  /** The text with runs of white space (line breaks too) made single spaces. */
  readonly text: string
  /** Index into the chart's points of the annotated period; null when the date is outside the chart's dates (listed, not drawn). */
  readonly point: number | null
}

/** Marker radius, space above the first row, between rows and below the last. */
const MARKER = { r: 9, top: 5, rowGap: 4, bottom: 2 } as const
/** Centres of markers closer than this overlap (or touch): the later one goes to the next row. */
const MIN_GAP = 2 * MARKER.r + 2
/** More rows than this would eat the plot: markers beyond are moved right along a row instead. */
const MAX_ROWS = 3
/** The guide stops this far above the point's centre, so the point (a triangle of radius 5.5 reaches 8.6 px up) stays clear. */
const POINT_CLEARANCE = 13
/** Plot's x inset of charts over time (time-frame.ts `timeAxes`). */
const X_INSET = 12

/**
 * Check and number the notes, and find each one's period: the latest point on or before its date,
 * when the date falls between the first period's start and the last period's end.
 */
export function numberNotes(annotations: readonly ChartAnnotation[], periods: readonly string[], unit: PeriodUnit | undefined): Note[] {
  const checked = annotations.map((a) => {
    const date = parseIsoDate(a.date)
    if (!date) throw new Error(`invalid annotation date: ${JSON.stringify(a.date)} (expected YYYY-MM-DD)`)
    const text = a.text.replace(/\s+/g, ' ').trim()
    const length = [...text].length
    if (length === 0) throw new Error(`annotation on ${a.date} has no text`)
    if (length > NOTE_TEXT_MAX) throw new Error(`annotation on ${a.date} is too long: ${length} characters (expected at most ${NOTE_TEXT_MAX})`)
    return { date: a.date, time: date.getTime(), text }
  })
  const times = periods.map((p) => toUtcDate(p).getTime())
  const last = periods.at(-1)
  const end = last === undefined ? -Infinity : unit ? toUtcDate(addPeriods(last, unit, 1)).getTime() : toUtcDate(last).getTime() + typicalStepMs(periods.map((period) => ({ period })))
  return checked
    .map((a, order) => ({ ...a, order }))
    .sort((a, b) => a.time - b.time || a.order - b.order)
    .map((a, i) => {
      const index = a.time < end ? times.findLastIndex((t) => t <= a.time) : -1
      return { number: i + 1, date: a.date, text: a.text, point: index >= 0 ? index : null }
    })
}

/** "Note 1, 3 Mar 2025: Evening clinic started" (the marker's tooltip). */
export function noteTitle(note: Note): string {
  return `Note ${note.number}, ${formatDay(toUtcDate(note.date))}: ${note.text}`
}

/** "Notes: 1 (3 Mar 2025) Evening clinic started; 2 (…) …." for the end of the text alternative; undefined without notes. */
export function notesSentence(notes: readonly Note[]): string | undefined {
  if (notes.length === 0) return undefined
  const list = notes.map((n) => `${n.number} (${formatDay(toUtcDate(n.date))}) ${n.text}`).join('; ')
  return `Notes: ${list}${/[.!?…]$/.test(list) ? '' : '.'}`
}

/** `desc` with the notes sentence after it. */
export function withNotes(desc: string, notes: readonly Note[]): string {
  const sentence = notesSentence(notes)
  return sentence === undefined ? desc : `${desc} ${sentence}`
}

/** The legend entry, only when a note is drawn. */
export function noteLegend(notes: readonly Note[]): LegendItem[] {
  return notes.some((n) => n.point !== null) ? [{ key: { kind: 'note' }, label: 'Note (numbered)' }] : []
}

/**
 * Place markers (centres `xs` in pixels, in number order) in rows: each in the first row where it
 * clears the row's last marker; when all `maxRows` rows are taken there, in the row whose last
 * marker is furthest left, just right of it (its guide then bends back to the period).
 */
export function placeMarkers(xs: readonly number[], maxRows: number, maxX = Infinity): { x: number; row: number }[] {
  const lastInRow: number[] = []
  return xs.map((x) => {
    let row = lastInRow.findIndex((lastX) => x - lastX >= MIN_GAP)
    let at = x
    if (row === -1 && lastInRow.length < maxRows) row = lastInRow.length
    if (row === -1) {
      const leftmost = Math.min(...lastInRow)
      row = lastInRow.indexOf(leftmost)
      at = Math.min(Math.max(x, leftmost + MIN_GAP), maxX)
    }
    lastInRow[row] = at
    return { x: at, row }
  })
}

/**
 * Rows of markers the drawn notes need, estimated before Plot runs from the points' dates and the
 * frame's inner width (0 when none is drawn): at most 3, and at most a third of the frame's height
 * (but one row at least).
 */
export function noteRows(notes: readonly Note[], periods: readonly string[], frame: { readonly innerWidth: number; readonly innerHeight: number }): number {
  const { innerWidth } = frame
  const fit = Math.floor((frame.innerHeight / 3 - MARKER.top - MARKER.bottom) / (2 * MARKER.r + MARKER.rowGap))
  const maxRows = Math.max(1, Math.min(MAX_ROWS, fit))
  const times = periods.map((p) => toUtcDate(p).getTime())
  const [first, last] = [times[0], times.at(-1)]
  if (first === undefined || last === undefined) return 0
  const span = innerWidth - 2 * X_INSET
  const xs = notes.flatMap((n) => (n.point === null ? [] : [last > first ? (((times[n.point] ?? first) - first) / (last - first)) * span : span / 2]))
  if (xs.length === 0) return 0
  return Math.max(...placeMarkers(xs, maxRows).map((p) => p.row)) + 1
}

/** Height of the band at the top of the frame that `rows` rows of markers take (0 for none). */
export function noteBand(rows: number): number {
  return rows === 0 ? 0 : MARKER.top + rows * (2 * MARKER.r + MARKER.rowGap) + MARKER.bottom
}

export interface NoteFrame {
  /** The chart's id: markers are `{id}-note-{number}`. */
  readonly id: string
  /** The top of the frame (Plot's marginTop) and the rows reserved there (`noteRows`). */
  readonly top: number
  readonly rows: number
  readonly width: number
  /** Every point's date and value (the chart's points, in order). */
  readonly points: readonly { readonly period: string; readonly value: number }[]
  /** The guides go under the first element this matches (the rebase rule, or the values' line), so lines and points are drawn over them. */
  readonly below: string
}

/**
 * Draw the drawn notes into a rendered plot: dotted guides from each marker to its point under
 * the data, and the numbered markers (with a `<title>` each) on top of everything.
 */
export function drawNotes(document: SvgDocument, svg: SvgNode, notes: readonly Note[], frame: NoteFrame): void {
  const drawn = notes.flatMap((n) => {
    const point = n.point === null ? undefined : frame.points[n.point]
    return point ? [{ note: n, point }] : []
  })
  if (drawn.length === 0 || frame.rows === 0) return
  const x = plotScale(svg, 'x')
  const y = plotScale(svg, 'y')
  const xs = drawn.map((d) => x(toUtcDate(d.point.period)))
  const placed = placeMarkers(xs, frame.rows, frame.width - MARKER.r - 1)
  const bandBottom = frame.top + noteBand(frame.rows) - MARKER.bottom
  const centreY = (row: number): number => frame.top + MARKER.top + MARKER.r + row * (2 * MARKER.r + MARKER.rowGap)

  const line = NOTE_STYLE.guide
  const guides = svgElement(document, 'g', { class: 'chart-note-guides', 'aria-hidden': 'true', fill: 'none', stroke: line.stroke, 'stroke-width': line.strokeWidth, 'stroke-dasharray': line.dash })
  const markers = svgElement(document, 'g', { class: 'chart-notes', 'font-size': 11, 'font-weight': 700, 'text-anchor': 'middle' })
  // One guide per annotated period, so notes on the same period do not stack dotted lines into a solid one:
  // down from the highest marker right above it, with a bend from each marker moved aside.
  const periods = new Map<number, { x: number; pointTop: number; top: number; bends: string[] }>()
  drawn.forEach(({ note, point }, i) => {
    const at = placed[i] ?? { x: xs[i] ?? 0, row: 0 }
    const periodX = xs[i] ?? at.x
    const markerY = centreY(at.row)
    const guide = periods.get(note.point ?? -1) ?? { x: periodX, pointTop: Math.max(bandBottom, y(point.value) - POINT_CLEARANCE), top: bandBottom, bends: [] }
    if (at.x === periodX) guide.top = Math.min(guide.top, markerY + MARKER.r)
    else guide.bends.push(`M${px(at.x)},${px(markerY + MARKER.r)}L${px(periodX)},${px(Math.max(bandBottom, markerY + MARKER.r))}`)
    periods.set(note.point ?? -1, guide)
    const marker = svgElement(document, 'g', { id: `${frame.id}-note-${note.number}`, class: 'chart-note', transform: `translate(${px(at.x)},${px(markerY)})` })
    marker.appendChild(svgElement(document, 'title', {}, noteTitle(note)))
    marker.appendChild(svgElement(document, 'circle', { r: MARKER.r, fill: NOTE_STYLE.fill, stroke: NOTE_STYLE.outline, 'stroke-width': 1.5 }))
    marker.appendChild(svgElement(document, 'text', { dy: '0.35em', fill: NOTE_STYLE.number }, String(note.number)))
    markers.appendChild(marker)
  })
  for (const guide of periods.values()) {
    const d = `M${px(guide.x)},${px(guide.top)}L${px(guide.x)},${px(guide.pointTop)}${guide.bends.join('')}`
    guides.appendChild(svgElement(document, 'path', { d }))
  }
  const reference = svg.querySelector(frame.below)
  svg.insertBefore(guides, reference)
  svg.appendChild(markers)
}

/** Pixels to two decimals, so the markup stays short. */
function px(value: number): number {
  return Math.round(value * 100) / 100
}
