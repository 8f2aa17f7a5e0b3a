import { describe, expect, it } from 'vitest'
import { compareSize } from './size-comparison.ts'

const estimate = (lower: number, upper: number) => ({ estimate: (lower + upper) / 2, se: 1, lower, upper, p: 0.01 })

describe('compareSize', () => {
  it.each([
    ['an interval wholly below the expected increase', 0.05, 'increase', estimate(0.01, 0.04), 'smaller'],
    ['an interval holding the expected increase', 0.05, 'increase', estimate(0.01, 0.06), 'consistent'],
    ['an interval wholly above the expected increase', 0.05, 'increase', estimate(0.06, 0.09), 'larger'],
    ['a fall of 2 to 4 when 5 was expected', 5, 'decrease', estimate(-4, -2), 'smaller'],
    ['a fall of 6 to 9 when 5 was expected', 5, 'decrease', estimate(-9, -6), 'larger'],
    ['a change the wrong way', 5, 'decrease', estimate(1, 3), 'smaller'],
  ] as const)('%s', (_, expected, direction, level, comparison) => {
    expect(compareSize(expected, direction, level)).toBe(comparison)
  })

  it('throws on a size that is not above 0', () => {
    expect(() => compareSize(0, 'increase', estimate(0, 1))).toThrow('invalid expectedSize: 0')
  })
})
