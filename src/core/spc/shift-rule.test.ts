import { describe, expect, it } from 'vitest'
import { shiftRule } from './shift-rule.ts'

describe('shiftRule (MDC: 7 or more consecutive points on one side of the mean)', () => {
  it('marks 7 points above the mean', () => {
    expect(shiftRule([-1, 1, 2, 1, 2, 1, 2, 1, -1], 0, 7)).toEqual([false, true, true, true, true, true, true, true, false])
  })

  it('marks 7 points below the mean', () => {
    expect(shiftRule([-1, -2, -1, -2, -1, -2, -1], 0, 7)).toEqual(Array(7).fill(true))
  })

  it('does not mark 6 points', () => {
    expect(shiftRule([1, 1, 1, 1, 1, 1, -1], 0, 7)).toEqual(Array(7).fill(false))
  })

  it('a point exactly on the mean breaks the run', () => {
    expect(shiftRule([1, 1, 1, 0, 1, 1, 1, 1], 0, 7)).toEqual(Array(8).fill(false))
  })

  it('honours the rule length', () => {
    expect(shiftRule([1, 1, 1, 1, 1, 1], 0, 6)).toEqual(Array(6).fill(true))
  })
})
