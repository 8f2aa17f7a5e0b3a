/** Centre line and per-point limits of a P, U, C, P′ or U′ chart segment. @see docs/methods/attribute-charts.md */
import type { AttributeChartKind } from './attribute-types.ts'
import { laneySigmaZ } from './laney.ts'

export interface AttributeCount {
  readonly numerator: number
  /** Positive (1 for every point of a C chart). */
  readonly denominator: number
}

export interface PointLimits {
  /** σ_i (σ′_i = σ_i·σ_z for P′ and U′). */
  readonly sigma: number
  /** (value − centre)/sigma: ±Infinity when sigma is 0 and the value is off the centre, 0 on it. */
  readonly z: number
  readonly upper: number
  readonly lower: number
  readonly upper2sigma: number
  readonly lower2sigma: number
}

export interface AttributeLimits {
  /** Σnumerators/Σdenominators of the baseline (the mean count for C). */
  readonly centre: number
  /** Laney's σ_z of the baseline (null for C, which has no denominators to standardise by). */
  readonly sigmaZ: number | null
  /** One entry per point of `points`, in order. */
  readonly points: readonly PointLimits[]
}

/**
 * Centre from the baseline; for each point, σ_i = √(p̄(1−p̄)/n_i) (P, P′) or √(ū/n_i) (U, U′, C),
 * times σ_z for P′ and U′; limits centre ± 3σ_i and the 2σ band centre ± 2σ_i, each truncated at 0
 * (and at 1 for proportions). σ_z comes from the z-scores of the baseline points.
 */
export function attributeLimits(
  kind: AttributeChartKind,
  baseline: readonly AttributeCount[],
  points: readonly AttributeCount[],
  screening: boolean,
): AttributeLimits {
  const centre = ratio(baseline)
  const binomial = kind === 'p' || kind === 'p_prime'
  const unitSigma = Math.sqrt(binomial ? centre * (1 - centre) : centre)
  const zOf = (count: AttributeCount, scale: number): number => zScore(count.numerator / count.denominator, centre, (scale * unitSigma) / Math.sqrt(count.denominator))
  const sigmaZ = kind === 'c' ? null : laneySigmaZ(baseline.map((count) => zOf(count, 1)), screening)
  const scale = (kind === 'p_prime' || kind === 'u_prime') && sigmaZ !== null ? sigmaZ : 1
  const clamp = (x: number): number => Math.min(Math.max(x, 0), binomial ? 1 : Infinity)
  return {
    centre,
    sigmaZ,
    points: points.map((count) => {
      const sigma = (scale * unitSigma) / Math.sqrt(count.denominator)
      return {
        sigma,
        z: zOf(count, scale),
        upper: clamp(centre + 3 * sigma),
        lower: clamp(centre - 3 * sigma),
        upper2sigma: clamp(centre + 2 * sigma),
        lower2sigma: clamp(centre - 2 * sigma),
      }
    }),
  }
}

/** Σnumerators/Σdenominators (at least one count). */
function ratio(counts: readonly AttributeCount[]): number {
  if (counts.length === 0) throw new Error('invalid baseline: [] (expected at least one point)')
  const numerators = counts.reduce((sum, count) => sum + count.numerator, 0)
  const denominators = counts.reduce((sum, count) => sum + count.denominator, 0)
  return numerators / denominators
}

function zScore(value: number, centre: number, sigma: number): number {
  if (value === centre) return 0
  return sigma > 0 ? (value - centre) / sigma : (value - centre) * Infinity
}
