/** Everything a verdict rests on, for one prediction's series. @see docs/methods/verdicts.md */
import type { Profile, SpcPoint } from '../spc/types.ts'
import { beforeAfter } from './before-after.ts'
import { chooseChart } from './chart-choice.ts'
import { frozenChart } from './frozen-chart.ts'
import { impactEvidence } from './impact-evidence.ts'
import { postChangeSignals } from './post-change-signals.ts'
import { seriesWindow } from './series-window.ts'
import type { PredictionEvidence, PredictionInput } from './types.ts'

export interface EvidenceSettings {
  readonly changeDate: string
  readonly asOf: string
  readonly profile: Profile
  readonly ruleLength: number
}

/**
 * The window of points (baseline from the latest rebase before the change, after points up to
 * `asOf`), the chosen chart with its limits frozen on the baseline, the signals after the change,
 * the interrupted time series, and the counts and averages on each side.
 */
export function predictionEvidence(prediction: PredictionInput, settings: EvidenceSettings): PredictionEvidence {
  const { changeDate, asOf, profile, ruleLength } = settings
  const { measure } = prediction
  const window = seriesWindow(prediction.points, prediction.rebases ?? [], prediction.exclusions ?? [], changeDate, asOf)
  const chartChoice = chooseChart(measure, [...window.before, ...window.after], window.before, prediction.chart)
  const chart = frozenChart(chartChoice.chart, measure, window.before, window.after, window.rebase, { profile, ruleLength })
  const points = chart.result.points
  const before = points.filter((p) => p.period < changeDate)
  const after = points.filter((p) => p.period >= changeDate)
  const used = after.filter((p) => p.excluded === null)
  const counts = beforeAfter(points, chart.counts, chart.multiplier, changeDate)
  return {
    chart: chart.frozen ? chart.result : null,
    chartChoice,
    changeDate,
    asOf,
    rebase: window.rebase,
    baselineFrom: periodOf(before[0]),
    baselineTo: periodOf(before.at(-1)),
    lastPeriod: periodOf(after.at(-1)),
    ...counts,
    difference: counts.averageBefore === null || counts.averageAfter === null ? null : counts.averageAfter - counts.averageBefore,
    signals: chart.frozen ? postChangeSignals(used, ruleLength) : [],
    impact: impactEvidence(points, chart.counts, chartChoice.chart, changeDate, measure.period),
    issues: [...window.issues, ...chart.result.issues],
  }
}

function periodOf(point: SpcPoint | undefined): string | null {
  return point === undefined ? null : point.period
}
