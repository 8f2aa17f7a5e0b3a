import { describe, expect, it } from 'vitest'
import { addDays } from '../period.ts'
import type { SpcPoint } from '../spc/types.ts'
import { lonePoint, postChangeSignals, sustainedSignals } from './post-change-signals.ts'

/** Daily points from 2025-09-01 against a frozen centre of 50 and limits 42 to 58. */
function points(values: readonly number[]): SpcPoint[] {
  return values.map((value, i) => ({ period: addDays('2025-09-01', i), value, segment: 0, centre: 50, upper: 58, lower: 42, rule: null, type: 'common_cause', excluded: null }))
}
const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => addDays('2025-09-01', from + i))

describe('postChangeSignals', () => {
  it('finds a shift of 7 on one side, not of 6, and a point on the centre breaks it', () => {
    expect(postChangeSignals(points([51, 52, 51, 52, 51, 52, 51, 49]), 7)).toEqual([{ kind: 'shift', direction: 'increase', periods: days(0, 6) }])
    expect(postChangeSignals(points([51, 52, 51, 52, 51, 52, 49]), 7)).toEqual([])
    expect(postChangeSignals(points([49, 48, 49, 50, 49, 48, 49, 48]), 7)).toEqual([])
  })

  it('finds a trend of 7 points each lower than the one before; an equal value breaks it', () => {
    expect(postChangeSignals(points([57, 56, 55, 54, 53, 52, 51]), 7)).toEqual([
      { kind: 'shift', direction: 'increase', periods: days(0, 6) },
      { kind: 'trend', direction: 'decrease', periods: days(0, 6) },
    ])
    expect(postChangeSignals(points([55, 53, 51, 49, 49, 47, 45, 43]), 7)).toEqual([])
  })

  it('gathers the points beyond each limit, strictly', () => {
    const signals = postChangeSignals(points([59, 50, 58, 41, 50, 60]), 7)
    expect(signals).toEqual([
      { kind: 'outside_limits', direction: 'increase', periods: [days(0, 0)[0], days(5, 5)[0]] },
      { kind: 'outside_limits', direction: 'decrease', periods: days(3, 3) },
    ])
    expect(sustainedSignals(signals, 'increase')).toHaveLength(1)
    expect(sustainedSignals(signals, 'decrease')).toEqual([])
    expect(lonePoint(signals, 'decrease')).toEqual(signals[1])
  })

  it('follows the rule length', () => {
    expect(postChangeSignals(points([51, 52, 51, 52, 51, 52]), 6)).toHaveLength(1)
  })
})
