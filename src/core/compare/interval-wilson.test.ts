import { describe, expect, it } from 'vitest'
import { wilsonInterval } from './interval-wilson.ts'

// Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
// methods. Stat Med 1998;17:857–872, table I, method 3 (Wilson score without continuity
// correction), printed to 4 decimals.
describe('wilsonInterval, Newcombe 1998 table I (method 3)', () => {
  it.each([
    { x: 81, n: 263, lower: 0.2553, upper: 0.3662 },
    { x: 15, n: 148, lower: 0.0624, upper: 0.1605 },
    { x: 0, n: 20, lower: 0, upper: 0.1611 },
    { x: 1, n: 29, lower: 0.0061, upper: 0.1718 },
    { x: 29, n: 29, lower: 0.883, upper: 1 },
  ])('$x / $n → ($lower, $upper)', ({ x, n, lower, upper }) => {
    const interval = wilsonInterval(x, n)
    expect(interval.estimate).toBe(x / n)
    expect(interval.lower).toBeCloseTo(lower, 4)
    expect(interval.upper).toBeCloseTo(upper, 4)
  })

  it('a 99% interval is wider than the 95% one', () => {
    const i95 = wilsonInterval(15, 148)
    const i99 = wilsonInterval(15, 148, 0.99)
    expect(i99.lower).toBeLessThan(i95.lower)
    expect(i99.upper).toBeGreaterThan(i95.upper)
  })

  it('throws on impossible counts and levels, quoting the value', () => {
    expect(() => wilsonInterval(5, 4)).toThrow('invalid proportion: 5 / 4')
    expect(() => wilsonInterval(1, 0)).toThrow('invalid proportion: 1 / 0')
    expect(() => wilsonInterval(1, 4, 95)).toThrow('invalid level: 95 (expected 0 < level < 1)')
  })
})
