/** The full SPC chart of a measure page: Observable Plot in Node, with MDC colours and a text alternative. */
import * as Plot from '@observablehq/plot'
import type { PeriodUnit } from '../core/model.ts'
import type { SpcResult } from '../core/spc/types.ts'
import { drawHeader, layoutHeader, TEXT_SIZE, textWidth } from './chart-legend.ts'
import { fromPixel, spreadLabels, toPixel, yScale, type YScale } from './chart-scale.ts'
import { toUtcDate } from './format-date.ts'
import { formatValue, type ValueFormat } from './format-value.ts'
import { LINES, NHS } from './palette.ts'
import { inferPeriodUnit } from './period-unit.ts'
import { spcAltText } from './spc-alt-text.ts'
import { displayLimits } from './spc-facts.ts'
import { spcLegend } from './spc-legend.ts'
import { axisLabelMark, endLabelMark, endLabelWidth, fitText, pointMark, rebaseMarks, segmentMarks, targetMark, valueLineMark, type EndLabel, type RebaseMarker } from './spc-marks.ts'
import { limitRows, pointRows, typicalStepMs } from './spc-rows.ts'
import type { Wording } from './spc-sentences.ts'
import { createSvgDocument, idFromTitle, labelSvg, renderPlot, setFont } from './svg-dom.ts'
import { timeTicks } from './time-ticks.ts'

export interface SpcChartOptions {
  readonly title: string
  readonly valueFormat: ValueFormat
  /** Shown after non-percent values in text, and as the y-axis label. */
  readonly unit?: string
  readonly width?: number
  readonly height?: number
  /** Rebases to mark; read from the result's segments when absent. */
  readonly rebases?: readonly { readonly date: string; readonly reason: string }[]
  /** Overrides the result's target; null draws none. */
  readonly target?: number | null
  /** Unique per page; prefixes the title and desc ids (default from the title). */
  readonly id?: string
  /** Spacing of the periods; inferred from the dates when absent. */
  readonly period?: PeriodUnit
}

const DEFAULTS = { width: 720, height: 420, marginBottom: 46, frameGap: 30 } as const
const X_LABELS: Readonly<Record<PeriodUnit, string>> = { day: 'Date', week: 'Week starting', month: 'Month', quarter: 'Quarter starting' }

/** SVG markup of an XmR chart with per-segment centre and limits, MDC point colours and shapes. */
export function spcChartSvg(result: SpcResult, options: SpcChartOptions): string {
  const { title, valueFormat, unit, width = DEFAULTS.width, height = DEFAULTS.height, id = idFromTitle('spc', title) } = options
  if (!(width >= 200 && height >= 150)) throw new Error(`invalid chart size: ${width}×${height} (expected at least 200×150)`)
  const target = options.target === undefined ? result.target : options.target
  const wording: Wording = { format: valueFormat, unit, period: options.period ?? inferPeriodUnit(result.points.map((p) => p.period)) }
  const rebases = options.rebases ?? result.segments.slice(1).map((s) => ({ date: s.from, reason: s.reason ?? '' }))
  const header = layoutHeader(title, spcLegend(result, target, rebases.length > 0), width)
  const layout = layoutFrame(result, target, wording, { width, height, top: header.height + DEFAULTS.frameGap })
  const first = result.points[0]
  const last = result.points.at(-1)
  const ticks = first && last ? timeTicks(toUtcDate(first.period), toUtcDate(last.period), layout.innerWidth / 90) : undefined

  const document = createSvgDocument()
  const svg = renderPlot(document, {
    width,
    height,
    marginTop: layout.top,
    marginBottom: DEFAULTS.marginBottom,
    marginLeft: layout.marginLeft,
    marginRight: layout.marginRight,
    x: ticks ? { type: 'utc', inset: 12, ticks: [...ticks.ticks], tickFormat: ticks.format, label: wording.period ? X_LABELS[wording.period] : 'Date', labelArrow: 'none', labelAnchor: 'center', labelOffset: 38 } : { axis: null },
    y: first ? { domain: [...layout.y.domain], ticks: [...layout.y.ticks], tickFormat: layout.y.format, grid: true, label: null, tickSize: 0 } : { axis: null },
    color: { type: 'identity' },
    symbol: { type: 'identity' },
    r: { type: 'identity' },
    marks: chartMarks(result, { target, wording, rebases, layout }),
  })
  setFont(svg)
  drawHeader(document, svg, header)
  labelSvg(document, svg, { id, title, desc: spcAltText(result, wording, { what: 'Statistical process control chart', title, target, rebases }) })
  return svg.outerHTML
}

interface FrameLayout {
  readonly top: number
  readonly y: YScale
  readonly labels: readonly EndLabel[]
  readonly marginLeft: number
  readonly marginRight: number
  readonly innerWidth: number
}

/** The y scale, the end labels spread apart in pixels, and the margins that tick and end labels need. */
function layoutFrame(result: SpcResult, target: number | null, w: Wording, size: { width: number; height: number; top: number }): FrameLayout {
  const { top } = size
  const bottom = size.height - DEFAULTS.marginBottom
  const limitValues = result.points.flatMap((p) => [p.centre, ...Object.values(displayLimits(p, w.format))])
  const y = yScale([...result.points.map((p) => p.value), ...limitValues, ...(target === null ? [] : [target])], w.format, bottom - top)
  const labels = endLabels(result, target, w)
  const spread = spreadLabels(labels.map((l) => toPixel(y, l.y, top, bottom)), TEXT_SIZE + 3, top, bottom)
  const placed = labels.map((l, i) => ({ ...l, y: fromPixel(y, spread[i] ?? 0, top, bottom) }))
  const marginLeft = Math.max(...y.ticks.map((t) => y.format(t).length)) * TEXT_SIZE * 0.6 + 18
  const marginRight = Math.max(24, endLabelWidth(placed))
  return { top, y, labels: placed, marginLeft, marginRight, innerWidth: size.width - marginLeft - marginRight }
}

interface MarkInputs {
  readonly target: number | null
  readonly wording: Wording
  readonly rebases: readonly { date: string; reason: string }[]
  readonly layout: FrameLayout
}

/** Layers bottom to top: limits and centre per segment, target, rebases, values, points, labels. */
function chartMarks(result: SpcResult, { target, wording, rebases, layout }: MarkInputs): Plot.Markish[] {
  const first = result.points[0]
  const last = result.points.at(-1)
  if (!first || !last) return [Plot.text(['No data to show yet'], { frameAnchor: 'middle', fontSize: 14, fill: NHS.secondaryText })]
  const [from, to] = [toUtcDate(first.period), toUtcDate(last.period)]
  const rows = pointRows(result, wording)
  const segments = limitRows(result, wording, typicalStepMs(result.points))
  return [
    ...result.segments.flatMap((s, i) => segmentMarks(segments, i, s.trialLimits)),
    ...(target === null ? [] : [targetMark(target, from, to)]),
    ...rebaseMarks(rebaseMarkers(result, rebases, to, layout.innerWidth)),
    valueLineMark(rows),
    pointMark(rows),
    endLabelMark(to, layout.labels),
    axisLabelMark(yLabel(wording.format, wording.unit), layout.marginLeft),
  ]
}

function yLabel(format: ValueFormat, unit: string | undefined): string {
  if (unit) return `${unit.charAt(0).toUpperCase()}${unit.slice(1)}`
  return format === 'percent' ? 'Percentage' : 'Value'
}

/** Upper limit, average, lower limit of the latest segment and the target, for the right margin. */
function endLabels(result: SpcResult, target: number | null, w: Wording): EndLabel[] {
  const last = result.points.at(-1)
  const labels: EndLabel[] = []
  const value = (v: number, trim = false): string => formatValue(v, w.format, { trim })
  if (last) {
    const { lower, upper } = displayLimits(last, w.format)
    labels.push({ y: upper, text: `Upper limit ${value(upper)}`, colour: NHS.secondaryText })
    labels.push({ y: last.centre, text: `Average ${value(last.centre)}`, colour: NHS.text })
    labels.push({ y: lower, text: `Lower limit ${value(lower)}`, colour: NHS.secondaryText })
  }
  if (target !== null && last) labels.push({ y: target, text: `Target ${value(target, true)}`, colour: LINES.target.stroke })
  return labels
}

/** A rule halfway between the last point before a rebase and the first point after it. */
function rebaseMarkers(result: SpcResult, rebases: readonly { date: string; reason: string }[], end: Date, innerWidth: number): RebaseMarker[] {
  const times = result.points.map((p) => toUtcDate(p.period).getTime())
  const xs = rebases.map((r) => {
    const at = toUtcDate(r.date).getTime()
    const index = times.findIndex((t) => t >= at)
    const before = index > 0 ? times[index - 1] : undefined
    const after = index >= 0 ? times[index] : undefined
    return before !== undefined && after !== undefined ? (before + after) / 2 : at
  })
  const start = times[0] ?? 0
  const pxPerMs = innerWidth / Math.max(1, end.getTime() - start)
  return rebases.map((r, i) => {
    const x = xs[i] ?? start
    const next = xs[i + 1] ?? end.getTime()
    const room = Math.max(60, (next - x) * pxPerMs - 12)
    const full = r.reason === '' ? 'Rebased' : `Rebased: ${r.reason}`
    return { x: new Date(x), label: fitText(textWidth(full) <= room || r.reason === '' ? full : r.reason, room) }
  })
}
