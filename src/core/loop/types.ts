/**
 * Shapes of the verdict engine: an action's predictions with their series in, a verdict per
 * prediction and per action out, each with plain-English reasons and its evidence.
 * @see docs/methods/verdicts.md
 */
import type { CoefficientEstimate } from '../impact/coefficient-estimate.ts'
import type { InterruptedTimeSeries } from '../impact/interrupted-time-series.ts'
import type { PoissonInterruptedTimeSeries } from '../impact/poisson-interrupted-time-series.ts'
import type { Issue } from '../issues.ts'
import type { ChartType, Direction, MeasureKind, PeriodUnit } from '../model.ts'
import type { ControlChartResult } from '../spc/control-chart.ts'
import type { Profile, RebaseInput } from '../spc/types.ts'

/** The verdict on an action (and, without `harm`, on each primary prediction). */
export type Verdict = 'working' | 'not_yet_clear' | 'not_working' | 'harm'
export const VERDICTS: readonly Verdict[] = ['working', 'not_yet_clear', 'not_working', 'harm']

export type PrimaryVerdict = Exclude<Verdict, 'harm'>
export const PRIMARY_VERDICTS: readonly PrimaryVerdict[] = ['working', 'not_yet_clear', 'not_working']

/** A balancing measure either got worse after the change, did not, or cannot be judged yet. */
export type BalancingVerdict = 'harm' | 'no_harm' | 'not_yet_clear'
export const BALANCING_VERDICTS: readonly BalancingVerdict[] = ['harm', 'no_harm', 'not_yet_clear']

/** Which way a prediction expects (or fears) the measure to move. */
export type Movement = Exclude<Direction, 'neutral'>

/** The rule of docs/methods/verdicts.md that decided a primary prediction's verdict. */
export type PrimaryBasis = 'short_baseline' | 'too_few_after' | 'predicted_change' | 'opposite_change' | 'both_ways' | 'no_change' | 'no_change_yet'

/** The rule that decided a balancing prediction's verdict. */
export type BalancingBasis = 'harmful_change' | 'short_baseline' | 'too_few_after' | 'no_harmful_change'

/** The measure a prediction is about, as much of it as the verdict needs. */
export interface LoopMeasure {
  readonly code: string
  /** As people say it: "blood pressure controlled to target". */
  readonly name: string
  readonly kind: MeasureKind
  /** The better direction (colours the chart's points); the verdict uses the prediction's direction. */
  readonly direction: Direction
  readonly period: PeriodUnit
  /** For rates: values are numerator / denominator × this (e.g. 1000). */
  readonly rateMultiplier?: number | null
  /** Unit written after values ("mmHg", "per 1,000 bed days"); proportions are shown as percentages. */
  readonly unit?: string | null
  readonly target?: number | null
}

/** One period of the series, as stored: proportions as fractions, rates already multiplied. */
export interface LoopPoint {
  /** ISO date of the period's first day. */
  readonly period: string
  readonly numerator: number | null
  readonly denominator: number | null
  readonly value: number | null
}

/** A period left out of the centre line and limits, with its reason (a point note). */
export interface Exclusion {
  readonly period: string
  readonly reason: string
}

/** What every prediction carries: the series (measure, site, group) and its data. */
interface PredictionSeriesInput {
  /** Echoed in the review so the caller can match it; null when absent. */
  readonly id?: string
  readonly measure: LoopMeasure
  /** The site as people name it ("Eastgate"); null for the whole organisation. */
  readonly site: string | null
  /** The community group as people name it ("most deprived fifth"); null for all people. */
  readonly group: string | null
  readonly points: readonly LoopPoint[]
  /** Accepted rebases of this series (any dates; only the latest before the change date is used). */
  readonly rebases?: readonly RebaseInput[]
  readonly exclusions?: readonly Exclusion[]
  /** The chart to use instead of the recommended one (never `run`: a verdict needs limits). */
  readonly chart?: Exclude<ChartType, 'run'>
}

/** A measure the action is expected to move. */
export interface PrimaryPredictionInput extends PredictionSeriesInput {
  readonly role: 'primary'
  readonly direction: Movement
  /** Expected size of the change in the measure's units (0.05: 5 percentage points of a proportion); above 0. */
  readonly expectedSize?: number
  /** ISO date by which the change should show. */
  readonly by?: string
}

/** A measure watched in case the action makes it worse. */
export interface BalancingPredictionInput extends PredictionSeriesInput {
  readonly role: 'balancing'
  readonly harmfulDirection: Movement
}

export type PredictionInput = PrimaryPredictionInput | BalancingPredictionInput

/** Settings shared by every prediction of a review; defaults in `thresholds.ts`. */
export interface ReviewSettings {
  /** ISO date of the change (the first period on or after it is the first "after" point). */
  readonly changeDate: string
  /** ISO date of the review: periods starting after it are ignored. */
  readonly asOf: string
  /** Chart profile for the limits (default `mdc`). */
  readonly profile?: Profile
  /** Points in a row that make a shift or a trend (default 7). */
  readonly ruleLength?: number
}

export interface ActionReviewInput extends ReviewSettings {
  /** The action as people name it ("Text reminders for blood pressure checks"). */
  readonly title?: string
  readonly predictions: readonly PredictionInput[]
}

export type SignalKind = 'outside_limits' | 'shift' | 'trend'

/** Special-cause variation among the points after the change, against the frozen baseline. */
export interface PostChangeSignal {
  readonly kind: SignalKind
  /** `increase`: above the limit or the average, or rising; `decrease`: below, or falling. */
  readonly direction: Movement
  /** The periods of its points, in order (for `outside_limits`, every point beyond that limit). */
  readonly periods: readonly string[]
}

/** Interrupted time series on the same points, the change at the first point after it. */
export interface ImpactEvidence {
  /** β2 of the linear model, in the measure's units; null when there is no estimate. */
  readonly levelChange: CoefficientEstimate | null
  /** β3 of the linear model, per period. */
  readonly slopeChange: CoefficientEstimate | null
  readonly linear: InterruptedTimeSeries | null
  /** Segmented Poisson regression, for counts (C) and rates (U, U′) with whole counts. */
  readonly poisson: PoissonInterruptedTimeSeries | null
  /** Why there is no estimate; null when there is one. */
  readonly reason: string | null
}

export interface PredictionEvidence {
  /** Baseline and after points on one chart, the limits frozen on the baseline; null when the baseline is too short. */
  readonly chart: ControlChartResult | null
  readonly chartChoice: { readonly chart: Exclude<ChartType, 'run'>; readonly reason: string }
  readonly changeDate: string
  readonly asOf: string
  /** The rebase that starts the baseline; null when it starts with the series. */
  readonly rebase: RebaseInput | null
  /** First and last baseline periods; null when there is none. */
  readonly baselineFrom: string | null
  readonly baselineTo: string | null
  /** Last period after the change; null when there is none. */
  readonly lastPeriod: string | null
  /** Points used (not excluded, with a value) before and after the change. */
  readonly pointsBefore: number
  readonly pointsAfter: number
  readonly excludedBefore: number
  readonly excludedAfter: number
  /** As the chart's centre line: Σnumerators/Σdenominators for P and U charts, else the mean. */
  readonly averageBefore: number | null
  readonly averageAfter: number | null
  /** averageAfter − averageBefore. */
  readonly difference: number | null
  readonly signals: readonly PostChangeSignal[]
  readonly impact: ImpactEvidence
  readonly issues: readonly Issue[]
}

interface ReviewBase {
  readonly id: string | null
  readonly measure: string
  /** "Blood pressure controlled to target at Eastgate, most deprived fifth". */
  readonly subject: string
  /** The verdict in plain words. */
  readonly label: string
  /** Plain-English sentences; the first says why the verdict is what it is. */
  readonly reasons: readonly string[]
  readonly evidence: PredictionEvidence
}

export interface PrimaryReview extends ReviewBase {
  readonly role: 'primary'
  readonly verdict: PrimaryVerdict
  readonly basis: PrimaryBasis
  readonly direction: Movement
  readonly expectedSize: number | null
  readonly by: string | null
  /** The estimated step against the expected size; null without an expected size or an estimate. */
  readonly sizeComparison: 'smaller' | 'consistent' | 'larger' | null
}

export interface BalancingReview extends ReviewBase {
  readonly role: 'balancing'
  readonly verdict: BalancingVerdict
  readonly basis: BalancingBasis
  readonly harmfulDirection: Movement
}

export type PredictionReview = PrimaryReview | BalancingReview

export interface ActionReview {
  readonly verdict: Verdict
  readonly label: string
  /** The first sentence gives the verdict and why; then one per prediction. */
  readonly reasons: readonly string[]
  readonly changeDate: string
  readonly asOf: string
  /** In the order of the input. */
  readonly predictions: readonly PredictionReview[]
}
