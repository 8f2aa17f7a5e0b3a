/** Individuals (XmR) chart with Making Data Count or qicharts2 rules. @see docs/methods/xmr.md */
import type { Issue } from '../issues.ts'
import { analyseSegment } from './analyse-segment.ts'
import { assuranceIcon } from './assurance-icon.ts'
import { checkInput } from './check-input.ts'
import { checkOptions } from './check-options.ts'
import { splitAtRebases } from './split-at-rebases.ts'
import type { SpcInputPoint, SpcResult, XmrOptions } from './types.ts'
import { variationIcon } from './variation-icon.ts'

/**
 * XmR chart of `points` (any order): one segment per rebase, each with its centre line, limits,
 * rules and Anhøj runs analysis; problems in the data come back as issues (an invalid or duplicate
 * period gives no segments and no points). Throws on impossible options (baseline < 12, …).
 * @see docs/methods/xmr.md
 */
export function xmrChart(points: readonly SpcInputPoint[], options: XmrOptions = {}): SpcResult {
  checkOptions(options)
  const { profile = 'mdc', direction = 'increase', target = null, baseline, rebases = [], ruleLength = 7, interval } = options
  const empty = { chart: 'xmr', profile, direction, target, segments: [], points: [], variation: null, assurance: null } as const
  const input = checkInput(points, interval)
  if (input.rejected) return { ...empty, issues: input.issues }
  if (input.points.length === 0) return { ...empty, issues: [...input.issues, noValuesIssue()] }
  const split = splitAtRebases(input.points.map((point) => point.period), rebases)
  const analysed = split.starts.map(({ start, reason }, i) => {
    const end = split.starts[i + 1]?.start ?? input.points.length
    return analyseSegment(input.points.slice(start, end), i, reason, { profile, direction, baseline, ruleLength })
  })
  const spcPoints = analysed.flatMap((a) => a.points)
  return {
    ...empty,
    segments: analysed.map((a) => a.segment),
    points: spcPoints,
    variation: variationIcon(spcPoints),
    assurance: assuranceIcon(target, direction, spcPoints.at(-1)),
    issues: [...input.issues, ...split.issues, ...analysed.flatMap((a) => a.issues)],
  }
}

function noValuesIssue(): Issue {
  return { severity: 'warning', code: 'too_few_points', message: 'The series has no values to chart.', expected: 'at least 2 points' }
}
