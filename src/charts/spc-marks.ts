/** The Plot marks of an SPC chart, one function per layer, each with a class name that pages and tests can find. */
import * as Plot from '@observablehq/plot'
import { LINES, NHS, type LineStyle } from './palette.ts'
import type { LimitRow, PointRow } from './spc-rows.ts'
import { TEXT_SIZE, textWidth } from './chart-legend.ts'

const HALO = { stroke: NHS.white, strokeWidth: 4, paintOrder: 'stroke' } as const

function lineOptions(style: LineStyle): { stroke: string; strokeWidth: number; strokeDasharray?: string } {
  return style.dash === undefined ? { stroke: style.stroke, strokeWidth: style.strokeWidth } : { stroke: style.stroke, strokeWidth: style.strokeWidth, strokeDasharray: style.dash }
}

/**
 * Centre line (solid) and limits (dashed, dotted when trial) of one segment: never joined across
 * segments. `stepped` limits (P and U charts, where each point has its own) change halfway between
 * points, so each period's limit is a flat step around it.
 */
export function segmentMarks(rows: readonly LimitRow[], segment: number, trial: boolean, stepped = false): Plot.Markish[] {
  const data = rows.filter((r) => r.segment === segment)
  // A segment's centre is level, and so are its limits unless they step: a level line needs only its two ends.
  const ends = data.length > 2 ? [data[0] as LimitRow, data.at(-1) as LimitRow] : data
  const style = lineOptions(trial ? LINES.trialLimits : LINES.limits)
  const limits = stepped ? { ...style, curve: 'step' as const } : style
  return [
    Plot.lineY(stepped ? data : ends, { x: 'x', y: 'upper', ...limits, className: 'spc-upper-limit' }),
    Plot.lineY(stepped ? data : ends, { x: 'x', y: 'lower', ...limits, className: 'spc-lower-limit' }),
    Plot.lineY(ends, { x: 'x', y: 'centre', ...lineOptions(LINES.centre), className: 'spc-centre-line' }),
  ]
}

/** The line through the values, broken at `gaps` (periods with no value to show: Plot leaves a NaN point undrawn and splits the line there). */
export function valueLineMark(rows: readonly PointRow[], className = 'spc-values', gaps: readonly Date[] = []): Plot.Markish {
  const ordered = [...rows.map((r) => ({ x: r.x, y: r.y })), ...gaps.map((x) => ({ x, y: Number.NaN }))].sort((a, b) => a.x.getTime() - b.x.getTime())
  return Plot.lineY(ordered, { x: 'x', y: 'y', ...lineOptions(LINES.values), className })
}

/** One mark per point, its fill, outline, shape and size already decided (identity scales). */
export function pointMark(rows: readonly PointRow[], className = 'spc-points'): Plot.Markish {
  return Plot.dot(rows, { x: 'x', y: 'y', fill: 'fill', stroke: 'stroke', symbol: 'symbol', r: 'r', strokeWidth: 1.5, title: 'title', className })
}

/** The centre line of each segment of a run chart (the median), solid, never joined across segments. */
export function medianMarks(rows: readonly { readonly x: Date; readonly segment: number; readonly centre: number }[], segments: number): Plot.Markish[] {
  return Array.from({ length: segments }, (_, i) =>
    Plot.lineY(
      rows.filter((r) => r.segment === i),
      { x: 'x', y: 'centre', ...lineOptions(LINES.centre), className: 'run-median' },
    ),
  )
}

/** The target as a horizontal rule over the points' date range. */
export function targetMark(target: number, from: Date, to: Date): Plot.Markish {
  return Plot.ruleY([target], { x1: () => from, x2: () => to, ...lineOptions(LINES.target), className: 'spc-target' })
}

export interface RebaseMarker {
  readonly x: Date
  readonly label: string
}

/** A vertical rule per rebase and a short label at the top of the frame (below a `band` kept for note markers), right of the rule. */
export function rebaseMarks(markers: readonly RebaseMarker[], band = 0): Plot.Markish[] {
  return [
    Plot.ruleX(markers, { x: 'x', ...lineOptions(LINES.rebase), className: 'spc-rebase' }),
    Plot.text(markers, { x: 'x', text: 'label', frameAnchor: 'top', textAnchor: 'start', lineAnchor: 'top', dx: 5, dy: 4 + band, fill: NHS.text, fontSize: TEXT_SIZE, ...HALO, className: 'spc-rebase-label' }),
  ]
}

export interface EndLabel {
  readonly y: number
  readonly text: string
  readonly colour: string
}

/** Labels in the right margin, beside the last point (y already spread apart). */
export function endLabelMark(x: Date | number, labels: readonly EndLabel[], className = 'spc-line-labels', dx = 12): Plot.Markish {
  return Plot.text(labels, { x: () => x, y: 'y', text: 'text', fill: 'colour', textAnchor: 'start', dx, fontSize: TEXT_SIZE, className })
}

/** The y-axis label, above the tick labels at the top left of the frame. */
export function axisLabelMark(label: string, marginLeft: number): Plot.Markish {
  return Plot.text([label], { frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom', dx: 8 - marginLeft, dy: -10, fill: NHS.secondaryText, fontSize: TEXT_SIZE, className: 'spc-y-label' })
}

/** Width the right margin needs for the end labels. */
export function endLabelWidth(labels: readonly EndLabel[]): number {
  return Math.max(0, ...labels.map((l) => textWidth(l.text))) + 20
}

/** Shorten `text` with "…" to fit `widthPx`. */
export function fitText(text: string, widthPx: number): string {
  const chars = Math.floor(widthPx / (TEXT_SIZE * 0.58))
  if (text.length <= chars) return text
  return chars <= 1 ? '' : `${text.slice(0, chars - 1).trimEnd()}…`
}
