/** Spiegelhalter's multiplicative and additive overdispersion (φ, τ²). @see docs/methods/funnel-plots.md */
import { quantileType7 } from './quantile-type7.ts'

/** `winsorise`: pull z beyond the cut-offs back to them; `truncate`: drop those units. */
export type Trim = 'winsorise' | 'truncate'

export interface Overdispersion {
  /** Dispersion ratio: mean of the trimmed z². */
  readonly phi: number
  /** Between-unit variance on the transformed scale; 0 unless φ > 1. */
  readonly tau2: number
  /** φ > 1 (and τ² could be estimated): limits are widened by τ². */
  readonly adjusted: boolean
  /** False when fewer than 2 units remain after trimming: φ and τ² cannot be estimated (both 0). */
  readonly estimable: boolean
}

/** The fraction trimmed at each end: the 10th and 90th percentiles (R type 7). */
export const TRIM_FRACTION = 0.1

/**
 * φ = mean(trimmed z²); when φ > 1, τ² = max(0, (Nφ − (N − 1)) / (Σw − Σw²/Σw)) over the N units
 * kept (all units when winsorising; at least 2 are needed), with w = 1/s² the inverse within-unit variance; otherwise τ² = 0.
 * z and weights are paired by index; order does not matter beyond floating-point summation.
 * @see Spiegelhalter DJ (2005), Handling over-dispersion of performance indicators, Qual Saf Health Care 14:347–351
 */
export function overdispersion(z: readonly number[], weights: readonly number[], trim: Trim): Overdispersion {
  if (z.length !== weights.length) throw new Error(`z and weights differ in length: ${z.length} and ${weights.length}`)
  if (z.length === 0) throw new Error('overdispersion of no units')
  const low = quantileType7(z, TRIM_FRACTION)
  const high = quantileType7(z, 1 - TRIM_FRACTION)
  const kept = z.map((zi, i) => ({ zi, w: weights[i]! })).filter(({ zi }) => trim === 'winsorise' || (zi >= low && zi <= high))
  const trimmed = kept.map(({ zi }) => (trim === 'winsorise' ? Math.min(Math.max(zi, low), high) : zi))
  const n = kept.length
  if (n < 2) return { phi: 0, tau2: 0, adjusted: false, estimable: false }
  const phi = trimmed.reduce((sum, zi) => sum + zi * zi, 0) / n
  const sumW = kept.reduce((sum, { w }) => sum + w, 0)
  const sumW2 = kept.reduce((sum, { w }) => sum + w * w, 0)
  const spreadOfWeights = sumW - sumW2 / sumW
  if (!(phi > 1) || !(spreadOfWeights > 0)) return { phi, tau2: 0, adjusted: false, estimable: true }
  const tau2 = Math.max(0, (n * phi - (n - 1)) / spreadOfWeights)
  return { phi, tau2, adjusted: tau2 > 0, estimable: true }
}
