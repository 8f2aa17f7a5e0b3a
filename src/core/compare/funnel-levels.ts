/** The two funnel limits, 95% and 99.8%. @see docs/methods/funnel-plots.md */
import { normalQuantile } from './interval-distributions.ts'

/** A two-sided limit: the tail probability α/2 on each side and z_α = Φ⁻¹(1 − α/2). */
export interface FunnelLevel {
  readonly tail: number
  readonly z: number
}

/** 95% limits: z = 1.959964 (STATISTICS.md §4), kept at full precision. */
export const LEVEL_95: FunnelLevel = { tail: 0.025, z: normalQuantile(0.975) }

/** 99.8% limits: z = 3.090232 (STATISTICS.md §4); outside them a unit is an outlier. */
export const LEVEL_998: FunnelLevel = { tail: 0.001, z: normalQuantile(0.999) }
