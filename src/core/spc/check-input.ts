/** Checks on a series before charting: periods, duplicates, missing values, spacing. @see docs/methods/xmr.md */
import type { Issue } from '../issues.ts'
import type { PeriodUnit } from '../model.ts'
import { parseIsoDate } from '../period.ts'
import { inferInterval } from './infer-interval.ts'
import { spacingIssues } from './spacing-issues.ts'
import type { SpcInputPoint } from './types.ts'

/** A point that can be charted: a finite value, its period and its exclusion reason. */
export interface SeriesPoint {
  readonly period: string
  readonly value: number
  readonly excluded: string | null
}

export interface CheckedInput {
  /** Points with a value, sorted by period. */
  readonly points: readonly SeriesPoint[]
  readonly issues: readonly Issue[]
  /** True when the series cannot be charted at all (invalid or duplicate periods). */
  readonly rejected: boolean
}

/**
 * Sort the points by period; reject invalid or duplicate periods (error issues); drop missing or
 * non-finite values with one `missing_value` warning each; warn about irregular spacing against
 * `interval`, or the interval inferred from the periods.
 */
export function checkInput(points: readonly SpcInputPoint[], interval: PeriodUnit | undefined): CheckedInput {
  const sorted = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
  const periodErrors = [...invalidPeriodIssues(sorted), ...duplicatePeriodIssues(sorted)]
  if (periodErrors.length > 0) return { points: [], issues: periodErrors, rejected: true }
  const periods = sorted.map((point) => point.period)
  const unit = interval ?? inferInterval(periods)
  const spacing = unit === undefined ? unknownIntervalIssues(periods) : spacingIssues(periods, unit)
  const usable = sorted.flatMap((point): SeriesPoint[] =>
    point.value !== null && Number.isFinite(point.value)
      ? [{ period: point.period, value: point.value, excluded: point.excluded ?? null }]
      : [],
  )
  return { points: usable, issues: [...missingValueIssues(sorted), ...spacing], rejected: false }
}

function invalidPeriodIssues(points: readonly SpcInputPoint[]): Issue[] {
  return points
    .filter((point) => parseIsoDate(point.period) === undefined)
    .map((point) => ({
      severity: 'error',
      code: 'invalid_period',
      message: `Period ${JSON.stringify(point.period)} is not a date: expected an ISO date (YYYY-MM-DD).`,
      value: point.period,
      expected: 'an ISO date (YYYY-MM-DD)',
    }))
}

/** One error for each period that appears more than once (the points are sorted by period). */
function duplicatePeriodIssues(sorted: readonly SpcInputPoint[]): Issue[] {
  const counts = new Map<string, number>()
  for (const point of sorted) counts.set(point.period, (counts.get(point.period) ?? 0) + 1)
  return [...counts]
    .filter(([, count]) => count > 1)
    .map(([period, count]) => ({
      severity: 'error',
      code: 'duplicate_period',
      message: `Period ${period} appears ${count} times: a series may have only one value per period.`,
      value: period,
      expected: 'one value per period',
    }))
}

function missingValueIssues(sorted: readonly SpcInputPoint[]): Issue[] {
  return sorted
    .filter((point) => point.value === null || !Number.isFinite(point.value))
    .map((point) => ({
      severity: 'warning',
      code: 'missing_value',
      message: `No value for ${point.period}${point.value === null ? '' : ` (${String(point.value)})`}: the point is left out of the chart.`,
      value: String(point.value),
      expected: 'a finite number',
    }))
}

function unknownIntervalIssues(periods: readonly string[]): Issue[] {
  if (periods.length < 2) return []
  return [{
    severity: 'warning',
    code: 'unknown_interval',
    message: 'The spacing of the periods is not daily, weekly, monthly or quarterly, so gaps could not be checked.',
    expected: 'periods 1, 7, 28–31 or 89–92 days apart',
  }]
}
