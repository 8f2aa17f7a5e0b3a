/** Special-cause variation on one measure's series (overall, by site, by group) as a signal. @see docs/methods/triangulation.md */
import type { ControlChartResult } from '../spc/control-chart.ts'
import { signalKey } from './signal-key.ts'
import { specialCauseRun } from './special-cause-run.ts'
import type { Signal, TriangulationMeasure, TriangulationSite } from './types.ts'
import { defaultGroupLabel, leaningTag, seriesSubject } from './wording.ts'

export interface ChartSignalInput {
  readonly measure: TriangulationMeasure
  readonly site: TriangulationSite
  /** Both null for all people. */
  readonly dimension: string | null
  readonly group: string | null
  /** e.g. "deprivation quintile 1"; `dimension group` when absent. */
  readonly groupLabel?: string
  /** The series' control chart, drawn with the measure's direction. */
  readonly chart: ControlChartResult
  /** Most recent points searched (default 13). */
  readonly recent?: number
}

/** Throws when a chart was drawn with another direction than its measure's (its point types would lean the wrong way). */
export function checkChartDirection(measure: TriangulationMeasure, chart: ControlChartResult): void {
  if (chart.direction !== measure.direction) throw new Error(`chart direction "${chart.direction}" does not match ${measure.code}'s direction "${measure.direction}"`)
}

/**
 * At most one `special_cause` signal: the latest run of special cause among the recent points, its
 * leaning from the point types. Empty when the recent points are all common cause.
 */
export function signalsFromChart(input: ChartSignalInput): Signal[] {
  const { measure, site, dimension, group, chart, recent } = input
  checkChartDirection(measure, chart)
  const run = specialCauseRun(chart, recent)
  if (!run) return []
  const label = dimension === null || group === null ? null : (input.groupLabel ?? defaultGroupLabel(dimension, group))
  const parts = { measure: measure.code, theme: null, site: site.code, dimension: label === null ? null : dimension, group: label === null ? null : group }
  return [
    {
      key: signalKey('special_cause', parts),
      kind: 'special_cause',
      leaning: run.leaning,
      side: run.side,
      ...parts,
      from: run.from,
      to: run.to,
      strength: run.strength,
      summary: `${seriesSubject(measure.name, site.name, label)}: ${run.phrase} ${leaningTag(run.leaning)}.`,
    },
  ]
}
