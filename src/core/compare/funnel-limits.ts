/** Each funnel type's scale: unit score, weight and limits at a denominator. @see docs/methods/funnel-plots.md */
import { gammaQuantile } from './interval-distributions.ts'
import type { FunnelLevel } from './funnel-levels.ts'
import type { Trim } from './overdispersion.ts'
import type { FunnelType, RatioMethod } from './funnel-types.ts'

export interface FunnelScale {
  /** How the overdispersion estimate trims extreme z. */
  readonly trim: Trim
  /** Unadjusted score (y − θ)/s of a unit with numerator O and denominator n. */
  readonly z: (numerator: number, denominator: number) => number
  /** Inverse within-unit variance w = 1/s² at a denominator. */
  readonly weight: (denominator: number) => number
  /** [lower, upper] at denominator x; exact Poisson for ratios and rates when not adjusted. */
  readonly limits: (x: number, level: FunnelLevel, tau2: number, adjusted: boolean) => readonly [number, number]
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi)

/** Proportions on the arcsine square-root scale: y = asin√p, s² = 1/(4n). */
function proportionScale(target: number): FunnelScale {
  const theta = Math.asin(Math.sqrt(target))
  const toProportion = (angle: number): number => Math.sin(clamp(angle, 0, Math.PI / 2)) ** 2
  return {
    trim: 'winsorise',
    z: (o, n) => (Math.asin(Math.sqrt(o / n)) - theta) * 2 * Math.sqrt(n),
    weight: (n) => 4 * n,
    limits: (x, { z }, tau2) => {
      const half = z * Math.sqrt(1 / (4 * x) + tau2)
      return [toProportion(theta - half), toProportion(theta + half)]
    },
  }
}

/** Exact Poisson limits for a ratio with expected count e: qgamma(α/2, e)/e and qgamma(1 − α/2, e + 1)/e. */
export function poissonRatioLimits(e: number, { tail }: FunnelLevel): readonly [number, number] {
  return [gammaQuantile(tail, e) / e, gammaQuantile(1 - tail, e + 1) / e]
}

/** Ratios O/E with target 1: SHMI on the log scale (s² = 1/E), CQC on the square-root scale (s² = 1/(4E)). */
function ratioScale(method: RatioMethod): FunnelScale {
  if (method === 'shmi') {
    return {
      trim: 'truncate',
      z: (o, e) => Math.sqrt(e) * Math.log(o / e),
      weight: (e) => e,
      limits: (x, level, tau2, adjusted) => {
        if (!adjusted) return poissonRatioLimits(x, level)
        const half = level.z * Math.sqrt(1 / x + tau2)
        return [Math.exp(-half), Math.exp(half)]
      },
    }
  }
  return {
    trim: 'winsorise',
    z: (o, e) => 2 * (Math.sqrt(o) - Math.sqrt(e)),
    weight: (e) => 4 * e,
    limits: (x, level, tau2, adjusted) => {
      if (!adjusted) return poissonRatioLimits(x, level)
      const half = level.z * Math.sqrt(1 / (4 * x) + tau2)
      return [Math.max(0, 1 - half) ** 2, (1 + half) ** 2]
    },
  }
}

/** Rates O/exposure: a ratio with expected count E = exposure × target, its limits scaled by the target. */
function rateScale(method: RatioMethod, target: number): FunnelScale {
  const ratio = ratioScale(method)
  return {
    trim: ratio.trim,
    z: (o, exposure) => ratio.z(o, exposure * target),
    weight: (exposure) => ratio.weight(exposure * target),
    limits: (x, level, tau2, adjusted) => {
      const [lower, upper] = ratio.limits(x * target, level, tau2, adjusted)
      return [lower * target, upper * target]
    },
  }
}

/** The scale of a funnel type; `target` is ΣO/Σn for proportions and rates (ignored for ratios). */
export function funnelScale(type: FunnelType, method: RatioMethod, target: number): FunnelScale {
  if (type === 'proportion') return proportionScale(target)
  if (type === 'ratio') return ratioScale(method)
  return rateScale(method, target)
}
