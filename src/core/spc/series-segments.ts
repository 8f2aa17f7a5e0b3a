/** Checked input split into segments: the shared first steps of the run, G and T charts. @see docs/methods/run-chart.md */
import type { Issue } from '../issues.ts'
import type { PeriodUnit } from '../model.ts'
import { checkInput, type SeriesPoint } from './check-input.ts'
import { splitAtRebases } from './split-at-rebases.ts'
import type { RebaseInput, SpcInputPoint } from './types.ts'

export interface SeriesSegment {
  /** 0-based position of the segment. */
  readonly index: number
  readonly reason: string | null
  /** At least one point, sorted by period. */
  readonly points: readonly SeriesPoint[]
}

export interface SegmentedSeries {
  /** Empty when the series cannot be charted (the issues say why). */
  readonly segments: readonly SeriesSegment[]
  readonly issues: readonly Issue[]
}

/**
 * Check `points` (`checkInput`), reject the series when `valueIssues` finds errors in the values
 * (for instance a time ≤ 0 on a T chart), and split it at the rebases.
 */
export function segmentSeries(
  points: readonly SpcInputPoint[],
  rebases: readonly RebaseInput[],
  interval: PeriodUnit | undefined,
  valueIssues: (points: readonly SeriesPoint[]) => Issue[] = () => [],
): SegmentedSeries {
  const input = checkInput(points, interval)
  if (input.rejected) return { segments: [], issues: input.issues }
  const invalid = valueIssues(input.points)
  if (invalid.some((issue) => issue.severity === 'error')) return { segments: [], issues: [...input.issues, ...invalid] }
  if (input.points.length === 0) return { segments: [], issues: [...input.issues, ...invalid, noValuesIssue()] }
  const split = splitAtRebases(input.points.map((point) => point.period), rebases)
  const segments = split.starts.map(({ start, reason }, index) => {
    const end = split.starts[index + 1]?.start ?? input.points.length
    return { index, reason, points: input.points.slice(start, end) }
  })
  return { segments, issues: [...input.issues, ...invalid, ...split.issues] }
}

function noValuesIssue(): Issue {
  return { severity: 'warning', code: 'too_few_points', message: 'The series has no values to chart.', expected: 'at least 2 points' }
}
