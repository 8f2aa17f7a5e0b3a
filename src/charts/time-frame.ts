/**
 * The frame shared by charts over time (the SPC chart and the run chart): y scale, end labels
 * spread apart in pixels, margins, axes and rebase markers, decided before Plot runs.
 */
import type * as Plot from '@observablehq/plot'
import type { PeriodUnit } from '../core/model.ts'
import { TEXT_SIZE, textWidth } from './chart-legend.ts'
import { fromPixel, spreadLabels, toPixel, yScale, type YScale } from './chart-scale.ts'
import { toUtcDate } from './format-date.ts'
import type { ValueFormat } from './format-value.ts'
import { endLabelWidth, fitText, type EndLabel, type RebaseMarker } from './spc-marks.ts'
import { timeTicks } from './time-ticks.ts'

export const TIME_FRAME = { marginBottom: 46, frameGap: 30 } as const
const X_LABELS: Readonly<Record<PeriodUnit, string>> = { day: 'Date', week: 'Week starting', month: 'Month', quarter: 'Quarter starting' }

export interface FrameLayout {
  readonly top: number
  /** Pixels kept free of data at the top of the frame (for note markers); 0 when none. */
  readonly band: number
  readonly y: YScale
  readonly labels: readonly EndLabel[]
  readonly marginLeft: number
  readonly marginRight: number
  readonly innerWidth: number
}

/**
 * The y scale covering `values`, the end labels spread apart in pixels, and the margins that tick
 * and end labels need. A `band` at the top of the frame is left free of data (Plot's y insetTop).
 */
export function layoutTimeFrame(values: readonly number[], labels: readonly EndLabel[], format: ValueFormat, size: { width: number; height: number; top: number; band?: number }): FrameLayout {
  const { top, band = 0 } = size
  const dataTop = top + band
  const bottom = size.height - TIME_FRAME.marginBottom
  const y = yScale(values, format, bottom - dataTop)
  const spread = spreadLabels(labels.map((l) => toPixel(y, l.y, dataTop, bottom)), TEXT_SIZE + 3, dataTop, bottom)
  const placed = labels.map((l, i) => ({ ...l, y: fromPixel(y, spread[i] ?? 0, dataTop, bottom) }))
  const marginLeft = Math.max(...y.ticks.map((t) => y.format(t).length)) * TEXT_SIZE * 0.6 + 18
  const marginRight = Math.max(24, endLabelWidth(placed))
  return { top, band, y, labels: placed, marginLeft, marginRight, innerWidth: size.width - marginLeft - marginRight }
}

/** Plot's x (dates, ticks computed here) and y (the frame's scale) options; no axes when there are no points. */
export function timeAxes(periods: readonly string[], layout: FrameLayout, period: PeriodUnit | undefined): Pick<Plot.PlotOptions, 'x' | 'y'> {
  const [first, last] = [periods[0], periods.at(-1)]
  if (first === undefined || last === undefined) return { x: { axis: null }, y: { axis: null } }
  const ticks = timeTicks(toUtcDate(first), toUtcDate(last), layout.innerWidth / 90)
  const label = period ? X_LABELS[period] : 'Date'
  return {
    x: { type: 'utc', inset: 12, ticks: [...ticks.ticks], tickFormat: ticks.format, label, labelArrow: 'none', labelAnchor: 'center', labelOffset: 38 },
    y: { domain: [...layout.y.domain], ticks: [...layout.y.ticks], tickFormat: layout.y.format, grid: true, label: null, tickSize: 0, ...(layout.band > 0 ? { insetTop: layout.band } : {}) },
  }
}

/** The y-axis label: the unit, capitalised, or "Percentage" / "Value". */
export function yAxisLabel(format: ValueFormat, unit: string | undefined): string {
  if (unit) return `${unit.charAt(0).toUpperCase()}${unit.slice(1)}`
  return format === 'percent' ? 'Percentage' : 'Value'
}

/** A rule halfway between the last point before a rebase and the first point after it, labelled with its reason as room allows. */
export function rebaseMarkers(periods: readonly string[], rebases: readonly { date: string; reason: string }[], end: Date, innerWidth: number): RebaseMarker[] {
  const times = periods.map((p) => toUtcDate(p).getTime())
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
