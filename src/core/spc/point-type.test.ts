import { describe, expect, it } from 'vitest'
import { isHigh, pointType } from './point-type.ts'

describe('pointType', () => {
  it.each([
    { direction: 'increase', high: true, type: 'improvement' },
    { direction: 'increase', high: false, type: 'concern' },
    { direction: 'decrease', high: true, type: 'concern' },
    { direction: 'decrease', high: false, type: 'improvement' },
    { direction: 'neutral', high: true, type: 'neutral_high' },
    { direction: 'neutral', high: false, type: 'neutral_low' },
  ] as const)('a marked $high-high point with direction $direction is $type', ({ direction, high, type }) => {
    expect(pointType('shift', high, direction)).toBe(type)
  })

  it.each(['increase', 'decrease', 'neutral'] as const)('an unmarked point is common cause (%s)', (direction) => {
    expect(pointType(null, true, direction)).toBe('common_cause')
    expect(pointType(null, false, direction)).toBe('common_cause')
  })
})

describe('isHigh', () => {
  it('uses the side of the centre line without a trend', () => {
    expect(isHigh(2, 1, 0)).toBe(true)
    expect(isHigh(0, 1, 0)).toBe(false)
  })

  it('uses the direction of a trend, wherever the point lies', () => {
    expect(isHigh(0, 1, 1)).toBe(true)
    expect(isHigh(2, 1, -1)).toBe(false)
  })
})
