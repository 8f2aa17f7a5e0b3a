/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, with no clock. */
import type { PeriodUnit } from './model.ts'

const DAY_MS = 86_400_000

/** Year, month (1–12) and day of a strict ISO calendar date, or undefined when it is not a real date. */
function civil(text: string): [number, number, number] | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined
  let year = 0
  let month = 0
  let day = 0
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return undefined
    if (i < 4) year = year * 10 + digit
    else if (i < 7) month = month * 10 + digit
    else day = day * 10 + digit
  }
  // Year 0 does not exist in PostgreSQL's calendar (1 BC is followed by AD 1).
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return [year, month, day]
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). @see Howard Hinnant, "chrono-compatible low-level date algorithms" */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day]
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** Days since 1970-01-01 of a strict ISO date; undefined when the text is not a real date. */
export function isoDayNumber(text: string): number | undefined {
  const parts = civil(text)
  return parts && daysFromCivil(parts[0], parts[1], parts[2])
}

/** The ISO date `days` days after 1970-01-01. */
export function isoDateFromDayNumber(days: number): string {
  const [year, month, day] = civilFromDays(days)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** Parse a strict ISO calendar date; undefined when the text is not a real date. */
export function parseIsoDate(text: string): Date | undefined {
  const days = isoDayNumber(text)
  return days === undefined ? undefined : new Date(days * DAY_MS)
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function mustDay(text: string): number {
  const days = isoDayNumber(text)
  if (days === undefined) throw new Error(`invalid ISO date: ${JSON.stringify(text)} (expected YYYY-MM-DD)`)
  return days
}

function mustCivil(text: string): [number, number, number] {
  const parts = civil(text)
  if (!parts) throw new Error(`invalid ISO date: ${JSON.stringify(text)} (expected YYYY-MM-DD)`)
  return parts
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return mustDay(to) - mustDay(from)
}

export function addDays(date: string, days: number): string {
  return isoDateFromDayNumber(mustDay(date) + days)
}

/** Add months, letting a day past the month's end roll over (as `Date.UTC` does). */
function addMonths(date: string, months: number): string {
  const [year, month, day] = mustCivil(date)
  const index = year * 12 + (month - 1) + months
  const first = daysFromCivil(Math.floor(index / 12), (index % 12 + 12) % 12 + 1, 1)
  return isoDateFromDayNumber(first + day - 1)
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
  const [year, month] = mustCivil(date)
  switch (unit) {
    case 'day':
      return date
    case 'week': {
      // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
      const days = mustDay(date)
      return isoDateFromDayNumber(days - (((days + 3) % 7) + 7) % 7)
    }
    case 'month':
      return `${pad(year, 4)}-${pad(month, 2)}-01`
    case 'quarter':
      return `${pad(year, 4)}-${pad(month - ((month - 1) % 3), 2)}-01`
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
  const [fromYear, fromMonth] = mustCivil(from)
  const [toYear, toMonth] = mustCivil(to)
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth)
  return unit === 'month' ? months : Math.round(months / 3)
}
