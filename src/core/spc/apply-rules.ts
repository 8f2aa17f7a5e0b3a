/** The four rules, with their precedence, over the points of one segment. @see docs/methods/xmr.md */
import type { ProfileSettings } from './profile-settings.ts'
import { shiftRule } from './shift-rule.ts'
import { trendRule, type TrendDirection } from './trend-rule.ts'
import { twoOfThreeRule } from './two-of-three-rule.ts'
import type { Rule } from './types.ts'
import type { XmrLimits } from './xmr-limits.ts'

export interface RuleMark {
  /** The first rule that marks the point, in the order outside limits, trend, two of three, shift. */
  readonly rule: Rule | null
  /** Direction of the trend when `rule` is `trend`, else 0. */
  readonly trend: TrendDirection
}

export interface RulePoint {
  readonly value: number
  readonly excluded: boolean
}

/**
 * Mark each point with the first rule that matches. Every point is tested against the limits;
 * excluded points take no part in the trend, two-of-three and shift rules (they neither break nor
 * extend a run). Profiles with `rules: 'outside_limits'` apply the first rule only.
 */
export function applyRules(
  points: readonly RulePoint[],
  limits: XmrLimits,
  settings: ProfileSettings,
  ruleLength: number,
): RuleMark[] {
  const included = points.flatMap((point, i) => (point.excluded ? [] : [i]))
  const values = included.map((i) => (points[i] as RulePoint).value)
  const all = settings.rules === 'all'
  const trend = all ? trendRule(values, ruleLength) : values.map((): TrendDirection => 0)
  const twoOfThree = all ? twoOfThreeRule(values, limits, settings.twoOfThreeBeyondLimits) : []
  const shift = all ? shiftRule(values, limits.centre, ruleLength) : []
  const position = new Map(included.map((pointIndex, k) => [pointIndex, k]))
  return points.map((point, i) => {
    if (point.value > limits.upper || point.value < limits.lower) return { rule: 'outside_limits', trend: 0 }
    const k = position.get(i)
    if (k === undefined) return { rule: null, trend: 0 }
    const direction = trend[k] ?? 0
    if (direction !== 0) return { rule: 'trend', trend: direction }
    if (twoOfThree[k] === true) return { rule: 'two_of_three', trend: 0 }
    return { rule: shift[k] === true ? 'shift' : null, trend: 0 }
  })
}
