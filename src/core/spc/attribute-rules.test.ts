import { describe, expect, it } from 'vitest'
import { applyAttributeRules, type AttributeRulePoint } from './attribute-rules.ts'
import { profileSettings } from './profile-settings.ts'

/** Centre 0.5 with σ_i given per point: limits 0.5 ± 3σ_i. */
function point(value: number, sigma: number, excluded = false): AttributeRulePoint {
  return { value, z: (value - 0.5) / sigma, upper: 0.5 + 3 * sigma, lower: 0.5 - 3 * sigma, excluded }
}

describe('applyAttributeRules', () => {
  it('tests each point against its own limits (strictly)', () => {
    const marks = applyAttributeRules([point(0.8, 0.1), point(0.8, 0.05), point(0.65, 0.05, true)], profileSettings('mdc'), 7)
    expect(marks.map((m) => m.rule)).toEqual([null, 'outside_limits', null])
  })

  it('two of three uses each point’s own 2σ band', () => {
    // z = 2.5, 1, 2.5: two of three beyond 2σ on the same side, although the values fall.
    const marks = applyAttributeRules([point(0.75, 0.1), point(0.6, 0.1), point(0.625, 0.05)], profileSettings('mdc'), 7)
    expect(marks.map((m) => m.rule)).toEqual(['two_of_three', null, 'two_of_three'])
  })

  it('trend looks at the values, not the z-scores', () => {
    const values = [0.51, 0.52, 0.53, 0.54, 0.55, 0.56, 0.57]
    const marks = applyAttributeRules(values.map((v, i) => point(v, 0.5 - i * 0.05)), profileSettings('mdc'), 7)
    expect(marks.every((m) => m.rule === 'trend' && m.trend === 1)).toBe(true)
  })

  it('the qic profile flags only points outside the limits', () => {
    const values = [0.51, 0.52, 0.53, 0.54, 0.55, 0.56, 0.57]
    const marks = applyAttributeRules(values.map((v) => point(v, 0.01)), profileSettings('qic'), 7)
    // Upper limit 0.53: 0.53 itself is inside; no trend or shift under qic.
    expect(marks.map((m) => m.rule)).toEqual([null, null, null, 'outside_limits', 'outside_limits', 'outside_limits', 'outside_limits'])
  })
})
