import { invert, multiplyVector, weightedCrossProduct, weightedCrossVector, type Matrix } from './linear-algebra.ts'

export interface OlsFit {
  readonly coefficients: readonly number[]
  readonly fitted: readonly number[]
  readonly residuals: readonly number[]
}

/** Ordinary least squares β = (XᵀX)⁻¹Xᵀy; throws when the design is not of full rank. */
export function ordinaryLeastSquares(x: Matrix, y: readonly number[]): OlsFit {
  if (x.length !== y.length) throw new Error(`invalid data: ${y.length} values for ${x.length} design rows (expected equal)`)
  const coefficients = multiplyVector(invert(weightedCrossProduct(x)), weightedCrossVector(x, y))
  const fitted = multiplyVector(x, coefficients)
  return { coefficients, fitted, residuals: y.map((v, i) => v - (fitted[i] ?? 0)) }
}
