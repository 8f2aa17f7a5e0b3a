/**
 * Durbin–Watson statistic Σ(eₜ − eₜ₋₁)² / Σeₜ² (about 2 when residuals are independent, below 2
 * with positive autocorrelation); 2 when every residual is 0.
 */
export function durbinWatson(residuals: readonly number[]): number {
  const ss = residuals.reduce((sum, e) => sum + e * e, 0)
  if (ss === 0) return 2
  let diff = 0
  for (let i = 1; i < residuals.length; i++) diff += ((residuals[i] ?? 0) - (residuals[i - 1] ?? 0)) ** 2
  return diff / ss
}

/** Lag-1 autocorrelation of residuals Σeₜeₜ₋₁ / Σeₜ² (residuals of a model with an intercept have mean 0); 0 when all are 0. */
export function lag1Autocorrelation(residuals: readonly number[]): number {
  const ss = residuals.reduce((sum, e) => sum + e * e, 0)
  if (ss === 0) return 0
  let cross = 0
  for (let i = 1; i < residuals.length; i++) cross += (residuals[i] ?? 0) * (residuals[i - 1] ?? 0)
  return cross / ss
}
