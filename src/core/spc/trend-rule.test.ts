import { describe, expect, it } from 'vitest'
import { trendRule } from './trend-rule.ts'

describe('trendRule (MDC: 7 points each strictly higher, or lower, than the one before)', () => {
  it('marks every point of an increasing run of 7', () => {
    expect(trendRule([5, 1, 2, 3, 4, 5, 6, 7, 0], 7)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 0])
  })

  it('marks a decreasing run of 7 with −1', () => {
    expect(trendRule([7, 6, 5, 4, 3, 2, 1], 7)).toEqual([-1, -1, -1, -1, -1, -1, -1])
  })

  it('does not mark a run of 6', () => {
    expect(trendRule([1, 2, 3, 4, 5, 6], 7)).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('an equal value breaks the trend', () => {
    expect(trendRule([1, 2, 3, 4, 4, 5, 6, 7], 7)).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
  })

  it('marks longer runs entirely', () => {
    expect(trendRule([1, 2, 3, 4, 5, 6, 7, 8, 9], 7)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1])
  })

  it('honours a rule length of 6 (allowed by the MDC Excel tool)', () => {
    expect(trendRule([1, 2, 3, 4, 5, 6], 6)).toEqual([1, 1, 1, 1, 1, 1])
  })

  it('a turning point between two trends keeps the direction of the earlier trend', () => {
    const marks = trendRule([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1], 7)
    expect(marks).toEqual([1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1])
  })

  it('marks nothing in fewer points than the rule length', () => {
    expect(trendRule([], 7)).toEqual([])
    expect(trendRule([1], 7)).toEqual([0])
  })
})
