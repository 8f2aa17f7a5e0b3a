/** Shapes of attribute (P, U, C, P′, U′) chart inputs and results. @see docs/methods/attribute-charts.md */
import type { Direction } from '../model.ts'
import type { Issue } from '../issues.ts'
import type { Assurance, PointType, Profile, RunsAnalysis, SpcPoint, XmrOptions } from './types.ts'

/** `p`: proportions; `u`: rates per unit of exposure; `c`: counts; `*_prime`: Laney's P′ and U′. */
export type AttributeChartKind = 'p' | 'u' | 'c' | 'p_prime' | 'u_prime'
export const ATTRIBUTE_CHART_KINDS: readonly AttributeChartKind[] = ['p', 'u', 'c', 'p_prime', 'u_prime']

export interface AttributeInputPoint {
  /** ISO date of the period's first day. */
  readonly period: string
  /** Events (P: patients with the outcome; U, C: count). null when missing. */
  readonly numerator: number | null
  /** Patients (P) or exposure (U: bed days, attendances …); null when missing; ignored by C. */
  readonly denominator: number | null
  /** Reason the point is left out of the centre line and limits (it is still drawn and tested). */
  readonly excluded?: string
}

export interface AttributeOptions extends XmrOptions {
  /** Values, centre and limits are multiplied by this (100: per cent, or per 100 units). Default 1. */
  readonly multiplier?: number
}

/** A charted point with its own limits (they vary with the denominator). */
export interface AttributePoint extends SpcPoint {
  readonly numerator: number
  readonly denominator: number
  /** σ_i of the point (σ′_i for P′ and U′), in the units of `value`. */
  readonly sigma: number
  readonly upper2sigma: number
  readonly lower2sigma: number
}

export interface AttributeSegment {
  readonly from: string
  readonly to: string
  readonly reason: string | null
  readonly centre: number
  /** Laney's σ_z of the baseline z-scores (computed for every chart but C; null for C). */
  readonly sigmaZ: number | null
  readonly baselinePoints: number
  readonly trialLimits: boolean
  readonly runs: RunsAnalysis
}

export interface AttributeResult {
  readonly chart: AttributeChartKind
  readonly profile: Profile
  readonly direction: Direction
  readonly target: number | null
  readonly multiplier: number
  readonly segments: readonly AttributeSegment[]
  readonly points: readonly AttributePoint[]
  readonly variation: PointType | null
  readonly assurance: Assurance | null
  readonly issues: readonly Issue[]
}
