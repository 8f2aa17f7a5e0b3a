/** Types of a funnel plot comparing units (sites, practices, wards). @see docs/methods/funnel-plots.md */
import type { Direction } from '../model.ts'

/** `proportion`: O of n; `ratio`: observed / expected (indirectly standardised); `rate`: count per exposure. */
export type FunnelType = 'proportion' | 'ratio' | 'rate'
export const FUNNEL_TYPES: readonly FunnelType[] = ['proportion', 'ratio', 'rate']

/** How ratios and rates are adjusted for overdispersion: `shmi` (log scale, truncation) or `cqc` (square-root scale, winsorisation). */
export type RatioMethod = 'shmi' | 'cqc'
export const RATIO_METHODS: readonly RatioMethod[] = ['shmi', 'cqc']

/** Where a unit lies against a pair of limits (a value exactly on a limit is within). */
export type FunnelPosition = 'above' | 'within' | 'below'

/** The reading of a unit outside the 99.8% limits, from the improvement direction. */
export type FunnelSignal = 'possible excellence' | 'possible concern' | 'higher than expected' | 'lower than expected'

/** Whether the spread between units is beyond what chance alone would give. */
export type FunnelSpread = 'beyond chance' | 'within chance' | 'too few units'

export interface FunnelUnitInput {
  readonly unit: string
  /** Count of events: O. */
  readonly numerator: number
  /** n for a proportion, expected count E for a ratio, exposure for a rate. */
  readonly denominator: number
}

export interface FunnelOptions {
  readonly type: FunnelType
  /** Default `increase`. */
  readonly direction?: Direction
  /** For `ratio` and `rate`; default `shmi`. */
  readonly method?: RatioMethod
}

export interface FunnelUnit {
  readonly unit: string
  readonly numerator: number
  readonly denominator: number
  /** O/n, O/E or O/exposure. */
  readonly value: number
  /** Score on the method's transformed scale, divided by √(s² + τ²) when adjusted. */
  readonly z: number
  readonly lower95: number
  readonly upper95: number
  readonly lower998: number
  readonly upper998: number
  /** Against the 99.8% limits: outside them a unit is an outlier. */
  readonly position: FunnelPosition
  /** Against the 95% limits. */
  readonly position95: FunnelPosition
  /** Null when the unit is within the 99.8% limits. */
  readonly signal: FunnelSignal | null
}

export interface FunnelResult {
  readonly type: FunnelType
  /** `null` for proportions. */
  readonly method: RatioMethod | null
  readonly direction: Direction
  /** ΣO/Σn for proportions and rates; 1 for ratios. */
  readonly target: number
  /** Spiegelhalter's dispersion ratio φ (mean of the winsorised or truncated z²). */
  readonly phi: number
  /** Between-unit variance τ² on the transformed scale; 0 when not adjusted. */
  readonly tau2: number
  /** True when φ > 1, so the limits are widened by τ²; otherwise they are the unadjusted limits. */
  readonly adjusted: boolean
  readonly spread: FunnelSpread
  /** One plain-English sentence on the spread (and the fall-back to unadjusted limits). */
  readonly statement: string
  readonly units: readonly FunnelUnit[]
}
