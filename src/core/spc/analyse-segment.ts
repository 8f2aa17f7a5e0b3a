/** Centre line, limits, rules, point types and runs analysis of one segment. @see docs/methods/xmr.md */
import type { Issue } from '../issues.ts'
import type { Direction } from '../model.ts'
import { applyRules, type RuleMark } from './apply-rules.ts'
import type { SeriesPoint } from './check-input.ts'
import { isHigh, pointType } from './point-type.ts'
import { profileSettings } from './profile-settings.ts'
import { runsAnalysis } from './runs-analysis.ts'
import { segmentBaseline } from './segment-baseline.ts'
import type { Profile, Segment, SpcPoint } from './types.ts'
import { xmrLimits, type XmrLimits } from './xmr-limits.ts'

/** MDC shows limits as final only from this many points. */
const FINAL_LIMITS_POINTS = 13

export interface SegmentSettings {
  readonly profile: Profile
  readonly direction: Direction
  /** Number of baseline points (undefined: all points). */
  readonly baseline: number | undefined
  readonly ruleLength: number
}

export interface AnalysedSegment {
  readonly segment: Segment
  readonly points: readonly SpcPoint[]
  readonly issues: readonly Issue[]
}

/** Analyse the points of segment `index` (0-based; at least one point, sorted by period). */
export function analyseSegment(
  points: readonly SeriesPoint[],
  index: number,
  reason: string | null,
  settings: SegmentSettings,
): AnalysedSegment {
  const from = (points[0] as SeriesPoint).period
  const profile = profileSettings(settings.profile)
  const baseline = segmentBaseline(points, settings.baseline, `Segment ${index + 1} (from ${from})`)
  const limits = xmrLimits(baseline.values, profile)
  const rulePoints = points.map((point) => ({ value: point.value, excluded: point.excluded !== null }))
  const marks = applyRules(rulePoints, limits, profile, settings.ruleLength)
  const included = points.filter((point) => point.excluded === null).map((point) => point.value)
  const segment: Segment = {
    from,
    to: (points.at(-1) as SeriesPoint).period,
    reason,
    centre: limits.centre,
    upper: limits.upper,
    lower: limits.lower,
    upper2sigma: limits.upper2sigma,
    lower2sigma: limits.lower2sigma,
    baselinePoints: baseline.values.length,
    trialLimits: points.length < FINAL_LIMITS_POINTS,
    runs: runsAnalysis(included, limits.centre),
  }
  const spcPoints = points.map((point, i) => toSpcPoint(point, index, limits, marks[i], settings.direction))
  return { segment, points: spcPoints, issues: baseline.issues }
}

function toSpcPoint(
  point: SeriesPoint,
  segment: number,
  limits: XmrLimits,
  mark: RuleMark | undefined,
  direction: Direction,
): SpcPoint {
  const rule = mark?.rule ?? null
  const high = isHigh(point.value, limits.centre, mark?.trend ?? 0)
  return {
    period: point.period,
    value: point.value,
    segment,
    centre: limits.centre,
    upper: limits.upper,
    lower: limits.lower,
    rule,
    type: pointType(rule, high, direction),
    excluded: point.excluded,
  }
}
