/** Infer the spacing of a series from its periods. @see docs/methods/xmr.md */
import type { PeriodUnit } from '../model.ts'
import { PERIOD_UNITS } from '../model.ts'
import { daysBetween } from '../period.ts'

/** The period unit a gap of this many days looks like, if any. */
function unitOfGap(days: number): PeriodUnit | undefined {
  if (days === 1) return 'day'
  if (days === 7) return 'week'
  if (days >= 28 && days <= 31) return 'month'
  if (days >= 89 && days <= 92) return 'quarter'
  return undefined
}

/**
 * The most common gap between consecutive periods (sorted, distinct, valid ISO dates), read as a
 * unit: 1 day, 7 days (week), 28–31 days (month), 89–92 days (quarter); ties go to the shorter
 * unit. Undefined with fewer than two periods or when no gap looks like a unit.
 */
export function inferInterval(periods: readonly string[]): PeriodUnit | undefined {
  const counts = new Map<PeriodUnit, number>()
  for (let i = 1; i < periods.length; i++) {
    const unit = unitOfGap(daysBetween(periods[i - 1] as string, periods[i] as string))
    if (unit !== undefined) counts.set(unit, (counts.get(unit) ?? 0) + 1)
  }
  let best: PeriodUnit | undefined
  for (const unit of PERIOD_UNITS) {
    if ((counts.get(unit) ?? 0) > (best === undefined ? 0 : (counts.get(best) ?? 0))) best = unit
  }
  return best
}
