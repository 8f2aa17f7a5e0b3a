import { describe, expect, it } from 'vitest'
import { assuranceIcon } from './assurance-icon.ts'

const LAST = { upper: 10, lower: 4 }

describe('assuranceIcon (MDC)', () => {
  it.each([
    { target: 12, direction: 'increase', icon: 'fail' },
    { target: 12, direction: 'decrease', icon: 'pass' },
    { target: 2, direction: 'increase', icon: 'pass' },
    { target: 2, direction: 'decrease', icon: 'fail' },
    { target: 7, direction: 'increase', icon: 'hit_or_miss' },
    { target: 7, direction: 'decrease', icon: 'hit_or_miss' },
    { target: 10, direction: 'increase', icon: 'hit_or_miss' },
    { target: 4, direction: 'increase', icon: 'hit_or_miss' },
    { target: 10, direction: 'decrease', icon: 'hit_or_miss' },
    { target: 4, direction: 'decrease', icon: 'hit_or_miss' },
  ] as const)('target $target, direction $direction → $icon', ({ target, direction, icon }) => {
    expect(assuranceIcon(target, direction, LAST)).toBe(icon)
  })

  it('is null without a target, with a neutral direction or without points', () => {
    expect(assuranceIcon(null, 'increase', LAST)).toBeNull()
    expect(assuranceIcon(12, 'neutral', LAST)).toBeNull()
    expect(assuranceIcon(12, 'increase', undefined)).toBeNull()
  })
})
