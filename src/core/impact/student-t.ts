import { logGamma, normalQuantile } from '../compare/interval-distributions.ts'

const EPS = 1e-16
const TINY = 1e-300

/** Continued fraction for the regularised incomplete beta (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m < 1000; m++) {
    const m2 = 2 * m
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + even * d
    d = Math.abs(d) < TINY ? 1 / TINY : 1 / d
    c = 1 + even / c
    if (Math.abs(c) < TINY) c = TINY
    h *= d * c
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + odd * d
    d = Math.abs(d) < TINY ? 1 / TINY : 1 / d
    c = 1 + odd / c
    if (Math.abs(c) < TINY) c = TINY
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPS) break
  }
  return h
}

/** Regularised incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b
}

/** CDF of Student's t distribution with df > 0 degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new Error(`invalid degrees of freedom: ${df} (expected df > 0)`)
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t > 0 ? 1 - tail : tail
}

/** Two-sided p-value P(|T| ≥ |t|) for Student's t with df degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new Error(`invalid degrees of freedom: ${df} (expected df > 0)`)
  return incompleteBeta(df / (df + t * t), df / 2, 0.5)
}

/** Quantile of Student's t distribution: the t with CDF(t) = p, for 0 < p < 1 and df > 0. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`invalid probability: ${p} (expected 0 < p < 1)`)
  if (p > 0.5) return -studentTQuantile(1 - p, df)
  if (p === 0.5) return 0
  // Bracket below the normal quantile (t tails are heavier), then bisect; 200 halvings suffice.
  let upper = 0
  let lower = Math.min(normalQuantile(p), -1)
  while (studentTCdf(lower, df) > p) lower *= 2
  for (let i = 0; i < 200 && upper - lower > 1e-15 * Math.max(1, Math.abs(lower)); i++) {
    const mid = (lower + upper) / 2
    if (studentTCdf(mid, df) < p) lower = mid
    else upper = mid
  }
  return (lower + upper) / 2
}
