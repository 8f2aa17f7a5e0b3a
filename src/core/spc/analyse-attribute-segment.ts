/** Centre line, per-point limits, rules, point types and runs analysis of one attribute segment. @see docs/methods/attribute-charts.md */
import type { Issue } from '../issues.ts'
import type { RuleMark } from './apply-rules.ts'
import type { AttributeSeriesPoint } from './attribute-input.ts'
import { attributeLimits, type PointLimits } from './attribute-limits.ts'
import { applyAttributeRules } from './attribute-rules.ts'
import type { AttributeChartKind, AttributePoint, AttributeSegment } from './attribute-types.ts'
import type { SegmentSettings } from './analyse-segment.ts'
import { isHigh, pointType } from './point-type.ts'
import { profileSettings } from './profile-settings.ts'
import { runsAnalysis } from './runs-analysis.ts'
import { segmentBaseline } from './segment-baseline.ts'

/** MDC shows limits as final only from this many points (as for XmR). */
const FINAL_LIMITS_POINTS = 13

export interface AttributeSegmentSettings extends SegmentSettings {
  readonly kind: AttributeChartKind
  readonly multiplier: number
}

export interface AnalysedAttributeSegment {
  readonly segment: AttributeSegment
  readonly points: readonly AttributePoint[]
  readonly issues: readonly Issue[]
}

/** Analyse the points of segment `index` (0-based; at least one point, sorted by period). */
export function analyseAttributeSegment(
  points: readonly AttributeSeriesPoint[],
  index: number,
  reason: string | null,
  settings: AttributeSegmentSettings,
): AnalysedAttributeSegment {
  const from = (points[0] as AttributeSeriesPoint).period
  const profile = profileSettings(settings.profile)
  // segmentBaseline picks by position: give it each point's index as its value to learn which points.
  const indexed = points.map((point, i) => ({ period: point.period, value: i, excluded: point.excluded }))
  const baseline = segmentBaseline(indexed, settings.baseline, `Segment ${index + 1} (from ${from})`)
  const limits = attributeLimits(settings.kind, baseline.values.map((i) => points[i] as AttributeSeriesPoint), points, profile.screening)
  const m = settings.multiplier
  const scaled = points.map((point, i) => scale(point, limits.points[i] as PointLimits, m))
  const marks = applyAttributeRules(scaled.map((s, i) => ({ ...s, excluded: (points[i] as AttributeSeriesPoint).excluded !== null })), profile, settings.ruleLength)
  const centre = limits.centre * m
  const included = scaled.filter((_, i) => (points[i] as AttributeSeriesPoint).excluded === null).map((s) => s.value)
  const segment: AttributeSegment = {
    from,
    to: (points.at(-1) as AttributeSeriesPoint).period,
    reason,
    centre,
    sigmaZ: limits.sigmaZ,
    baselinePoints: baseline.values.length,
    trialLimits: points.length < FINAL_LIMITS_POINTS,
    runs: runsAnalysis(included, centre),
  }
  const attributePoints = points.map((point, i): AttributePoint => {
    const mark: RuleMark | undefined = marks[i]
    const rule = mark?.rule ?? null
    const s = scaled[i] as ScaledPoint
    const type = pointType(rule, isHigh(s.value, centre, mark?.trend ?? 0), settings.direction)
    return { period: point.period, value: s.value, segment: index, centre, upper: s.upper, lower: s.lower, rule, type, excluded: point.excluded,
      numerator: point.numerator, denominator: point.denominator, sigma: s.sigma, upper2sigma: s.upper2sigma, lower2sigma: s.lower2sigma }
  })
  return { segment, points: attributePoints, issues: baseline.issues }
}

interface ScaledPoint extends PointLimits {
  readonly value: number
}

/** The point's value and limits times the multiplier (z is unchanged). */
function scale(point: AttributeSeriesPoint, limits: PointLimits, m: number): ScaledPoint {
  return {
    value: (point.numerator / point.denominator) * m,
    z: limits.z,
    sigma: limits.sigma * m,
    upper: limits.upper * m,
    lower: limits.lower * m,
    upper2sigma: limits.upper2sigma * m,
    lower2sigma: limits.lower2sigma * m,
  }
}
