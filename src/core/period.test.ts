import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addPeriods, daysBetween, isoDateFromDayNumber, isoDayNumber, isPeriodStart, parseIsoDate, periodsBetween, periodStart } from './period.ts'

describe('ISO dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025/01/01', false],
    ['25-01-2025', false],
    ['2025-01-0a', false],
  ])('parseIsoDate(%s) is a real date: %s', (text, valid) => {
    expect(parseIsoDate(text) !== undefined).toBe(valid)
  })

  it('agrees with the built-in Date for every day over four centuries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        const iso = new Date(days * 86_400_000).toISOString().slice(0, 10)
        expect(isoDayNumber(iso)).toBe(days)
        expect(isoDateFromDayNumber(days)).toBe(iso)
      }),
    )
  })

  it('adds days, weeks, months and quarters across year ends and month ends', () => {
    expect(addDays('2024-12-30', 7)).toBe('2025-01-06')
    expect(daysBetween('2025-01-06', '2024-12-30')).toBe(-7)
    expect(addPeriods('2025-11-01', 'month', 3)).toBe('2026-02-01')
    expect(addPeriods('2025-01-31', 'month', 1)).toBe('2025-03-03')
    expect(addPeriods('2025-10-01', 'quarter', -4)).toBe('2024-10-01')
    expect(periodsBetween('2024-10-01', '2025-04-01', 'quarter')).toBe(2)
    expect(periodsBetween('2025-01-06', '2025-03-03', 'week')).toBe(8)
  })

  it('finds period starts: Mondays, first of month, first of quarter', () => {
    expect(periodStart('2025-03-09', 'week')).toBe('2025-03-03')
    expect(periodStart('2025-03-03', 'week')).toBe('2025-03-03')
    expect(periodStart('1970-01-01', 'week')).toBe('1969-12-29')
    expect(periodStart('2025-08-19', 'quarter')).toBe('2025-07-01')
    expect(periodStart('2025-12-31', 'month')).toBe('2025-12-01')
    expect(isPeriodStart('2025-03-04', 'week')).toBe(false)
    expect(() => periodStart('2025-02-30', 'week')).toThrow(/invalid ISO date/)
  })
})
