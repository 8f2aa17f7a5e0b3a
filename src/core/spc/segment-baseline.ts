/** The baseline values that fix a segment's centre line and limits. @see docs/methods/xmr.md */
import type { Issue } from '../issues.ts'
import type { SeriesPoint } from './check-input.ts'

export interface Baseline {
  /** Baseline values in time order (at least one). */
  readonly values: readonly number[]
  readonly issues: readonly Issue[]
}

/**
 * The first `size` points of the segment that are not excluded (all of them when `size` is
 * undefined). Warns when there are fewer than `size`, or fewer than 2 (no moving range: the limits
 * equal the centre line). A segment whose every point is excluded falls back on all its points.
 */
export function segmentBaseline(points: readonly SeriesPoint[], size: number | undefined, label: string): Baseline {
  const included = points.filter((point) => point.excluded === null).map((point) => point.value)
  const issues: Issue[] = []
  let values = size === undefined ? included : included.slice(0, size)
  if (size !== undefined && included.length > 0 && included.length < size) {
    issues.push({
      severity: 'warning',
      code: 'short_baseline',
      message: `${label} has ${included.length} points that are not excluded, fewer than the baseline of ${size}: all ${included.length} are used.`,
      value: String(included.length),
      expected: `at least ${size} points`,
    })
  }
  if (included.length === 0) {
    values = points.map((point) => point.value)
    issues.push(tooFewIssue(`${label} has only excluded points: its centre line and limits are computed from them.`))
  }
  if (values.length < 2) {
    issues.push(tooFewIssue(`${label} has only one point for its baseline: with no moving range, the limits equal the centre line.`))
  }
  return { values, issues }
}

function tooFewIssue(message: string): Issue {
  return { severity: 'warning', code: 'too_few_points', message, expected: 'at least 2 points' }
}
