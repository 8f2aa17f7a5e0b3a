import { describe, expect, it } from 'vitest'
import { twoOfThreeRule } from './two-of-three-rule.ts'
import type { XmrLimits } from './xmr-limits.ts'

/** Limits with centre 0, near band at ±2 and limits at ±3. */
const LIMITS: XmrLimits = { centre: 0, upper: 3, lower: -3, upper2sigma: 2, lower2sigma: -2, averageMovingRange: 1 }

describe('twoOfThreeRule', () => {
  it.each([
    { name: 'two of three in the upper band', values: [1, 2.5, 0.5, 2.5, 1], mdc: [false, true, false, true, false] },
    { name: 'two of three in the lower band', values: [-2.5, -2.1, -1], mdc: [true, true, false] },
    { name: 'only one in the band', values: [1, 2.5, 1, 1, 2.5], mdc: [false, false, false, false, false] },
    { name: 'a point on the far side of the mean', values: [2.5, -0.5, 2.5], mdc: [false, false, false] },
    { name: 'a point exactly on the mean', values: [2.5, 0, 2.5], mdc: [false, false, false] },
    { name: 'exactly on the near band is not in it', values: [2, 2, 1], mdc: [false, false, false] },
    { name: 'exactly on the limit is in the band', values: [3, 2.5, 1], mdc: [true, true, false] },
    { name: 'opposite bands', values: [2.5, -2.5, 2.5], mdc: [false, false, false] },
  ])('$name', ({ values, mdc }) => {
    expect(twoOfThreeRule(values, LIMITS, false)).toEqual(mdc)
  })

  it('mdc counts only points between 2σ and 3σ; mdc2023 counts those beyond the limits too', () => {
    const values = [1, 2.5, 3.5]
    expect(twoOfThreeRule(values, LIMITS, false)).toEqual([false, false, false])
    expect(twoOfThreeRule(values, LIMITS, true)).toEqual([false, true, true])
  })
})
