/** Dates, periods, lists and names as a board member reads them: UK English, no locale, no clock. */
import type { PeriodUnit } from '../model.ts'
import { parseIsoDate } from '../period.ts'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

function civil(iso: string): { day: number; month: string; monthIndex: number; year: number } {
  const date = parseIsoDate(iso)
  if (date === undefined) throw new Error(`invalid ISO date: ${JSON.stringify(iso)} (expected YYYY-MM-DD)`)
  const monthIndex = date.getUTCMonth()
  return { day: date.getUTCDate(), month: MONTHS[monthIndex] ?? '', monthIndex, year: date.getUTCFullYear() }
}

/** "1 September 2025". */
export function formatDate(iso: string): string {
  const { day, month, year } = civil(iso)
  return `${day} ${month} ${year}`
}

/** The period starting on `iso`: "the week of 8 September 2025", "September 2025", "July to September 2025", "1 September 2025". */
export function formatPeriod(iso: string, unit: PeriodUnit): string {
  const { month, monthIndex, year } = civil(iso)
  switch (unit) {
    case 'day':
      return formatDate(iso)
    case 'week':
      return `the week of ${formatDate(iso)}`
    case 'month':
      return `${month} ${year}`
    case 'quarter': {
      const end = MONTHS[(monthIndex + 2) % 12] ?? ''
      return `${month} to ${end} ${monthIndex + 2 > 11 ? year + 1 : year}`
    }
  }
}

/** "week" or "weeks". */
export function periodNoun(unit: PeriodUnit, count: number): string {
  return count === 1 ? unit : `${unit}s`
}

/** "1 week", "12 weeks". */
export function countPeriods(count: number, unit: PeriodUnit): string {
  return `${count} ${periodNoun(unit, count)}`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "a, b and c". */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** "blood pressure controlled to target at Eastgate, most deprived fifth"; "… across the organisation" when the site is null. */
export function seriesPhrase(measureName: string, site: string | null, group: string | null): string {
  const place = site === null ? 'across the organisation' : `at ${site}`
  return `${measureName} ${place}${group === null ? '' : `, ${group}`}`
}

/** The series phrase to start a sentence: "Blood pressure controlled to target at Eastgate, most deprived fifth". */
export function seriesSubject(measureName: string, site: string | null, group: string | null): string {
  return capitalise(seriesPhrase(measureName, site, group))
}

/** "an increase" or "a decrease". */
export function movementNoun(direction: 'increase' | 'decrease'): string {
  return direction === 'increase' ? 'an increase' : 'a decrease'
}

/** The other way. */
export function oppositeOf(direction: 'increase' | 'decrease'): 'increase' | 'decrease' {
  return direction === 'increase' ? 'decrease' : 'increase'
}

/** Up to `shown` periods, then "and N more": "weeks of 1 September 2025, 8 September 2025 and 3 more", "September 2025 and October 2025". */
export function listPeriods(periods: readonly string[], unit: PeriodUnit, shown = 4): string {
  const named = periods.slice(0, shown).map((period) => (unit === 'week' ? formatDate(period) : formatPeriod(period, unit)))
  const more = periods.length - named.length
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : listAnd(named)
  return unit === 'week' ? `${periods.length === 1 ? 'the week' : 'weeks'} of ${list}` : list
}
