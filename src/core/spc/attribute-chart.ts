/** P, U, C, P′ and U′ charts with Making Data Count or qicharts2 rules. @see docs/methods/attribute-charts.md */
import type { Issue } from '../issues.ts'
import { analyseAttributeSegment } from './analyse-attribute-segment.ts'
import { assuranceIcon } from './assurance-icon.ts'
import { checkAttributeInput } from './attribute-input.ts'
import { ATTRIBUTE_CHART_KINDS, type AttributeChartKind, type AttributeInputPoint, type AttributeOptions, type AttributeResult } from './attribute-types.ts'
import { checkOptions } from './check-options.ts'
import { splitAtRebases } from './split-at-rebases.ts'
import { variationIcon } from './variation-icon.ts'

/**
 * Attribute chart of `kind` over `points` (any order): one segment per rebase, each with its centre
 * line, each point with its own limits, the four rules and the Anhøj runs analysis. Problems in the
 * data come back as issues; impossible options (baseline < 12, multiplier ≤ 0, …) throw.
 * @see docs/methods/attribute-charts.md
 */
export function attributeChart(kind: AttributeChartKind, points: readonly AttributeInputPoint[], options: AttributeOptions = {}): AttributeResult {
  checkAttributeOptions(kind, options)
  const { profile = 'mdc', direction = 'increase', target = null, baseline, rebases = [], ruleLength = 7, interval, multiplier = 1 } = options
  const empty = { chart: kind, profile, direction, target, multiplier, segments: [], points: [], variation: null, assurance: null } as const
  const input = checkAttributeInput(points, kind, interval)
  if (input.rejected) return { ...empty, issues: input.issues }
  if (input.points.length === 0) return { ...empty, issues: [...input.issues, noValuesIssue()] }
  const split = splitAtRebases(input.points.map((point) => point.period), rebases)
  const analysed = split.starts.map(({ start, reason }, i) => {
    const end = split.starts[i + 1]?.start ?? input.points.length
    return analyseAttributeSegment(input.points.slice(start, end), i, reason, { kind, multiplier, profile, direction, baseline, ruleLength })
  })
  const chartPoints = analysed.flatMap((a) => a.points)
  return {
    ...empty,
    segments: analysed.map((a) => a.segment),
    points: chartPoints,
    variation: variationIcon(chartPoints),
    assurance: assuranceIcon(target, direction, chartPoints.at(-1)),
    issues: [...input.issues, ...split.issues, ...analysed.flatMap((a) => a.issues)],
  }
}

function checkAttributeOptions(kind: AttributeChartKind, options: AttributeOptions): void {
  if (!ATTRIBUTE_CHART_KINDS.includes(kind)) {
    throw new Error(`invalid chart: ${JSON.stringify(kind)} (expected one of ${ATTRIBUTE_CHART_KINDS.join(', ')})`)
  }
  const { multiplier } = options
  if (multiplier !== undefined && !(Number.isFinite(multiplier) && multiplier > 0)) {
    throw new Error(`invalid multiplier: ${multiplier} (expected a finite number above 0)`)
  }
  checkOptions(options)
}

function noValuesIssue(): Issue {
  return { severity: 'warning', code: 'too_few_points', message: 'The series has no values to chart.', expected: 'at least 1 point' }
}
