import { describe, expect, it } from 'vitest'
import { quantileType7 } from './quantile-type7.ts'

describe('quantileType7', () => {
  // Reference: R `quantile(c(3, 1, 4, 1, 5, 9, 2, 6), p)` (type 7, the default); numpy.quantile agrees.
  it.each([
    [0, 1],
    [0.1, 1],
    [0.25, 1.75],
    [0.5, 3.5],
    [0.9, 6.9],
    [1, 9],
  ])('p = %d → %d', (p, expected) => {
    expect(quantileType7([3, 1, 4, 1, 5, 9, 2, 6], p)).toBeCloseTo(expected, 14)
  })

  it('one value is every quantile', () => {
    expect(quantileType7([7], 0.1)).toBe(7)
  })

  it('throws on no values or an impossible probability', () => {
    expect(() => quantileType7([], 0.5)).toThrow('quantile of no values')
    expect(() => quantileType7([1], 1.5)).toThrow('invalid probability: 1.5')
  })
})
