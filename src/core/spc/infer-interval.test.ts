import { describe, expect, it } from 'vitest'
import { inferInterval } from './infer-interval.ts'

describe('inferInterval (most common gap: 1 day, 7 days, 28–31 days, 89–92 days)', () => {
  it.each([
    { periods: ['2024-01-01', '2024-01-02', '2024-01-03'], unit: 'day' },
    { periods: ['2024-01-01', '2024-01-08', '2024-01-29', '2024-02-05'], unit: 'week' },
    { periods: ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'], unit: 'month' },
    { periods: ['2023-01-01', '2023-04-01', '2023-07-01', '2023-10-01', '2024-01-01'], unit: 'quarter' },
    { periods: ['2024-02-01', '2024-03-01'], unit: 'month' },
    { periods: ['2024-01-01', '2024-01-02', '2024-01-09'], unit: 'day' },
  ] as const)('$periods → $unit', ({ periods, unit }) => {
    expect(inferInterval(periods)).toBe(unit)
  })

  it('is undefined for fewer than two periods or an unrecognised spacing', () => {
    expect(inferInterval([])).toBeUndefined()
    expect(inferInterval(['2024-01-01'])).toBeUndefined()
    expect(inferInterval(['2024-01-01', '2024-01-15', '2024-01-29'])).toBeUndefined()
  })
})
