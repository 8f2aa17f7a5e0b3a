/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, with no clock. */
import type { PeriodUnit } from './model.ts'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** Parse a strict ISO calendar date; undefined when the text is not a real date. */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return valid ? date : undefined
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function mustParse(text: string): Date {
  const date = parseIsoDate(text)
  if (!date) throw new Error(`invalid ISO date: ${JSON.stringify(text)} (expected YYYY-MM-DD)`)
  return date
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((mustParse(to).getTime() - mustParse(from).getTime()) / DAY_MS)
}

export function addDays(date: string, days: number): string {
  return formatIsoDate(new Date(mustParse(date).getTime() + days * DAY_MS))
}

function addMonths(date: string, months: number): string {
  const d = mustParse(date)
  return formatIsoDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate())))
}

/** The first day of the period of `unit` after `count` periods from `date`. */
export function addPeriods(date: string, unit: PeriodUnit, count: number): string {
  switch (unit) {
    case 'day':
      return addDays(date, count)
    case 'week':
      return addDays(date, 7 * count)
    case 'month':
      return addMonths(date, count)
    case 'quarter':
      return addMonths(date, 3 * count)
  }
}

/** The first day of the period of `unit` that contains `date` (weeks start on Monday). */
export function periodStart(date: string, unit: PeriodUnit): string {
  const d = mustParse(date)
  switch (unit) {
    case 'day':
      return date
    case 'week':
      return addDays(date, -((d.getUTCDay() + 6) % 7))
    case 'month':
      return formatIsoDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)))
    case 'quarter':
      return formatIsoDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1)))
  }
}

/** True when `date` is the first day of a period of `unit`. */
export function isPeriodStart(date: string, unit: PeriodUnit): boolean {
  return periodStart(date, unit) === date
}

/** Describe what a period start must look like, for error messages. */
export function periodStartRule(unit: PeriodUnit): string {
  switch (unit) {
    case 'day':
      return 'an ISO date (YYYY-MM-DD)'
    case 'week':
      return 'the Monday that starts the week (YYYY-MM-DD)'
    case 'month':
      return 'the first day of the month (YYYY-MM-01)'
    case 'quarter':
      return 'the first day of a quarter (YYYY-01-01, -04-01, -07-01 or -10-01)'
  }
}

/** Number of whole periods of `unit` from `from` to `to`, both period starts. */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): number {
  if (unit === 'day') return daysBetween(from, to)
  if (unit === 'week') return Math.round(daysBetween(from, to) / 7)
  const a = mustParse(from)
  const b = mustParse(to)
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth())
  return unit === 'month' ? months : Math.round(months / 3)
}
