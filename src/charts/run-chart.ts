/** A run chart: values around the median of each segment, with the Anhøj rules' long runs marked. */
import * as Plot from '@observablehq/plot'
import type { RunChartResult } from '../core/spc/run-chart.ts'
import { drawHeader, layoutHeader, type LegendItem } from './chart-legend.ts'
import { drawNotes, noteBand, noteLegend, noteRows, numberNotes, withNotes } from './chart-notes.ts'
import { toUtcDate } from './format-date.ts'
import { formatValue } from './format-value.ts'
import { LINES, LONG_RUN_STYLE, NHS, VARIATION_STYLES } from './palette.ts'
import { inferPeriodUnit } from './period-unit.ts'
import { runAltText } from './run-alt-text.ts'
import { longRunPoints, medianRows, runPointRows } from './run-rows.ts'
import { axisLabelMark, endLabelMark, medianMarks, pointMark, rebaseMarks, valueLineMark } from './spc-marks.ts'
import { typicalStepMs } from './spc-rows.ts'
import type { SpcChartOptions } from './spc-chart.ts'
import type { Wording } from './spc-sentences.ts'
import { createSvgDocument, idFromTitle, labelSvg, renderPlot, setFont } from './svg-dom.ts'
import { layoutTimeFrame, rebaseMarkers, TIME_FRAME, timeAxes, yAxisLabel, type FrameLayout } from './time-frame.ts'

/** The SPC chart's options without a target (a run chart has no limits to judge one against). */
export type RunChartSvgOptions = Omit<SpcChartOptions, 'target'>

const DEFAULTS = { width: 720, height: 420 } as const

/**
 * SVG markup of a run chart: values and line, the median of each segment (solid), rebase rules with
 * their reasons, no limits; in a segment whose runs signal, the points of each unusually long run
 * are larger purple squares (shape and size as well as colour). Excluded points are hollow.
 */
export function runChartSvg(result: RunChartResult, options: RunChartSvgOptions): string {
  const { title, valueFormat, unit, width = DEFAULTS.width, height = DEFAULTS.height, id = idFromTitle('run', title) } = options
  if (!(width >= 200 && height >= 150)) throw new Error(`invalid chart size: ${width}×${height} (expected at least 200×150)`)
  const periods = result.points.map((p) => p.period)
  const wording: Wording = { format: valueFormat, unit, period: options.period ?? inferPeriodUnit(periods) }
  const rebases = options.rebases ?? result.segments.slice(1).map((s) => ({ date: s.from, reason: s.reason ?? '' }))
  const notes = numberNotes(options.annotations ?? [], periods, wording.period)
  const header = layoutHeader(title, [...runLegend(result, rebases.length > 0), ...noteLegend(notes)], width)
  const last = result.points.at(-1)
  const labels = last ? [{ y: last.centre, text: `Median ${formatValue(last.centre, valueFormat)}`, colour: NHS.text }] : []
  const values = result.points.flatMap((p) => [p.value, p.centre])
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
    marks: runMarks(result, wording, rebases, layout),
  })
  setFont(svg)
  drawNotes(document, svg, notes, { id, top: layout.top, rows, width, points: result.points, below: 'g.spc-rebase, g.run-values' })
  drawHeader(document, svg, header)
  labelSvg(document, svg, { id, title, desc: withNotes(runAltText(result, wording, { title, rebases }), notes) })
  return svg.outerHTML
}

/** Layers bottom to top: medians, rebases, values, points, labels. */
function runMarks(result: RunChartResult, wording: Wording, rebases: readonly { date: string; reason: string }[], layout: FrameLayout): Plot.Markish[] {
  const last = result.points.at(-1)
  if (!last) return [Plot.text(['No data to show yet'], { frameAnchor: 'middle', fontSize: 14, fill: NHS.secondaryText })]
  const to = toUtcDate(last.period)
  const rows = runPointRows(result, wording)
  return [
    ...medianMarks(medianRows(result, typicalStepMs(result.points)), result.segments.length),
    ...rebaseMarks(rebaseMarkers(result.points.map((p) => p.period), rebases, to, layout.innerWidth), layout.band),
    valueLineMark(rows, 'run-values'),
    pointMark(rows, 'run-points'),
    endLabelMark(to, layout.labels),
    axisLabelMark(yAxisLabel(wording.format, wording.unit), layout.marginLeft),
  ]
}

/** Only what is drawn: values, long-run points, excluded points, the median and rebases. */
function runLegend(result: RunChartResult, rebased: boolean): LegendItem[] {
  if (result.points.length === 0) return []
  const common = VARIATION_STYLES.common_cause
  const items: LegendItem[] = [
    { key: { kind: 'text' }, label: 'Run chart' },
    { key: { kind: 'symbol', symbol: common.symbol, fill: common.fill, stroke: NHS.white }, label: 'Value' },
  ]
  if (longRunPoints(result).size > 0) {
    items.push({ key: { kind: 'symbol', symbol: LONG_RUN_STYLE.symbol, fill: LONG_RUN_STYLE.fill, stroke: LONG_RUN_STYLE.outline }, label: LONG_RUN_STYLE.legend })
  }
  if (result.points.some((p) => p.excluded !== null)) items.push({ key: { kind: 'symbol', symbol: 'circle', fill: NHS.white, stroke: NHS.midGrey }, label: 'Excluded from the median' })
  items.push({ key: { kind: 'line', stroke: LINES.centre.stroke, strokeWidth: LINES.centre.strokeWidth }, label: 'Median' })
  if (rebased) items.push({ key: { kind: 'line', stroke: LINES.rebase.stroke, strokeWidth: LINES.rebase.strokeWidth, vertical: true }, label: 'Rebase' })
  return items
}
