/** A run chart's result → rows that Plot marks draw, and which points make up an unusually long run. */
import { maximalRuns, sideOf } from '../core/spc/maximal-runs.ts'
import type { RunChartResult } from '../core/spc/run-chart.ts'
import { formatPeriod, toUtcDate } from './format-date.ts'
import { formatValue } from './format-value.ts'
import { LONG_RUN_STYLE, NHS, VARIATION_STYLES } from './palette.ts'
import { POINT_RADIUS, type PointRow } from './spc-rows.ts'
import type { Wording } from './spc-sentences.ts'

export interface MedianRow {
  readonly x: Date
  readonly segment: number
  readonly centre: number
}

/**
 * Indices (into `result.points`) of the points in a run longer than the segment's maximum, in the
 * segments whose runs analysis signals. As in the analysis, excluded points and points on the
 * median are skipped: they neither break nor extend a run, and are not marked.
 */
export function longRunPoints(result: RunChartResult): Set<number> {
  const marked = new Set<number>()
  result.segments.forEach((segment, s) => {
    if (!segment.runs.signal) return
    const useful = result.points
      .map((p, index) => ({ index, side: sideOf(p.value, segment.centre), included: p.segment === s && p.excluded === null }))
      .filter((p) => p.included && p.side !== 0)
    for (const run of maximalRuns(useful.map((p) => p.side))) {
      if (run.end - run.start + 1 <= segment.runs.longestRunMax) continue
      for (const p of useful.slice(run.start, run.end + 1)) marked.add(p.index)
    }
  })
  return marked
}

/** Rows in drawing order: points in a long run last, so they sit on top. */
export function runPointRows(result: RunChartResult, w: Wording): PointRow[] {
  const long = longRunPoints(result)
  const rows = result.points.map((p, i): PointRow => {
    const special = long.has(i)
    const style = special ? LONG_RUN_STYLE : VARIATION_STYLES.common_cause
    const excluded = p.excluded !== null
    const note = excluded ? ` Left out of the median: ${p.excluded}.` : special ? ' Part of an unusually long run.' : ''
    const period = formatPeriod(p.period, w.period)
    return {
      x: toUtcDate(p.period),
      y: p.value,
      fill: excluded ? NHS.white : style.fill,
      stroke: special || excluded ? style.outline : NHS.white,
      symbol: style.symbol,
      r: special ? POINT_RADIUS.special : POINT_RADIUS.common,
      title: `${period.charAt(0).toUpperCase()}${period.slice(1)}: ${formatValue(p.value, w.format, { unit: w.unit })}.${note}`,
      special,
    }
  })
  return [...rows.filter((r) => !r.special), ...rows.filter((r) => r.special)]
}

/** The median per point; a segment of one point is widened by a third of `stepMs` either side, so its line shows. */
export function medianRows(result: RunChartResult, stepMs: number): MedianRow[] {
  return result.segments.flatMap((_, index) => {
    const rows = result.points.filter((p) => p.segment === index).map((p) => ({ x: toUtcDate(p.period), segment: index, centre: p.centre }))
    const only = rows.length === 1 ? rows[0] : undefined
    if (!only) return rows
    return [
      { ...only, x: new Date(only.x.getTime() - stepMs / 3) },
      { ...only, x: new Date(only.x.getTime() + stepMs / 3) },
    ]
  })
}
