import { describe, expect, it } from 'vitest'
import { averageMovingRange, mean, movingRanges } from './average-moving-range.ts'

// STATISTICS.md worked example (daily from 2021-03-22).
const DAILY = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

describe('movingRanges', () => {
  it('takes |y_i − y_(i−1)| for each consecutive pair', () => {
    expect(movingRanges(DAILY)).toEqual([1, 1, 1, 8, 9, ...Array(12).fill(1)])
    expect(movingRanges([5])).toEqual([])
  })
})

describe('averageMovingRange', () => {
  it('without screening is the plain mean of the 17 ranges: 32/17', () => {
    expect(averageMovingRange(DAILY, false)).toBeCloseTo(32 / 17, 14)
  })

  it('with screening drops the ranges 8 and 9 (≥ 3.267 × 32/17 ≈ 6.15), leaving AMR = 1', () => {
    expect(averageMovingRange(DAILY, true)).toBe(1)
  })

  it('screens strictly: a range exactly at 3.267·AMR is dropped', () => {
    // ranges 244, 244, 245, 3267: AMR = 1000 and 3.267 × 1000 = 3267 exactly in doubles
    const values = [0, 244, 0, 245, 3512]
    expect(movingRanges(values)).toEqual([244, 244, 245, 3267])
    expect(averageMovingRange(values, true)).toBeCloseTo(733 / 3, 12)
  })

  it('is 0 for fewer than two values, and for constant values under screening', () => {
    expect(averageMovingRange([], true)).toBe(0)
    expect(averageMovingRange([3], false)).toBe(0)
    expect(averageMovingRange([3, 3, 3], true)).toBe(0)
  })
})

describe('mean', () => {
  it('averages the values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5)
  })

  it('does not overflow for values near the largest double', () => {
    expect(mean([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE)
  })

  it('throws for no values', () => {
    expect(() => mean([])).toThrow('invalid values: []')
  })
})
