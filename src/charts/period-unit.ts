/** The spacing of a series, read from its dates (SpcResult does not carry it). */
import type { PeriodUnit } from '../core/model.ts'
import { daysBetween } from '../core/period.ts'

/** The period unit whose length matches the median gap between consecutive dates; undefined if none does. */
export function inferPeriodUnit(periods: readonly string[]): PeriodUnit | undefined {
  const gaps: number[] = []
  for (let i = 1; i < periods.length; i++) gaps.push(daysBetween(periods[i - 1] ?? '', periods[i] ?? ''))
  if (gaps.length === 0) return undefined
  gaps.sort((a, b) => a - b)
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0
  if (median === 1) return 'day'
  if (median === 7) return 'week'
  if (median >= 28 && median <= 31) return 'month'
  if (median >= 89 && median <= 92) return 'quarter'
  return undefined
}
