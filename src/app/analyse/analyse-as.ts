/** A stored series analysed as any chart a measure page offers, with its rebases and exclusions. */
import { AppError } from '../../core/errors.ts'
import { CHARTS_FOR_KIND, type ChartType } from '../../core/model.ts'
import type { ControlChartResult } from '../../core/spc/control-chart.ts'
import { attributeChart, recommendChart, runChart, xmrChart, type AttributeChartKind, type ChartRecommendation, type Profile, type RunChartResult } from '../../core/spc/index.ts'
import type { SeriesRow } from '../../storage/observations.ts'
import type { RebaseRow } from '../../storage/rebases.ts'
import type { MeasureRow } from '../catalogue.ts'

export type ChartAnalysis = { readonly kind: 'run'; readonly result: RunChartResult } | { readonly kind: 'control'; readonly result: ControlChartResult }

export interface AnalyseOptions {
  readonly profile?: Profile | undefined
  readonly baseline?: number | undefined
  /** Period → reason, for points left out of the centre line and limits. */
  readonly exclusions?: ReadonlyMap<string, string>
}

export const CHART_NAMES: Readonly<Record<ChartType, string>> = {
  run: 'Run chart',
  xmr: 'XmR chart',
  p: 'P chart',
  pp: 'P′ chart (Laney)',
  u: 'U chart',
  up: 'U′ chart (Laney)',
  c: 'C chart',
}

const ATTRIBUTE_KIND = { p: 'p', pp: 'p_prime', u: 'u', up: 'u_prime', c: 'c', xmr: 'p', run: 'p' } as const satisfies Record<ChartType, AttributeChartKind>

/** Charts that need each period's numerator and denominator. */
const NEEDS_COUNTS: readonly ChartType[] = ['p', 'pp', 'u', 'up']

/** The charts that can be drawn for this measure's rows (by its kind and whether counts are stored). */
export function chartsFor(measure: Pick<MeasureRow, 'kind'>, rows: readonly SeriesRow[]): ChartType[] {
  const counts = rows.length > 0 && rows.every((r) => r.numerator !== null && r.denominator !== null && r.denominator > 0)
  return CHARTS_FOR_KIND[measure.kind].filter((chart) => counts || !NEEDS_COUNTS.includes(chart))
}

/** Analyse `rows` as `chart`; a chart the measure cannot have is refused with the ones it can. */
export function analyseAs(chart: ChartType, measure: MeasureRow, rows: readonly SeriesRow[], rebases: readonly RebaseRow[], options: AnalyseOptions = {}): ChartAnalysis {
  const allowed = chartsFor(measure, rows)
  if (rows.length > 0 && !allowed.includes(chart)) {
    const why = NEEDS_COUNTS.includes(chart) ? ' (it needs each period’s numerator and denominator)' : ''
    throw new AppError('invalid_request', `A ${CHART_NAMES[chart]} cannot be drawn for ${measure.name}${why}. Choose one of: ${allowed.map((c) => CHART_NAMES[c]).join(', ')}.`)
  }
  const excluded = (period: string) => {
    const reason = options.exclusions?.get(period)
    return reason === undefined ? {} : { excluded: reason }
  }
  const common = {
    rebases: rebases.map((r) => ({ date: r.date, reason: r.reason })),
    interval: measure.period,
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
  }
  if (chart === 'run') return { kind: 'run', result: runChart(rows.map((r) => ({ period: r.period, value: r.value, ...excluded(r.period) })), common) }
  const controlOptions = { ...common, profile: options.profile ?? 'mdc', direction: measure.direction, target: measure.target }
  if (chart === 'xmr') return { kind: 'control', result: xmrChart(rows.map((r) => ({ period: r.period, value: r.value, ...excluded(r.period) })), controlOptions) }
  if (chart === 'c') {
    const points = rows.map((r) => ({ period: r.period, numerator: r.numerator ?? r.value, denominator: 1, ...excluded(r.period) }))
    return { kind: 'control', result: attributeChart('c', points, controlOptions) }
  }
  const kind = ATTRIBUTE_KIND[chart]
  const multiplier = kind === 'u' || kind === 'u_prime' ? (measure.rateMultiplier ?? 1) : 1
  const points = rows.map((r) => ({ period: r.period, numerator: r.numerator, denominator: r.denominator, ...excluded(r.period) }))
  return { kind: 'control', result: attributeChart(kind, points, { ...controlOptions, multiplier }) }
}

/** The chart the core suggests for this measure's stored rows (from its kind, counts and dispersion). */
export function recommendFor(measure: Pick<MeasureRow, 'kind'>, rows: readonly SeriesRow[]): ChartRecommendation {
  return recommendChart({ kind: measure.kind, hasNumerators: rows.some((r) => r.numerator !== null), hasDenominators: rows.some((r) => r.denominator !== null), points: rows })
}
