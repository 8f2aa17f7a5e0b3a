/** Laney's σ_z: the spread of the z-scores, for the P′ and U′ charts. @see docs/methods/attribute-charts.md */
import { averageMovingRange } from './average-moving-range.ts'

/**
 * d2 for moving ranges of two points: σ_z = AMR(z)/1.128. The exact constant (not MDC's 2.66/3) as
 * STATISTICS.md §2 and Laney (2002) give it, so that σ_z of independent normal z-scores is close to 1.
 */
export const LANEY_D2 = 1.128

/**
 * σ_z of the baseline z-scores in time order: their average moving range over 1.128, the ranges of
 * at least 3.267·AMR screened out once when `screening` (the default profiles). 0 for fewer than two.
 * @see Laney DB. Improved control charts for attributes. Quality Engineering 2002;14(4):531–537.
 */
export function laneySigmaZ(z: readonly number[], screening: boolean): number {
  return averageMovingRange(z, screening) / LANEY_D2
}
