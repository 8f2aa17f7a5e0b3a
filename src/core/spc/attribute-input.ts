/** Checks on the numerators and denominators of an attribute chart. @see docs/methods/attribute-charts.md */
import type { Issue } from '../issues.ts'
import type { PeriodUnit } from '../model.ts'
import type { AttributeCount } from './attribute-limits.ts'
import type { AttributeChartKind, AttributeInputPoint } from './attribute-types.ts'
import { checkInput } from './check-input.ts'

/** A point that can be charted: its counts, its period and its exclusion reason. */
export interface AttributeSeriesPoint extends AttributeCount {
  readonly period: string
  readonly excluded: string | null
}

export interface CheckedAttributeInput {
  /** Points with valid counts, sorted by period. */
  readonly points: readonly AttributeSeriesPoint[]
  readonly issues: readonly Issue[]
  /** True when the series cannot be charted at all (invalid or duplicate periods). */
  readonly rejected: boolean
}

/**
 * Drop points whose counts cannot be charted (a negative or non-finite numerator, a denominator
 * that is not positive, a proportion above 1), with one `invalid_count` warning each; then the
 * checks of `checkInput` (periods, duplicates, missing values, spacing). C charts ignore the
 * denominator (every point counts as one unit).
 */
export function checkAttributeInput(
  points: readonly AttributeInputPoint[],
  kind: AttributeChartKind,
  interval: PeriodUnit | undefined,
): CheckedAttributeInput {
  const counted = points.map((point) => (kind === 'c' ? { ...point, denominator: 1 } : point))
  const problems = new Map(counted.flatMap((point) => {
    const problem = countProblem(point, kind)
    return problem === undefined ? [] : [[point, problem] as const]
  }))
  const valid = counted.filter((point) => !problems.has(point))
  const counts = new Map(valid.map((point) => [point.period, point]))
  const checked = checkInput(
    valid.map((point) => ({ period: point.period, value: missing(point) ? null : 0, ...(point.excluded === undefined ? {} : { excluded: point.excluded }) })),
    interval,
  )
  const charted = checked.points.map((point) => {
    const count = counts.get(point.period) as AttributeInputPoint
    return { period: point.period, numerator: count.numerator as number, denominator: count.denominator as number, excluded: point.excluded }
  })
  return { points: charted, issues: [...problems.values(), ...checked.issues], rejected: checked.rejected }
}

function missing(point: AttributeInputPoint): boolean {
  return point.numerator === null || point.denominator === null
}

function countProblem(point: AttributeInputPoint, kind: AttributeChartKind): Issue | undefined {
  if (missing(point)) return undefined
  const { numerator, denominator } = point as { numerator: number; denominator: number }
  const what = `${point.period} (${numerator}${kind === 'c' ? '' : ` of ${denominator}`})`
  if (!(Number.isFinite(numerator) && numerator >= 0)) return invalid(what, String(numerator), 'a numerator of at least 0')
  if (!(Number.isFinite(denominator) && denominator > 0)) return invalid(what, String(denominator), 'a denominator above 0')
  if ((kind === 'p' || kind === 'p_prime') && numerator > denominator) return invalid(what, String(numerator), 'a numerator no larger than its denominator')
  return undefined
}

function invalid(what: string, value: string, expected: string): Issue {
  return { severity: 'warning', code: 'invalid_count', message: `The counts for ${what} cannot be charted (expected ${expected}): the point is left out of the chart.`, value, expected }
}
