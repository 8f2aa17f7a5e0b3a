import type { Parsed } from '../issues.ts'
import { coefficientEstimate, type CoefficientEstimate } from './coefficient-estimate.ts'
import { quadraticForm } from './linear-algebra.ts'
import { neweyWestCovariance } from './newey-west.ts'
import { ordinaryLeastSquares } from './ordinary-least-squares.ts'
import { durbinWatson, lag1Autocorrelation } from './residual-diagnostics.ts'
import { segmentedDesign, tooFewPointsIssues, type CoefficientName } from './segmented-design.ts'

export interface InterruptedTimeSeriesOptions {
  /** 0-based index of the first period after the change (T0 = changeIndex + 1 in the 1-based t). */
  readonly changeIndex: number
  /** Confidence level of the intervals; default 0.95. */
  readonly level?: number
  /** Newey–West lag (Bartlett weights); default 1. 0 gives heteroscedasticity-robust errors only. */
  readonly lag?: number
}

export interface InterruptedTimeSeries {
  readonly n: number
  readonly nPre: number
  readonly nPost: number
  readonly level: number
  readonly lag: number
  /** Degrees of freedom of the t distribution used for intervals and p-values: n − 4. */
  readonly df: number
  readonly coefficients: Readonly<Record<CoefficientName, CoefficientEstimate>>
  /** β1 + β3, the slope after the change. */
  readonly postSlope: CoefficientEstimate
  readonly durbinWatson: number
  /** Lag-1 autocorrelation of the residuals. */
  readonly autocorrelation: number
  /** Fitted values for every period. */
  readonly fitted: readonly number[]
  /** β0 + β1·t for every period: the pre-change line carried on as if nothing had changed. */
  readonly counterfactual: readonly number[]
  readonly residuals: readonly number[]
  /** Fitted minus counterfactual at the last period: β2 + β3·(N − T0 + 1). */
  readonly effectAtEnd: CoefficientEstimate
  /** effectAtEnd / counterfactual at the last period; undefined when that counterfactual is 0. */
  readonly relativeEffectAtEnd: number | undefined
}

/**
 * Segmented regression y = β0 + β1·t + β2·D + β3·P by OLS with Newey–West standard errors,
 * t-based intervals and p-values (n − 4 df). Fewer than 3 points on either side: no estimate,
 * and a `too_few_points` issue saying why.
 * @see docs/methods/interrupted-time-series.md
 */
export function interruptedTimeSeries(values: readonly number[], options: InterruptedTimeSeriesOptions): Parsed<InterruptedTimeSeries | undefined> {
  const { changeIndex, level = 0.95, lag = 1 } = options
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`invalid value at index ${i}: ${v} (expected a finite number)`)
  })
  const issues = tooFewPointsIssues(values.length, changeIndex)
  if (issues.length > 0) return { value: undefined, issues }
  const n = values.length
  const x = segmentedDesign(n, changeIndex)
  const fit = ordinaryLeastSquares(x, values)
  const covariance = neweyWestCovariance(x, fit.residuals, lag)
  const df = n - 4
  const combination = (c: readonly number[]): CoefficientEstimate => {
    const estimate = c.reduce((sum, ci, i) => sum + ci * (fit.coefficients[i] ?? 0), 0)
    return coefficientEstimate(estimate, Math.sqrt(Math.max(0, quadraticForm(covariance, c))), level, df)
  }
  const [b0 = 0, b1 = 0] = fit.coefficients
  const counterfactual = x.map((row) => b0 + b1 * (row[1] ?? 0))
  const effectAtEnd = combination([0, 0, 1, n - changeIndex])
  const counterfactualAtEnd = counterfactual[n - 1] ?? 0
  return {
    value: {
      n,
      nPre: changeIndex,
      nPost: n - changeIndex,
      level,
      lag,
      df,
      coefficients: {
        intercept: combination([1, 0, 0, 0]),
        preSlope: combination([0, 1, 0, 0]),
        levelChange: combination([0, 0, 1, 0]),
        slopeChange: combination([0, 0, 0, 1]),
      },
      postSlope: combination([0, 1, 0, 1]),
      durbinWatson: durbinWatson(fit.residuals),
      autocorrelation: lag1Autocorrelation(fit.residuals),
      fitted: fit.fitted,
      counterfactual,
      residuals: fit.residuals,
      effectAtEnd,
      relativeEffectAtEnd: counterfactualAtEnd === 0 ? undefined : effectAtEnd.estimate / counterfactualAtEnd,
    },
    issues: [],
  }
}
