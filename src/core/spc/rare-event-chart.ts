/** The shared pipeline of the G and T charts. @see docs/methods/rare-event-charts.md */
import type { Issue } from '../issues.ts'
import { assuranceIcon } from './assurance-icon.ts'
import type { SeriesPoint } from './check-input.ts'
import { checkOptions } from './check-options.ts'
import { rareEventSegment, type RareEventLimits, type RareEventSegment } from './rare-event-segment.ts'
import { segmentSeries } from './series-segments.ts'
import type { SpcInputPoint, SpcResult, XmrOptions } from './types.ts'
import { variationIcon } from './variation-icon.ts'

/** Options of a G or T chart (the profile and rule length do not apply: only the outside-limits rule does). */
export type RareEventOptions = Pick<XmrOptions, 'direction' | 'target' | 'baseline' | 'rebases' | 'interval'>

export interface RareEventResult extends Omit<SpcResult, 'chart' | 'profile' | 'segments'> {
  readonly chart: 'g' | 't'
  readonly segments: readonly RareEventSegment[]
}

export interface RareEventKind {
  readonly chart: 'g' | 't'
  readonly limitsOf: (baseline: readonly number[]) => RareEventLimits
  /** Error issues for values the chart cannot take (the series is then rejected). */
  readonly valueIssues: (points: readonly SeriesPoint[]) => Issue[]
}

/** Check, segment and analyse `points` as a chart of `kind`; impossible options throw. */
export function rareEventChart(points: readonly SpcInputPoint[], options: RareEventOptions, kind: RareEventKind): RareEventResult {
  checkOptions(options)
  const { direction = 'increase', target = null, baseline, rebases = [], interval } = options
  const series = segmentSeries(points, rebases, interval, kind.valueIssues)
  const analysed = series.segments.map((segment) => rareEventSegment(segment, baseline, direction, kind.limitsOf))
  const chartPoints = analysed.flatMap((a) => a.points)
  return {
    chart: kind.chart,
    direction,
    target,
    segments: analysed.map((a) => a.segment),
    points: chartPoints,
    variation: variationIcon(chartPoints),
    assurance: assuranceIcon(target, direction, chartPoints.at(-1)),
    issues: [...series.issues, ...analysed.flatMap((a) => a.issues)],
  }
}

/** One `invalid_value` error for each point whose value fails `isValid`. */
export function invalidValueIssues(points: readonly SeriesPoint[], isValid: (value: number) => boolean, expected: string, chart: string): Issue[] {
  return points
    .filter((point) => !isValid(point.value))
    .map((point) => ({
      severity: 'error',
      code: 'invalid_value',
      message: `Value ${point.value} for ${point.period} cannot be charted on a ${chart}: expected ${expected}.`,
      value: String(point.value),
      expected,
    }))
}
