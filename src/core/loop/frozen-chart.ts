/** The baseline and the points after the change on one control chart, its limits frozen on the baseline. @see docs/methods/verdicts.md */
import type { Direction } from '../model.ts'
import { attributeChart } from '../spc/attribute-chart.ts'
import type { AttributeChartKind } from '../spc/attribute-types.ts'
import type { ControlChartResult } from '../spc/control-chart.ts'
import type { Profile, RebaseInput } from '../spc/types.ts'
import { xmrChart } from '../spc/xmr-chart.ts'
import type { ControlChartType } from './chart-choice.ts'
import { MIN_BASELINE_POINTS } from './thresholds.ts'
import type { LoopMeasure } from './types.ts'
import type { WindowPoint } from './series-window.ts'

/** A charted point's counts (P, U, C charts), aligned with the chart's points. */
export interface PointCounts {
  readonly numerator: number
  readonly denominator: number
}

export interface FrozenChart {
  readonly result: ControlChartResult
  /** True when the limits come from the baseline alone (at least 12 usable baseline points). */
  readonly frozen: boolean
  /** Baseline points that are charted and not excluded. */
  readonly baselinePoints: number
  /** Counts of each charted point (P, P′, U, U′, C); null for XmR. */
  readonly counts: readonly PointCounts[] | null
  /** Values are counts ÷ denominators × this (U and U′); 1 otherwise. */
  readonly multiplier: number
}

export interface ChartSettings {
  readonly profile: Profile
  readonly ruleLength: number
}

const ATTRIBUTE_KIND = { p: 'p', pp: 'p_prime', u: 'u', up: 'u_prime', c: 'c' } as const satisfies Record<Exclude<ControlChartType, 'xmr'>, AttributeChartKind>

/**
 * Chart the baseline alone to count its usable points k; with k ≥ 12, chart baseline and after
 * points as one segment whose first k points fix the centre line and limits (`baseline: k`), the
 * segment carrying the rebase's reason. With fewer, the chart of all the points is returned
 * unfrozen (`frozen: false`), for counting only.
 */
export function frozenChart(chart: ControlChartType, measure: LoopMeasure, before: readonly WindowPoint[], after: readonly WindowPoint[], rebase: RebaseInput | null, settings: ChartSettings): FrozenChart {
  const baselineOnly = drawChart(chart, measure, before, settings, {})
  const baselinePoints = baselineOnly.result.points.filter((point) => point.excluded === null).length
  const first = baselineOnly.result.points[0]?.period
  const rebases = rebase === null || first === undefined ? [] : [{ date: first, reason: rebase.reason }]
  const frozen = baselinePoints >= MIN_BASELINE_POINTS
  const all = drawChart(chart, measure, [...before, ...after], settings, frozen ? { rebases, baseline: baselinePoints } : { rebases })
  return { ...all, frozen, baselinePoints }
}

interface Drawn {
  readonly result: ControlChartResult
  readonly counts: readonly PointCounts[] | null
  readonly multiplier: number
}

function drawChart(chart: ControlChartType, measure: LoopMeasure, points: readonly WindowPoint[], settings: ChartSettings, extra: { rebases?: readonly RebaseInput[]; baseline?: number }): Drawn {
  const direction: Direction = measure.direction
  const options = { ...extra, profile: settings.profile, ruleLength: settings.ruleLength, direction, target: measure.target ?? null, interval: measure.period }
  const excluded = (point: WindowPoint) => (point.excluded === undefined ? {} : { excluded: point.excluded })
  if (chart === 'xmr') {
    return { result: xmrChart(points.map((p) => ({ period: p.period, value: p.value, ...excluded(p) })), options), counts: null, multiplier: 1 }
  }
  const kind = ATTRIBUTE_KIND[chart]
  const multiplier = kind === 'u' || kind === 'u_prime' ? (measure.rateMultiplier ?? 1) : 1
  const input = points.map((p) =>
    kind === 'c'
      ? { period: p.period, numerator: p.numerator ?? p.value, denominator: 1, ...excluded(p) }
      : { period: p.period, numerator: p.numerator, denominator: p.denominator, ...excluded(p) },
  )
  const result = attributeChart(kind, input, { ...options, multiplier })
  return { result, counts: result.points.map((p) => ({ numerator: p.numerator, denominator: p.denominator })), multiplier }
}
