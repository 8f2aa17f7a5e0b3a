/** Shapes of statistical process control inputs and results. @see docs/methods/xmr.md */
import type { Issue } from '../issues.ts'
import type { Direction, PeriodUnit } from '../model.ts'

export type Profile = 'mdc' | 'mdc_excel' | 'mdc2023' | 'qic'
export const PROFILES: readonly Profile[] = ['mdc', 'mdc_excel', 'mdc2023', 'qic']

export type Rule = 'outside_limits' | 'trend' | 'two_of_three' | 'shift'
export type PointType = 'common_cause' | 'improvement' | 'concern' | 'neutral_high' | 'neutral_low'
export type Assurance = 'pass' | 'fail' | 'hit_or_miss'

export interface SpcInputPoint {
  /** ISO date of the period's first day. */
  readonly period: string
  /** null for a missing value (dropped before the rules, and reported). */
  readonly value: number | null
  /** Reason the point is left out of the centre line and limits (it is still drawn and tested). */
  readonly excluded?: string
}

export interface RebaseInput {
  /** ISO date: a new segment starts at the first point on or after it. */
  readonly date: string
  readonly reason: string | null
}

export interface XmrOptions {
  readonly profile?: Profile
  readonly direction?: Direction
  readonly target?: number | null
  /** First k points of each segment fix the limits (k ≥ 12); all points when absent. */
  readonly baseline?: number
  readonly rebases?: readonly RebaseInput[]
  /** Length of the trend and shift runs (default 7). */
  readonly ruleLength?: number
  /** Expected spacing of the periods; inferred from the data when absent. */
  readonly interval?: PeriodUnit
}

/** Anhøj runs analysis of one segment against its centre line. @see docs/methods/xmr.md */
export interface RunsAnalysis {
  readonly usefulPoints: number
  readonly longestRun: number
  readonly longestRunMax: number
  readonly crossings: number
  readonly crossingsMin: number
  readonly signal: boolean
}

export interface Segment {
  readonly from: string
  readonly to: string
  readonly reason: string | null
  readonly centre: number
  readonly upper: number
  readonly lower: number
  readonly upper2sigma: number
  readonly lower2sigma: number
  readonly baselinePoints: number
  readonly trialLimits: boolean
  readonly runs: RunsAnalysis
}

export interface SpcPoint {
  readonly period: string
  readonly value: number
  readonly segment: number
  readonly centre: number
  readonly upper: number
  readonly lower: number
  readonly rule: Rule | null
  readonly type: PointType
  readonly excluded: string | null
}

export interface SpcResult {
  readonly chart: 'xmr'
  readonly profile: Profile
  readonly direction: Direction
  readonly target: number | null
  readonly segments: readonly Segment[]
  readonly points: readonly SpcPoint[]
  /** Point type of the last point; null when there are no points. */
  readonly variation: PointType | null
  readonly assurance: Assurance | null
  readonly issues: readonly Issue[]
}
