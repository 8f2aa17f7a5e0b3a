/**
 * When a scheduled briefing is due. Monthly schedules go out once a month, on or after their day
 * (1–28, so every month has it); a schedule made after this month's day first goes out next month.
 * "After new data" schedules go out once after each import that brought new or changed rows.
 * Dates are compared in UTC; the daily job runs in the early morning, UK time.
 */

export interface ScheduleTiming {
  readonly cadence: 'monthly' | 'after_import'
  /** 1–28 for monthly schedules. */
  readonly dayOfMonth: number | null
  /** ISO timestamps. */
  readonly createdAt: string
  readonly lastIssuedAt: string | null
}

/** The most recent date (UTC midnight) on or before `now` that falls on `day` of a month. */
export function latestMonthlyDate(now: Date, day: number): Date {
  const thisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), day)
  if (thisMonth <= now.getTime()) return new Date(thisMonth)
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, day))
}

/** Is the schedule due at `now`, given when the programme last received new data (ISO or null)? */
export function isScheduleDue(schedule: ScheduleTiming, now: Date, latestImportAt: string | null): boolean {
  const last = schedule.lastIssuedAt === null ? null : Date.parse(schedule.lastIssuedAt)
  if (schedule.cadence === 'after_import') {
    if (latestImportAt === null) return false
    const imported = Date.parse(latestImportAt)
    return imported <= now.getTime() && (last === null || imported > last) && imported > Date.parse(schedule.createdAt)
  }
  const day = schedule.dayOfMonth
  if (day === null || !Number.isInteger(day) || day < 1 || day > 28) return false
  const due = latestMonthlyDate(now, day).getTime()
  if (Date.parse(schedule.createdAt) > due) return false
  return last === null || last < due
}
