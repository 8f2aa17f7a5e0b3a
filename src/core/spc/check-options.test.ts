import { describe, expect, it } from 'vitest'
import { checkOptions } from './check-options.ts'
import type { XmrOptions } from './types.ts'

describe('checkOptions', () => {
  it.each([
    { options: { baseline: 5 }, message: 'invalid baseline: 5 (expected at least 12 points)' },
    { options: { baseline: 11 }, message: 'invalid baseline: 11 (expected at least 12 points)' },
    { options: { baseline: 12.5 }, message: 'invalid baseline: 12.5' },
    { options: { ruleLength: 1 }, message: 'invalid ruleLength: 1' },
    { options: { target: Number.NaN }, message: 'invalid target: NaN' },
    { options: { profile: 'spc' as unknown as 'mdc' }, message: 'invalid profile: "spc" (expected one of mdc, mdc_excel, mdc2023, qic)' },
    { options: { direction: 'up' as unknown as 'increase' }, message: 'invalid direction: "up"' },
    { options: { interval: 'year' as unknown as 'month' }, message: 'invalid interval: "year"' },
  ])('throws "$message"', ({ options, message }) => {
    expect(() => checkOptions(options as XmrOptions)).toThrow(message)
  })

  it('accepts a baseline of 12, a rule length of 6 and a null target', () => {
    expect(() => checkOptions({ baseline: 12, ruleLength: 6, target: null, profile: 'qic', direction: 'neutral', interval: 'week' })).not.toThrow()
  })
})
