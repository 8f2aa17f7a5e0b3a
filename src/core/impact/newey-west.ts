import { invert, multiply, type Matrix } from './linear-algebra.ts'

/**
 * Newey–West (HAC) covariance of OLS coefficients: (XᵀX)⁻¹ S (XᵀX)⁻¹ · n / (n − k), where
 * S = Σ eᵢ² xᵢxᵢᵀ + Σₗ wₗ Σᵢ eᵢeᵢ₋ₗ (xᵢxᵢ₋ₗᵀ + xᵢ₋ₗxᵢᵀ) with Bartlett weights wₗ = 1 − l / (lag + 1).
 * Lag 0 gives White's heteroscedasticity-consistent covariance with the same n / (n − k) factor (HC1).
 * @see docs/methods/interrupted-time-series.md (Newey & West 1987)
 */
export function neweyWestCovariance(x: Matrix, residuals: readonly number[], lag = 1): number[][] {
  if (!Number.isInteger(lag) || lag < 0) throw new Error(`invalid lag: ${lag} (expected a whole number ≥ 0)`)
  const n = x.length
  const k = x[0]?.length ?? 0
  if (n <= k) throw new Error(`too few rows: ${n} (expected more than ${k})`)
  const s = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  for (let l = 0; l <= Math.min(lag, n - 1); l++) {
    const weight = l === 0 ? 1 : 1 - l / (lag + 1)
    for (let i = l; i < n; i++) {
      const xi = x[i] ?? []
      const xj = x[i - l] ?? []
      const ee = weight * (residuals[i] ?? 0) * (residuals[i - l] ?? 0)
      for (let a = 0; a < k; a++) {
        const row = s[a] as number[]
        for (let b = 0; b < k; b++) {
          const term = (xi[a] ?? 0) * (xj[b] ?? 0) + (l === 0 ? 0 : (xj[a] ?? 0) * (xi[b] ?? 0))
          row[b] = (row[b] ?? 0) + ee * term
        }
      }
    }
  }
  const xtx = x[0] === undefined ? [] : invert(multiply(transpose(x), x))
  const factor = n / (n - k)
  return multiply(multiply(xtx, s), xtx).map((row) => row.map((v) => v * factor))
}

function transpose(x: Matrix): number[][] {
  const k = x[0]?.length ?? 0
  return Array.from({ length: k }, (_, j) => x.map((row) => row[j] ?? 0))
}
