/** Dates as people read them ("10 Nov 2025", "Nov 2025"), in UTC, never in the machine's locale. */
import type { PeriodUnit } from '../core/model.ts'
import { parseIsoDate } from '../core/period.ts'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

export function toUtcDate(iso: string): Date {
  const date = parseIsoDate(iso)
  if (!date) throw new Error(`invalid ISO date: ${JSON.stringify(iso)} (expected YYYY-MM-DD)`)
  return date
}

function monthName(date: Date): string {
  return MONTHS[date.getUTCMonth()] ?? ''
}

/** "10 Nov 2025". */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${monthName(date)} ${date.getUTCFullYear()}`
}

/** "Nov 2025". */
export function formatMonth(date: Date): string {
  return `${monthName(date)} ${date.getUTCFullYear()}`
}

/** "10 Nov" (for ticks of short date ranges). */
export function formatDayMonth(date: Date): string {
  return `${date.getUTCDate()} ${monthName(date)}`
}

/** The period that starts on `iso`: "week of 10 Nov 2025", "Nov 2025", "Oct–Dec 2025", "10 Nov 2025". */
export function formatPeriod(iso: string, unit: PeriodUnit | undefined): string {
  const date = toUtcDate(iso)
  switch (unit) {
    case 'week':
      return `week of ${formatDay(date)}`
    case 'month':
      return formatMonth(date)
    case 'quarter': {
      const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 2, 1))
      return `${monthName(date)}–${formatMonth(end)}`
    }
    default:
      return formatDay(date)
  }
}

/** Plural noun for a number of periods: "9 weeks", "1 month", "3 points" when the unit is unknown. */
export function countPeriods(count: number, unit: PeriodUnit | undefined): string {
  const noun = unit === undefined ? 'point' : unit
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
