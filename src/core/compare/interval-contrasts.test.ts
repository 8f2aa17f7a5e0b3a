import { describe, expect, it } from 'vitest'
import { proportionDifference, proportionRatio, rateDifference, rateRatio } from './interval-contrasts.ts'

// Newcombe RG. Interval estimation for the difference between independent proportions:
// comparison of eleven methods. Stat Med 1998;17:873–890, table II, method 10 (hybrid score
// interval from Wilson intervals without continuity correction), printed to 4 decimals.
describe('proportionDifference, Newcombe 1998 table II (method 10)', () => {
  it.each([
    { a: [56, 70], b: [48, 80], lower: 0.0524, upper: 0.3339 },
    { a: [9, 10], b: [3, 10], lower: 0.1705, upper: 0.809 },
    { a: [6, 7], b: [2, 7], lower: 0.0582, upper: 0.8062 },
    { a: [5, 56], b: [0, 29], lower: -0.0381, upper: 0.1926 },
    { a: [0, 10], b: [0, 20], lower: -0.1611, upper: 0.2775 },
    { a: [10, 10], b: [0, 20], lower: 0.6791, upper: 1 },
  ] as const)('$a − $b → ($lower, $upper)', ({ a, b, lower, upper }) => {
    const d = proportionDifference({ numerator: a[0], denominator: a[1] }, { numerator: b[0], denominator: b[1] })
    expect(d.estimate).toBeCloseTo(a[0] / a[1] - b[0] / b[1], 14)
    expect(d.lower).toBeCloseTo(lower, 4)
    expect(d.upper).toBeCloseTo(upper, 4)
  })
})

// Hand-checkable log-method examples (docs/methods/group-differences.md).
describe('ratios by the log method', () => {
  it('rate ratio 20/1000 vs 10/1000: 2, SE(log) = √(1/20 + 1/10)', () => {
    const r = rateRatio({ numerator: 20, denominator: 1000 }, { numerator: 10, denominator: 1000 })
    const se = Math.sqrt(0.15)
    expect(r?.estimate).toBeCloseTo(2, 14)
    expect(r?.lower).toBeCloseTo(2 * Math.exp(-1.959963984540054 * se), 12)
    expect(r?.upper).toBeCloseTo(2 * Math.exp(1.959963984540054 * se), 12)
    expect(r?.lower).toBeCloseTo(0.9362, 4)
    expect(r?.upper).toBeCloseTo(4.2727, 4)
  })

  it('risk ratio 30/100 vs 15/100: 2, SE(log) = √(1/30 − 1/100 + 1/15 − 1/100)', () => {
    const r = proportionRatio({ numerator: 30, denominator: 100 }, { numerator: 15, denominator: 100 })
    const se = Math.sqrt(1 / 30 - 1 / 100 + 1 / 15 - 1 / 100)
    expect(r?.estimate).toBeCloseTo(2, 14)
    expect(r?.lower).toBeCloseTo(2 * Math.exp(-1.959963984540054 * se), 12)
    expect(r?.upper).toBeCloseTo(2 * Math.exp(1.959963984540054 * se), 12)
  })

  it('is undefined when either numerator is zero', () => {
    expect(rateRatio({ numerator: 0, denominator: 10 }, { numerator: 3, denominator: 10 })).toBeUndefined()
    expect(proportionRatio({ numerator: 3, denominator: 10 }, { numerator: 0, denominator: 10 })).toBeUndefined()
  })
})

describe('rateDifference (Wald)', () => {
  it('20/1000 − 10/1000 = 0.01 ± 1.96 × √(20/1000² + 10/1000²)', () => {
    const d = rateDifference({ numerator: 20, denominator: 1000 }, { numerator: 10, denominator: 1000 })
    const se = Math.sqrt(30) / 1000
    expect(d.estimate).toBeCloseTo(0.01, 15)
    expect(d.lower).toBeCloseTo(0.01 - 1.959963984540054 * se, 14)
    expect(d.upper).toBeCloseTo(0.01 + 1.959963984540054 * se, 14)
  })
})
