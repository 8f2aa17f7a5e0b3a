import { describe, expect, it } from 'vitest'
import { applyRules, type RulePoint } from './apply-rules.ts'
import { profileSettings } from './profile-settings.ts'
import type { XmrLimits } from './xmr-limits.ts'

/** Limits with centre 0, near band at ±2 and limits at ±3. */
const LIMITS: XmrLimits = { centre: 0, upper: 3, lower: -3, upper2sigma: 2, lower2sigma: -2, averageMovingRange: 1 }

function points(values: readonly number[], excluded: readonly number[] = []): RulePoint[] {
  return values.map((value, i) => ({ value, excluded: excluded.includes(i) }))
}

function rules(values: readonly number[], profile: 'mdc' | 'mdc2023' | 'qic' = 'mdc', excluded: readonly number[] = []) {
  return applyRules(points(values, excluded), LIMITS, profileSettings(profile), 7).map((mark) => mark.rule)
}

describe('applyRules: precedence outside limits > trend > two of three > shift', () => {
  it('a point outside the limits is outside_limits even at the end of a trend', () => {
    expect(rules([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 3.5])).toEqual([...Array(6).fill('trend'), 'outside_limits'])
  })

  it('below the lower limit is outside too; exactly on a limit is inside', () => {
    expect(rules([-3.01, 3, -3, 0.5])).toEqual(['outside_limits', null, null, null])
  })

  it('trend wins over shift', () => {
    expect(rules([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.5])).toEqual([...Array(7).fill('trend'), 'shift'])
  })

  it('two of three wins over shift', () => {
    expect(rules([0.5, 0.5, 0.5, 0.5, 0.5, 2.5, 2.5])).toEqual([...Array(5).fill('shift'), 'two_of_three', 'two_of_three'])
  })

  it('under mdc2023 the companion of a point beyond the limit is two_of_three', () => {
    expect(rules([-1, 1, 2.5, 3.5, -1], 'mdc')).toEqual([null, null, null, 'outside_limits', null])
    expect(rules([-1, 1, 2.5, 3.5, -1], 'mdc2023')).toEqual([null, null, 'two_of_three', 'outside_limits', null])
  })

  it('qic flags points only for being outside the limits', () => {
    expect(rules([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 2.5, 2.5, 4], 'qic')).toEqual([...Array(9).fill(null), 'outside_limits'])
  })

  it('returns the direction of the trend with the trend rule', () => {
    const marks = applyRules(points([2.9, 2.5, 2, 1.5, 1, 0.5, 0]), LIMITS, profileSettings('mdc'), 7)
    expect(marks.map((m) => m.trend)).toEqual(Array(7).fill(-1))
  })
})

describe('applyRules: excluded points', () => {
  it('an excluded point outside the limits is still flagged', () => {
    expect(rules([0, 5, 0], 'mdc', [1])).toEqual([null, 'outside_limits', null])
  })

  it('an excluded point neither breaks a shift nor is marked by it', () => {
    expect(rules([1, 1, 1, -1, 1, 1, 1, 1], 'mdc', [3])).toEqual([1, 1, 1, null, 1, 1, 1, 1].map((x) => (x === null ? null : 'shift')))
  })

  it('an excluded point does not extend a shift', () => {
    expect(rules([1, 1, 1, 1, 1, 1, 1], 'mdc', [6])).toEqual(Array(7).fill(null))
  })
})
