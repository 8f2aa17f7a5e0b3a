import { invert, multiplyVector, weightedCrossProduct, weightedCrossVector, type Matrix } from './linear-algebra.ts'

export interface PoissonFit {
  /** Coefficients on the log scale. */
  readonly coefficients: readonly number[]
  /** Model-based covariance (XᵀWX)⁻¹ at convergence. */
  readonly covariance: readonly (readonly number[])[]
  /** Fitted counts μ. */
  readonly fitted: readonly number[]
  /** Deviance 2 Σ [y log(y/μ) − (y − μ)]. */
  readonly deviance: number
  /** Pearson χ² / (n − k): about 1 when the Poisson variance holds, above 1 with overdispersion. */
  readonly dispersion: number
  readonly iterations: number
}

function deviance(y: readonly number[], mu: readonly number[]): number {
  return 2 * y.reduce((sum, yi, i) => {
    const m = mu[i] ?? 0
    return sum + (yi > 0 ? yi * Math.log(yi / m) : 0) - (yi - m)
  }, 0)
}

/**
 * Poisson regression with a log link and an offset (log exposure), by iteratively reweighted
 * least squares; stops when the deviance changes by less than 1e-12 relative (at most 100 steps).
 * @see docs/methods/interrupted-time-series.md (McCullagh & Nelder 1989, section 2.5)
 */
export function poissonRegression(x: Matrix, counts: readonly number[], offset: readonly number[]): PoissonFit {
  const n = counts.length
  const k = x[0]?.length ?? 0
  const total = counts.reduce((a, b) => a + b, 0)
  const exposure = offset.reduce((a, o) => a + Math.exp(o), 0)
  if (!(total > 0)) throw new Error(`invalid counts: total ${total} (expected at least one event)`)
  let beta = Array.from({ length: k }, (_, j) => (j === 0 ? Math.log(total / exposure) : 0))
  let mu = multiplyVector(x, beta).map((eta, i) => Math.exp(eta + (offset[i] ?? 0)))
  let previous = deviance(counts, mu)
  let iterations = 0
  let covariance: number[][] = []
  for (; iterations < 100; iterations++) {
    const z = mu.map((m, i) => Math.log(m) - (offset[i] ?? 0) + ((counts[i] ?? 0) - m) / m)
    covariance = invert(weightedCrossProduct(x, mu))
    beta = multiplyVector(covariance, weightedCrossVector(x, z, mu))
    mu = multiplyVector(x, beta).map((eta, i) => Math.exp(eta + (offset[i] ?? 0)))
    const current = deviance(counts, mu)
    const converged = Math.abs(current - previous) <= 1e-12 * (Math.abs(current) + 1e-3)
    previous = current
    if (converged) break
  }
  covariance = invert(weightedCrossProduct(x, mu))
  const pearson = counts.reduce((sum, y, i) => sum + (y - (mu[i] ?? 0)) ** 2 / (mu[i] ?? 1), 0)
  return { coefficients: beta, covariance, fitted: mu, deviance: previous, dispersion: pearson / (n - k), iterations: iterations + 1 }
}
