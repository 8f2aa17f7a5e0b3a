/** Which control chart a prediction's series is judged on. @see docs/methods/verdicts.md */
import { CHARTS_FOR_KIND, type ChartType, type MeasureKind } from '../model.ts'
import { MIN_CONTROL_CHART_POINTS, recommendChart } from '../spc/recommend-chart.ts'
import type { LoopMeasure, LoopPoint } from './types.ts'

export type ControlChartType = Exclude<ChartType, 'run'>

export interface ChartChoice {
  readonly chart: ControlChartType
  readonly reason: string
}

export const CONTROL_CHART_NAMES: Readonly<Record<ControlChartType, string>> = {
  xmr: 'XmR chart',
  p: 'P chart',
  pp: 'P′ chart (Laney)',
  u: 'U chart',
  up: 'U′ chart (Laney)',
  c: 'C chart',
}

const KIND_WORDS: Readonly<Record<MeasureKind, string>> = { proportion: 'a percentage', rate: 'a rate', count: 'a count', mean: 'an average' }

/**
 * The chart `core/spc.recommendChart` recommends from the baseline points (the process before the
 * change), or `override`. When the baseline is too short for its test (fewer than 13 points it
 * would recommend a run chart, which has no limits), the first control chart it lists instead.
 * Throws on an override that the measure's kind cannot have.
 */
export function chooseChart(measure: LoopMeasure, all: readonly LoopPoint[], baseline: readonly LoopPoint[], override?: ControlChartType): ChartChoice {
  if (override !== undefined) {
    if (!CHARTS_FOR_KIND[measure.kind].includes(override) || (override as ChartType) === 'run') {
      throw new Error(`invalid chart: ${JSON.stringify(override)} for a ${measure.kind} measure (expected one of ${CHARTS_FOR_KIND[measure.kind].filter((c) => c !== 'run').join(', ')})`)
    }
    return { chart: override, reason: `The ${CONTROL_CHART_NAMES[override]} was chosen for this prediction.` }
  }
  const recommendation = recommendChart({
    kind: measure.kind,
    hasNumerators: all.some((point) => point.numerator !== null),
    hasDenominators: all.some((point) => point.denominator !== null),
    points: baseline,
  })
  if (recommendation.chart !== 'run') return { chart: recommendation.chart, reason: recommendation.reason }
  const chart = recommendation.alternatives.find((c): c is ControlChartType => c !== 'run') ?? 'xmr'
  return {
    chart,
    reason: `With ${baseline.length} ${baseline.length === 1 ? 'point' : 'points'} before the change, fewer than the ${MIN_CONTROL_CHART_POINTS} a chart recommendation needs, the usual chart for ${KIND_WORDS[measure.kind]} is used: the ${CONTROL_CHART_NAMES[chart]}.`,
  }
}
