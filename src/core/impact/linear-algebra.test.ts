import { describe, expect, it } from 'vitest'
import { invert, multiply, quadraticForm, weightedCrossProduct, weightedCrossVector } from './linear-algebra.ts'
import { durbinWatson, lag1Autocorrelation } from './residual-diagnostics.ts'

describe('linear algebra', () => {
  it('inverts a 2 × 2 matrix by hand: [[4, 7], [2, 6]]⁻¹ = [[0.6, −0.7], [−0.2, 0.4]]', () => {
    const inverse = invert([[4, 7], [2, 6]])
    expect(inverse[0]?.[0]).toBeCloseTo(0.6, 14)
    expect(inverse[0]?.[1]).toBeCloseTo(-0.7, 14)
    expect(inverse[1]?.[0]).toBeCloseTo(-0.2, 14)
    expect(inverse[1]?.[1]).toBeCloseTo(0.4, 14)
    expect(multiply([[4, 7], [2, 6]], inverse).flat().map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 0, 0, 1])
  })

  it('needs a pivot swap for [[0, 1], [1, 0]]', () => {
    expect(invert([[0, 1], [1, 0]])).toEqual([[0, 1], [1, 0]])
  })

  it('throws on a singular matrix', () => {
    expect(() => invert([[1, 2], [2, 4]])).toThrow('singular matrix')
  })

  it('weighted cross products and quadratic forms', () => {
    const x = [[1, 1], [1, 2], [1, 3]]
    expect(weightedCrossProduct(x)).toEqual([[3, 6], [6, 14]])
    expect(weightedCrossProduct(x, [1, 2, 3])).toEqual([[6, 14], [14, 36]])
    expect(weightedCrossVector(x, [1, 1, 1], [1, 0, 1])).toEqual([2, 4])
    expect(quadraticForm([[2, 1], [1, 3]], [1, 2])).toBe(2 + 4 + 12)
  })
})

describe('residual diagnostics', () => {
  it('residuals 1, −1, 1, −1: DW = 12/4 = 3, lag-1 autocorrelation −3/4', () => {
    expect(durbinWatson([1, -1, 1, -1])).toBe(3)
    expect(lag1Autocorrelation([1, -1, 1, -1])).toBe(-0.75)
  })

  it('all-zero residuals give DW 2 and autocorrelation 0, not NaN', () => {
    expect(durbinWatson([0, 0, 0])).toBe(2)
    expect(lag1Autocorrelation([0, 0, 0])).toBe(0)
  })
})
