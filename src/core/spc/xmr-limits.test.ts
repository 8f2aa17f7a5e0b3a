import { describe, expect, it } from 'vitest'
import { profileSettings } from './profile-settings.ts'
import { PROFILES } from './types.ts'
import { xmrLimits } from './xmr-limits.ts'

// Values with moving ranges 2, 2, 2 (none screened out): mean 3, AMR 2.
const VALUES = [2, 4, 2, 4]

describe('xmrLimits per profile', () => {
  it.each([
    { profile: 'mdc', width: 2.66 * 2, near: (2 / 3) * 2.66 * 2 },
    { profile: 'mdc_excel', width: 2.66 * 2, near: (2 / 3) * 2.66 * 2 },
    { profile: 'mdc2023', width: 2.66 * 2, near: (2 / 3) * 2.66 * 2 },
    { profile: 'qic', width: (3 * 2) / 1.128, near: (2 * 2) / 1.128 },
  ] as const)('$profile: mean ± $width, near band ± $near', ({ profile, width, near }) => {
    const limits = xmrLimits(VALUES, profileSettings(profile))
    expect(limits.centre).toBe(3)
    expect(limits.averageMovingRange).toBe(2)
    expect(limits.upper).toBeCloseTo(3 + width, 12)
    expect(limits.lower).toBeCloseTo(3 - width, 12)
    expect(limits.upper2sigma).toBeCloseTo(3 + near, 12)
    expect(limits.lower2sigma).toBeCloseTo(3 - near, 12)
  })

  it('screening is on for every profile but mdc_excel', () => {
    expect(PROFILES.filter((p) => !profileSettings(p).screening)).toEqual(['mdc_excel'])
  })

  it('one value gives limits equal to the centre line, with no NaN', () => {
    expect(xmrLimits([5], profileSettings('mdc'))).toEqual({ centre: 5, upper: 5, lower: 5, upper2sigma: 5, lower2sigma: 5, averageMovingRange: 0 })
  })
})
