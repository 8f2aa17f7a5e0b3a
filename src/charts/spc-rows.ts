/** A control chart result → rows that Plot marks draw: one row per point, with its look decided here. */
import type { Direction } from '../core/model.ts'
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import type { SpcPoint } from '../core/spc/types.ts'
import { formatPeriod, toUtcDate } from './format-date.ts'
import { formatValue } from './format-value.ts'
import { VARIATION_STYLES, NHS, variationKind } from './palette.ts'
import type { Wording } from './spc-sentences.ts'
import { displayLimits } from './spc-facts.ts'
import { variationLabel } from './variation-icon.ts'

export interface PointRow {
  readonly x: Date
  readonly y: number
  readonly fill: string
  readonly stroke: string
  readonly symbol: string
  readonly r: number
  /** Tooltip: period, value and variation in words. */
  readonly title: string
  readonly special: boolean
}

export interface LimitRow {
  readonly x: Date
  readonly segment: number
  readonly centre: number
  readonly upper: number
  readonly lower: number
}

export interface PointRadius {
  readonly common: number
  readonly special: number
}

/** Radii: special cause points are larger, so shape and size also tell them apart. */
export const POINT_RADIUS: PointRadius = { common: 3.5, special: 5.5 }

/** Rows in drawing order: common cause first, so special-cause points sit on top. */
export function pointRows(result: ControlChartResult, w: Wording, radius: PointRadius = POINT_RADIUS): PointRow[] {
  const rows = result.points.map((p) => pointRow(p, result.direction, w, radius))
  return [...rows.filter((r) => !r.special), ...rows.filter((r) => r.special)]
}

function pointRow(p: SpcPoint, direction: Direction, w: Wording, radius: PointRadius): PointRow {
  const kind = variationKind(p.type)
  const style = VARIATION_STYLES[kind]
  const special = kind !== 'common_cause'
  const excluded = p.excluded !== null
  const note = excluded ? ` (left out of the limits: ${p.excluded})` : ''
  return {
    x: toUtcDate(p.period),
    y: p.value,
    fill: excluded ? NHS.white : style.fill,
    stroke: special || excluded ? style.outline : NHS.white,
    symbol: style.symbol,
    r: special ? radius.special : radius.common,
    title: `${capitalise(formatPeriod(p.period, w.period))}: ${formatValue(p.value, w.format, { unit: w.unit })}. ${variationLabel(p.type, direction)}${note}.`,
    special,
  }
}

/**
 * Centre and limit rows per point, each point's own limits (they vary with the denominator on P and
 * U charts), clamped to 0–100% for percentages. A segment of one point is widened by a third of
 * `stepMs` either side, so its lines are still visible.
 */
export function limitRows(result: ControlChartResult, w: Wording, stepMs: number): LimitRow[] {
  const rows: LimitRow[] = []
  for (const [index] of result.segments.entries()) {
    const points = result.points.filter((p) => p.segment === index)
    const segmentRows = points.map((p) => ({ x: toUtcDate(p.period), segment: index, centre: p.centre, ...displayLimits(p, w.format) }))
    const only = segmentRows.length === 1 ? segmentRows[0] : undefined
    if (only) {
      const half = stepMs / 3
      rows.push({ ...only, x: new Date(only.x.getTime() - half) }, { ...only, x: new Date(only.x.getTime() + half) })
    } else rows.push(...segmentRows)
  }
  return rows
}

/** Median gap between consecutive points in milliseconds (7 days when there is one point or none). */
export function typicalStepMs(points: readonly { readonly period: string }[]): number {
  const times = points.map((p) => toUtcDate(p.period).getTime())
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t)).sort((a, b) => a - b)
  return gaps[Math.floor(gaps.length / 2)] ?? 7 * 86_400_000
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
