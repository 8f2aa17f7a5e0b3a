/** The four rules over an attribute chart segment, each point against its own limits. @see docs/methods/attribute-charts.md */
import type { RuleMark } from './apply-rules.ts'
import type { ProfileSettings } from './profile-settings.ts'
import { shiftRule } from './shift-rule.ts'
import { trendRule, type TrendDirection } from './trend-rule.ts'
import { twoOfThreeRule } from './two-of-three-rule.ts'
import type { XmrLimits } from './xmr-limits.ts'

export interface AttributeRulePoint {
  readonly value: number
  /** (value − centre)/σ_i: the point on a chart whose limits are ±3 for every point. */
  readonly z: number
  readonly upper: number
  readonly lower: number
  readonly excluded: boolean
}

/** Limits of the z-scores: every point's 3σ limits and 2σ band in one. */
const Z_LIMITS: XmrLimits = { centre: 0, upper: 3, lower: -3, upper2sigma: 2, lower2sigma: -2, averageMovingRange: 0 }

/**
 * Mark each point with the first rule that matches, as `applyRules` does for XmR. Outside limits
 * compares the value with its own limits (strictly); trend looks at the values; two of three and
 * shift look at the z-scores, where every point's band is 2 to 3 and the centre is 0 (the same
 * tests as against each point's own band; truncation at 0 or 1 cannot change them, since no
 * proportion or rate lies beyond it). Excluded points take no part in the run rules.
 */
export function applyAttributeRules(points: readonly AttributeRulePoint[], settings: ProfileSettings, ruleLength: number): RuleMark[] {
  const included = points.flatMap((point, i) => (point.excluded ? [] : [i]))
  const kept = included.map((i) => points[i] as AttributeRulePoint)
  const all = settings.rules === 'all'
  const trend = all ? trendRule(kept.map((point) => point.value), ruleLength) : []
  const z = kept.map((point) => point.z)
  const twoOfThree = all ? twoOfThreeRule(z, Z_LIMITS, settings.twoOfThreeBeyondLimits) : []
  const shift = all ? shiftRule(z, 0, ruleLength) : []
  const position = new Map(included.map((pointIndex, k) => [pointIndex, k]))
  return points.map((point, i) => {
    if (point.value > point.upper || point.value < point.lower) return { rule: 'outside_limits', trend: 0 }
    const k = position.get(i)
    if (k === undefined) return { rule: null, trend: 0 }
    const direction: TrendDirection = trend[k] ?? 0
    if (direction !== 0) return { rule: 'trend', trend: direction }
    if (twoOfThree[k] === true) return { rule: 'two_of_three', trend: 0 }
    return { rule: shift[k] === true ? 'shift' : null, trend: 0 }
  })
}
