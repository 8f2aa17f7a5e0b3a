/** Readable date ticks: month starts labelled "Mar 2025" for long ranges, days "3 Mar" for short ones. */
import { formatDay, formatDayMonth, formatMonth } from './format-date.ts'

const DAY_MS = 86_400_000
const MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24] as const
const DAY_STEPS = [1, 2, 7, 14] as const

export interface TimeTicks {
  readonly ticks: readonly Date[]
  readonly format: (date: Date, index: number) => string
}

/** Day ticks say the year on the first tick only: "1 Sep 2025", "15 Sep", "29 Sep". */
function formatDayTick(date: Date, index: number): string {
  return index === 0 ? formatDay(date) : formatDayMonth(date)
}

/** At most `maxTicks` ticks between `first` and `last` (UTC dates), evenly stepped. */
export function timeTicks(first: Date, last: Date, maxTicks: number): TimeTicks {
  const limit = Math.max(2, Math.floor(maxTicks))
  const spanDays = (last.getTime() - first.getTime()) / DAY_MS
  if (spanDays >= 90) {
    for (const step of MONTH_STEPS) {
      const ticks = monthStarts(first, last, step)
      if (ticks.length <= limit || step === 24) return { ticks, format: formatMonth }
    }
  }
  for (const step of DAY_STEPS) {
    const ticks = dayTicks(first, last, step)
    if (ticks.length <= limit || step === 14) return { ticks, format: formatDayTick }
  }
  return { ticks: [first, last], format: formatDayTick }
}

function monthStarts(first: Date, last: Date, step: number): Date[] {
  const ticks: Date[] = []
  let month = first.getUTCFullYear() * 12 + first.getUTCMonth()
  if (first.getUTCDate() !== 1) month++
  month = Math.ceil(month / step) * step
  for (; ; month += step) {
    const date = new Date(Date.UTC(Math.floor(month / 12), month % 12, 1))
    if (date > last) return ticks
    ticks.push(date)
  }
}

/** Days from `first`; weekly steps fall on the same weekday as the first date. */
function dayTicks(first: Date, last: Date, step: number): Date[] {
  const ticks: Date[] = []
  for (let t = first.getTime(); t <= last.getTime(); t += step * DAY_MS) ticks.push(new Date(t))
  return ticks
}
