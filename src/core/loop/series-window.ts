/** The points a review looks at: from the baseline's start to the review date, split at the change. @see docs/methods/verdicts.md */
import type { Issue } from '../issues.ts'
import { parseIsoDate } from '../period.ts'
import type { RebaseInput } from '../spc/types.ts'
import type { Exclusion, LoopPoint } from './types.ts'

/** A point of the window with its exclusion reason, in period order. */
export interface WindowPoint extends LoopPoint {
  readonly excluded?: string
}

export interface SeriesWindow {
  /** The latest rebase dated before the change; null when the baseline starts with the series. */
  readonly rebase: RebaseInput | null
  /** Points from the rebase (or the start) up to the period before the change. */
  readonly before: readonly WindowPoint[]
  /** Points from the change date up to the review date. */
  readonly after: readonly WindowPoint[]
  readonly issues: readonly Issue[]
}

/**
 * Split `points` for a change on `changeDate` reviewed on `asOf`: periods after `asOf` and before the
 * latest rebase dated before the change are left out; rebases on or after the change date are
 * ignored (the change is what is tested). Periods that are not dates are dropped with an error issue.
 */
export function seriesWindow(points: readonly LoopPoint[], rebases: readonly RebaseInput[], exclusions: readonly Exclusion[], changeDate: string, asOf: string): SeriesWindow {
  const rebase = latestRebaseBefore(rebases, changeDate)
  const reasons = new Map(exclusions.map((e) => [e.period, e.reason]))
  const valid = points.filter((point) => parseIsoDate(point.period) !== undefined)
  const issues: Issue[] = points.filter((point) => parseIsoDate(point.period) === undefined).map(invalidPeriodIssue)
  const late = valid.filter((point) => point.period > asOf)
  if (late.length > 0) issues.push(afterAsOfIssue(late.length, asOf))
  const start = rebase?.date ?? ''
  const kept = valid
    .filter((point) => point.period >= start && point.period <= asOf)
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((point): WindowPoint => withExclusion(point, reasons.get(point.period)))
  return { rebase, before: kept.filter((p) => p.period < changeDate), after: kept.filter((p) => p.period >= changeDate), issues }
}

/** The latest rebase with a valid date before `changeDate`, or null. */
export function latestRebaseBefore(rebases: readonly RebaseInput[], changeDate: string): RebaseInput | null {
  let latest: RebaseInput | null = null
  for (const rebase of rebases) {
    if (parseIsoDate(rebase.date) === undefined || rebase.date >= changeDate) continue
    if (latest === null || rebase.date > latest.date) latest = rebase
  }
  return latest
}

function withExclusion(point: LoopPoint, reason: string | undefined): WindowPoint {
  const { period, numerator, denominator, value } = point
  return reason === undefined ? { period, numerator, denominator, value } : { period, numerator, denominator, value, excluded: reason }
}

function invalidPeriodIssue(point: LoopPoint): Issue {
  return {
    severity: 'error',
    code: 'invalid_period',
    message: `Period ${JSON.stringify(point.period)} is not a date, so the point is left out of the review.`,
    value: point.period,
    expected: 'an ISO date (YYYY-MM-DD)',
  }
}

function afterAsOfIssue(count: number, asOf: string): Issue {
  return {
    severity: 'warning',
    code: 'after_as_of',
    message: `${count} ${count === 1 ? 'period starts' : 'periods start'} after the review date ${asOf} and ${count === 1 ? 'is' : 'are'} left out.`,
    value: String(count),
    expected: `periods starting on or before ${asOf}`,
  }
}
