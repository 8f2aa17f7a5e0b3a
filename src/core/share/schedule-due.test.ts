import { describe, expect, it } from 'vitest'
import { isScheduleDue, latestMonthlyDate } from './schedule-due.ts'

const monthly = (day: number, createdAt: string, lastIssuedAt: string | null = null) => ({ cadence: 'monthly' as const, dayOfMonth: day, createdAt, lastIssuedAt })
const afterImport = (createdAt: string, lastIssuedAt: string | null = null) => ({ cadence: 'after_import' as const, dayOfMonth: null, createdAt, lastIssuedAt })

describe('latestMonthlyDate', () => {
  it('is this month once the day has come, else last month (across a year end)', () => {
    expect(latestMonthlyDate(new Date('2026-11-26T06:30:00Z'), 1).toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(latestMonthlyDate(new Date('2026-11-26T06:30:00Z'), 26).toISOString()).toBe('2026-11-26T00:00:00.000Z')
    expect(latestMonthlyDate(new Date('2026-11-26T06:30:00Z'), 28).toISOString()).toBe('2026-10-28T00:00:00.000Z')
    expect(latestMonthlyDate(new Date('2027-01-03T06:30:00Z'), 5).toISOString()).toBe('2026-12-05T00:00:00.000Z')
  })
})

describe('isScheduleDue: monthly', () => {
  const now = new Date('2026-11-26T06:30:00Z')
  it('is due on its day when nothing was sent since', () => {
    expect(isScheduleDue(monthly(26, '2026-09-01T10:00:00Z'), now, null)).toBe(true)
    expect(isScheduleDue(monthly(26, '2026-09-01T10:00:00Z', '2026-10-26T06:30:00Z'), now, null)).toBe(true)
  })
  it('is not due twice in a month, nor before its day', () => {
    expect(isScheduleDue(monthly(26, '2026-09-01T10:00:00Z', '2026-11-26T06:30:00Z'), new Date('2026-11-27T06:30:00Z'), null)).toBe(false)
    expect(isScheduleDue(monthly(27, '2026-09-01T10:00:00Z', '2026-10-27T06:30:00Z'), now, null)).toBe(false)
  })
  it('catches up a missed day later in the month', () => {
    expect(isScheduleDue(monthly(3, '2026-09-01T10:00:00Z', '2026-10-03T06:30:00Z'), now, null)).toBe(true)
  })
  it('first goes out next month when made after this month\'s day', () => {
    expect(isScheduleDue(monthly(1, '2026-11-20T10:00:00Z'), now, null)).toBe(false)
    expect(isScheduleDue(monthly(1, '2026-11-20T10:00:00Z'), new Date('2026-12-01T06:30:00Z'), null)).toBe(true)
  })
  it('refuses a day outside 1–28', () => {
    expect(isScheduleDue(monthly(29, '2026-01-01T00:00:00Z'), now, null)).toBe(false)
    expect(isScheduleDue(monthly(0, '2026-01-01T00:00:00Z'), now, null)).toBe(false)
  })
})

describe('isScheduleDue: after new data', () => {
  const now = new Date('2026-11-26T06:30:00Z')
  it('is due once after each import with new data', () => {
    expect(isScheduleDue(afterImport('2026-11-01T00:00:00Z'), now, '2026-11-25T12:00:00Z')).toBe(true)
    expect(isScheduleDue(afterImport('2026-11-01T00:00:00Z', '2026-11-25T12:05:00Z'), now, '2026-11-25T12:00:00Z')).toBe(false)
    expect(isScheduleDue(afterImport('2026-11-01T00:00:00Z', '2026-11-20T12:05:00Z'), now, '2026-11-25T12:00:00Z')).toBe(true)
  })
  it('is not due without data, or for data older than the schedule', () => {
    expect(isScheduleDue(afterImport('2026-11-01T00:00:00Z'), now, null)).toBe(false)
    expect(isScheduleDue(afterImport('2026-11-01T00:00:00Z'), now, '2026-10-30T00:00:00Z')).toBe(false)
  })
})
