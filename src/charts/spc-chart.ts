/** The full SPC chart of a measure page: Observable Plot in Node, with MDC colours and a text alternative. */
import * as Plot from '@observablehq/plot'
import type { PeriodUnit } from '../core/model.ts'
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import { centreName } from './chart-label.ts'
import { drawHeader, layoutHeader } from './chart-legend.ts'
import { drawNotes, noteBand, noteLegend, noteRows, numberNotes, withNotes, type ChartAnnotation } from './chart-notes.ts'
import { toUtcDate } from './format-date.ts'
import { formatValue, type ValueFormat } from './format-value.ts'
import { LINES, NHS } from './palette.ts'
import { inferPeriodUnit } from './period-unit.ts'
import { spcAltText } from './spc-alt-text.ts'
import { displayLimits, limitsVary } from './spc-facts.ts'
import { spcLegend } from './spc-legend.ts'
import { axisLabelMark, endLabelMark, pointMark, rebaseMarks, segmentMarks, targetMark, valueLineMark, type EndLabel } from './spc-marks.ts'
import { limitRows, pointRows, typicalStepMs } from './spc-rows.ts'
import type { Wording } from './spc-sentences.ts'
import { createSvgDocument, idFromTitle, labelSvg, renderPlot, setFont } from './svg-dom.ts'
import { layoutTimeFrame, rebaseMarkers, TIME_FRAME, timeAxes, yAxisLabel, type FrameLayout } from './time-frame.ts'

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
  /**
   * Notes on single periods (ISO date of the period, text up to 500 characters): numbered markers
   * 1, 2, 3… in date order at the top of the frame, listed at the end of the desc. A note whose
   * date is outside the chart's dates is listed but not drawn.
   */
  readonly annotations?: readonly ChartAnnotation[]
  /**
   * Periods (ISO dates) that exist but are not shown, e.g. suppressed before the chart leaves the
   * organisation: the line of values breaks there instead of joining across them.
   */
  readonly gaps?: readonly string[]
}

const DEFAULTS = { width: 720, height: 420 } as const

/**
 * SVG markup of any control chart (XmR, P, P′, U, U′, C, G, T) with per-segment centre and limits
 * (stepped where each point has its own, as on P and U charts), MDC point colours and shapes.
 */
export function spcChartSvg(result: ControlChartResult, options: SpcChartOptions): string {
  const { title, valueFormat, unit, width = DEFAULTS.width, height = DEFAULTS.height, id = idFromTitle('spc', title) } = options
  if (!(width >= 200 && height >= 150)) throw new Error(`invalid chart size: ${width}×${height} (expected at least 200×150)`)
  const target = options.target === undefined ? result.target : options.target
  const periods = result.points.map((p) => p.period)
  const wording: Wording = { format: valueFormat, unit, period: options.period ?? inferPeriodUnit(periods) }
  const rebases = options.rebases ?? result.segments.slice(1).map((s) => ({ date: s.from, reason: s.reason ?? '' }))
  const notes = numberNotes(options.annotations ?? [], periods, wording.period)
  const header = layoutHeader(title, [...spcLegend(result, target, rebases.length > 0), ...noteLegend(notes)], width)
  const limitValues = result.points.flatMap((p) => [p.centre, ...Object.values(displayLimits(p, valueFormat))])
  const values = [...result.points.map((p) => p.value), ...limitValues, ...(target === null ? [] : [target])]
  const labels = endLabels(result, target, wording)
  const size = { width, height, top: header.height + TIME_FRAME.frameGap }
  const plain = layoutTimeFrame(values, labels, valueFormat, size)
  const rows = noteRows(notes, periods, { innerWidth: plain.innerWidth, innerHeight: height - TIME_FRAME.marginBottom - size.top })
  const layout = rows === 0 ? plain : layoutTimeFrame(values, labels, valueFormat, { ...size, band: noteBand(rows) })

  const document = createSvgDocument()
  const svg = renderPlot(document, {
    width,
    height,
    marginTop: layout.top,
    marginBottom: TIME_FRAME.marginBottom,
    marginLeft: layout.marginLeft,
    marginRight: layout.marginRight,
    ...timeAxes(periods, layout, wording.period),
    color: { type: 'identity' },
    symbol: { type: 'identity' },
    r: { type: 'identity' },
    marks: chartMarks(result, { target, wording, rebases, layout, gaps: options.gaps ?? [] }),
  })
  setFont(svg)
  drawNotes(document, svg, notes, { id, top: layout.top, rows, width, points: result.points, below: 'g.spc-rebase, g.spc-values' })
  drawHeader(document, svg, header)
  const desc = spcAltText(result, wording, { what: 'Statistical process control chart', title, target, rebases })
  labelSvg(document, svg, { id, title, desc: withNotes(desc, notes) })
  return svg.outerHTML
}

interface MarkInputs {
  readonly target: number | null
  readonly wording: Wording
  readonly rebases: readonly { date: string; reason: string }[]
  readonly layout: FrameLayout
  readonly gaps: readonly string[]
}

/** Layers bottom to top: limits and centre per segment, target, rebases, values, points, labels. */
function chartMarks(result: ControlChartResult, { target, wording, rebases, layout, gaps }: MarkInputs): Plot.Markish[] {
  const first = result.points[0]
  const last = result.points.at(-1)
  if (!first || !last) return [Plot.text(['No data to show yet'], { frameAnchor: 'middle', fontSize: 14, fill: NHS.secondaryText })]
  const [from, to] = [toUtcDate(first.period), toUtcDate(last.period)]
  const rows = pointRows(result, wording)
  const segments = limitRows(result, wording, typicalStepMs(result.points))
  const periods = result.points.map((p) => p.period)
  return [
    ...result.segments.flatMap((s, i) => segmentMarks(segments, i, s.trialLimits, limitsVary(result, i))),
    ...(target === null ? [] : [targetMark(target, from, to)]),
    ...rebaseMarks(rebaseMarkers(periods, rebases, to, layout.innerWidth), layout.band),
    valueLineMark(rows, 'spc-values', gaps.map(toUtcDate)),
    pointMark(rows),
    endLabelMark(to, layout.labels),
    axisLabelMark(yAxisLabel(wording.format, wording.unit), layout.marginLeft),
  ]
}

/** Upper limit, centre and lower limit of the latest point (its own limits on P and U charts) and the target, for the right margin. */
function endLabels(result: ControlChartResult, target: number | null, w: Wording): EndLabel[] {
  const last = result.points.at(-1)
  const labels: EndLabel[] = []
  const value = (v: number, trim = false): string => formatValue(v, w.format, { trim })
  if (last) {
    const { lower, upper } = displayLimits(last, w.format)
    const centre = centreName(result.chart) === 'median' ? 'Median' : 'Average'
    labels.push({ y: upper, text: `Upper limit ${value(upper)}`, colour: NHS.secondaryText })
    labels.push({ y: last.centre, text: `${centre} ${value(last.centre)}`, colour: NHS.text })
    labels.push({ y: lower, text: `Lower limit ${value(lower)}`, colour: NHS.secondaryText })
  }
  if (target !== null && last) labels.push({ y: target, text: `Target ${value(target, true)}`, colour: LINES.target.stroke })
  return labels
}
