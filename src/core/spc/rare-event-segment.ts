/** One segment of a G or T chart: limits, outside-limit marks, point types, runs. @see docs/methods/rare-event-charts.md */
import type { Issue } from '../issues.ts'
import type { Direction } from '../model.ts'
import type { SeriesPoint } from './check-input.ts'
import { isHigh, pointType } from './point-type.ts'
import { runsAnalysis } from './runs-analysis.ts'
import { segmentBaseline } from './segment-baseline.ts'
import type { SeriesSegment } from './series-segments.ts'
import type { Segment, SpcPoint } from './types.ts'

/** MDC shows limits as final only from this many points (as for XmR). */
const FINAL_LIMITS_POINTS = 13

/** Centre line (drawn), the mean the limits are built around, limits and 2σ band, on the data's scale. */
export interface RareEventLimits {
  readonly centre: number
  readonly mean: number
  readonly upper: number
  readonly lower: number
  readonly upper2sigma: number
  readonly lower2sigma: number
}

/** A G or T chart segment: an XmR segment plus the mean the limits are built around. */
export interface RareEventSegment extends Segment {
  readonly mean: number
}

export interface AnalysedRareEventSegment {
  readonly segment: RareEventSegment
  readonly points: readonly SpcPoint[]
  readonly issues: readonly Issue[]
}

/**
 * Limits from the segment's baseline (`limitsOf`), every point tested against them (strictly; excluded
 * points too), point types from `direction`, and the Anhøj runs analysis of the points that are not
 * excluded against the centre line, which is the chart-level signal (as in the `qic` profile).
 */
export function rareEventSegment(
  { index, reason, points }: SeriesSegment,
  baselineSize: number | undefined,
  direction: Direction,
  limitsOf: (baseline: readonly number[]) => RareEventLimits,
): AnalysedRareEventSegment {
  const from = (points[0] as SeriesPoint).period
  const baseline = segmentBaseline(points, baselineSize, `Segment ${index + 1} (from ${from})`)
  const limits = limitsOf(baseline.values)
  const included = points.filter((point) => point.excluded === null).map((point) => point.value)
  const segment: RareEventSegment = {
    from,
    to: (points.at(-1) as SeriesPoint).period,
    reason,
    ...limits,
    baselinePoints: baseline.values.length,
    trialLimits: points.length < FINAL_LIMITS_POINTS,
    runs: runsAnalysis(included, limits.centre),
  }
  const chartPoints = points.map((point): SpcPoint => {
    const rule = point.value > limits.upper || point.value < limits.lower ? 'outside_limits' : null
    const { centre, upper, lower } = limits
    const type = pointType(rule, isHigh(point.value, centre, 0), direction)
    return { period: point.period, value: point.value, segment: index, centre, upper, lower, rule, type, excluded: point.excluded }
  })
  return { segment, points: chartPoints, issues: baseline.issues }
}
