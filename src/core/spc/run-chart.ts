/** Run chart: median centre line and the Anhøj runs analysis. @see docs/methods/run-chart.md */
import type { Issue } from '../issues.ts'
import type { SeriesPoint } from './check-input.ts'
import { checkOptions } from './check-options.ts'
import { median } from './median.ts'
import { runsAnalysis } from './runs-analysis.ts'
import { segmentBaseline } from './segment-baseline.ts'
import { segmentSeries, type SeriesSegment } from './series-segments.ts'
import type { RunsAnalysis, SpcInputPoint, XmrOptions } from './types.ts'

/** Options of a run chart: a baseline (k ≥ 12), rebases and the expected spacing. */
export type RunChartOptions = Pick<XmrOptions, 'baseline' | 'rebases' | 'interval'>

export interface RunChartSegment {
  readonly from: string
  readonly to: string
  readonly reason: string | null
  /** Median of the segment's baseline values. */
  readonly centre: number
  readonly baselinePoints: number
  /** Anhøj runs analysis of the segment's points that are not excluded, against `centre`. */
  readonly runs: RunsAnalysis
}

export interface RunChartPoint {
  readonly period: string
  readonly value: number
  readonly segment: number
  readonly centre: number
  readonly excluded: string | null
}

export interface RunChartResult {
  readonly chart: 'run'
  readonly segments: readonly RunChartSegment[]
  readonly points: readonly RunChartPoint[]
  readonly issues: readonly Issue[]
}

/**
 * Run chart of `points` (any order): per segment, the median of the baseline as centre line and the
 * Anhøj rules (unusually long run, too few crossings) as the signal. Problems in the data come back
 * as issues; impossible options (baseline < 12, …) throw.
 * @see Anhøj J, Olesen AV. Run charts revisited. PLoS ONE 2014;9(11):e113825.
 */
export function runChart(points: readonly SpcInputPoint[], options: RunChartOptions = {}): RunChartResult {
  checkOptions(options)
  const { baseline, rebases = [], interval } = options
  const series = segmentSeries(points, rebases, interval)
  const analysed = series.segments.map((segment) => analyseRunSegment(segment, baseline))
  return {
    chart: 'run',
    segments: analysed.map((a) => a.segment),
    points: analysed.flatMap((a) => a.points),
    issues: [...series.issues, ...analysed.flatMap((a) => a.issues)],
  }
}

function analyseRunSegment({ index, reason, points }: SeriesSegment, baselineSize: number | undefined) {
  const from = (points[0] as SeriesPoint).period
  const baseline = segmentBaseline(points, baselineSize, `Segment ${index + 1} (from ${from})`)
  const centre = median(baseline.values)
  const included = points.filter((point) => point.excluded === null).map((point) => point.value)
  const segment: RunChartSegment = {
    from,
    to: (points.at(-1) as SeriesPoint).period,
    reason,
    centre,
    baselinePoints: baseline.values.length,
    runs: runsAnalysis(included, centre),
  }
  const chartPoints = points.map((point): RunChartPoint => ({ period: point.period, value: point.value, segment: index, centre, excluded: point.excluded }))
  // A run chart has no limits: the one-point warning about limits does not apply to it.
  const issues = baseline.issues.filter((issue) => !issue.message.includes('the limits equal the centre line'))
  return { segment, points: chartPoints, issues }
}
