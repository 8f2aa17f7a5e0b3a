/** The demo's 78 weeks: 26 weeks of baseline, then 52 weeks of changes. */
import { addPeriods, isPeriodStart } from '../core/period.ts'

/**
 * Default first Monday. The 78 weeks run 2025-03-03 to 2026-08-24 (the last week ends on
 * 2026-08-30): baseline to 2025-08-25, changes from 2025-09-01, so the aim's "by March" falls
 * inside the data and the whole series lies in the past.
 */
export const DEFAULT_START_WEEK = '2025-03-03'
export const DEMO_WEEKS = 78
export const BASELINE_WEEKS = 26

/** ISO dates of the Monday that starts each demo week. */
export function demoWeeks(startWeek: string = DEFAULT_START_WEEK): string[] {
  if (!isPeriodStart(startWeek, 'week')) {
    throw new Error(`invalid startWeek: ${JSON.stringify(startWeek)} (expected a Monday as YYYY-MM-DD)`)
  }
  return Array.from({ length: DEMO_WEEKS }, (_, week) => addPeriods(startWeek, 'week', week))
}
