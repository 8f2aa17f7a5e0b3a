/** Split a series into segments at rebase dates. @see docs/methods/xmr.md */
import type { Issue } from '../issues.ts'
import { parseIsoDate } from '../period.ts'
import type { RebaseInput } from './types.ts'

export interface SegmentStart {
  /** Index of the segment's first point. */
  readonly start: number
  readonly reason: string | null
}

export interface SplitSeries {
  /** Segment starts in order; the first always starts at point 0. */
  readonly starts: readonly SegmentStart[]
  readonly issues: readonly Issue[]
}

/**
 * Each rebase starts a new segment at the first point on or after its date (a rebase on the first
 * point gives the first segment its reason). Rebases before the first point or after the last are
 * ignored with a warning; when two land on the same point, the later one is kept, with a warning.
 */
export function splitAtRebases(periods: readonly string[], rebases: readonly RebaseInput[]): SplitSeries {
  const issues: Issue[] = []
  const reasons = new Map<number, RebaseInput>()
  const sorted = [...rebases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  for (const rebase of sorted) {
    const problem = rebaseProblem(rebase, periods)
    if (problem !== undefined) {
      issues.push(problem)
      continue
    }
    const start = periods.findIndex((period) => period >= rebase.date)
    const earlier = reasons.get(start)
    if (earlier !== undefined) issues.push(samePointIssue(earlier, rebase, periods[start] as string))
    if (rebase.reason === null) issues.push(noReasonIssue(rebase))
    reasons.set(start, rebase)
  }
  const starts = [...new Set([0, ...reasons.keys()])]
    .sort((a, b) => a - b)
    .map((start) => ({ start, reason: reasons.get(start)?.reason ?? null }))
  return { starts, issues }
}

function rebaseProblem(rebase: RebaseInput, periods: readonly string[]): Issue | undefined {
  const first = periods[0]
  const last = periods.at(-1)
  const value = rebase.date
  if (parseIsoDate(rebase.date) === undefined) {
    return { severity: 'warning', code: 'invalid_rebase', message: `Rebase date ${JSON.stringify(value)} is not an ISO date (YYYY-MM-DD): it is ignored.`, value, expected: 'an ISO date (YYYY-MM-DD)' }
  }
  if (first === undefined || last === undefined) {
    return { severity: 'warning', code: 'rebase_out_of_range', message: `Rebase on ${value} is ignored: the series has no points.`, value }
  }
  if (value < first || value > last) {
    const where = value < first ? `before the first point (${first})` : `after the last point (${last})`
    return { severity: 'warning', code: 'rebase_out_of_range', message: `Rebase on ${value} is ${where}: it is ignored.`, value, expected: `a date from ${first} to ${last}` }
  }
  return undefined
}

function samePointIssue(earlier: RebaseInput, later: RebaseInput, period: string): Issue {
  return {
    severity: 'warning',
    code: 'rebase_same_point',
    message: `Rebases on ${earlier.date} and ${later.date} both start a segment at ${period}: the later one is used.`,
    value: later.date,
  }
}

function noReasonIssue(rebase: RebaseInput): Issue {
  return {
    severity: 'warning',
    code: 'rebase_without_reason',
    message: `Rebase on ${rebase.date} has no reason: record the change, decision or new definition behind it.`,
    value: rebase.date,
  }
}
