import type { Parsed } from '../issues.ts'
import { coefficientEstimate, type CoefficientEstimate } from './coefficient-estimate.ts'
import { quadraticForm } from './linear-algebra.ts'
import { poissonRegression } from './poisson-regression.ts'
import { segmentedDesign, tooFewPointsIssues, type CoefficientName } from './segmented-design.ts'

export interface PoissonInterruptedTimeSeriesOptions {
  /** 0-based index of the first period after the change. */
  readonly changeIndex: number
  /** Confidence level of the intervals; default 0.95. */
  readonly level?: number
}

/** A log-scale coefficient with its rate ratio exp(β) and interval on the ratio scale (normal, Wald). */
export interface RateRatioEstimate extends CoefficientEstimate {
  readonly rateRatio: number
  readonly rateRatioLower: number
  readonly rateRatioUpper: number
}

export interface PoissonInterruptedTimeSeries {
  readonly n: number
  readonly nPre: number
  readonly nPost: number
  readonly level: number
  /** intercept: log of the baseline rate per unit population at t = 0; the others are rate ratios per unit. */
  readonly coefficients: Readonly<Record<CoefficientName, RateRatioEstimate>>
  /** exp(β1 + β3): the rate ratio per period after the change. */
  readonly postSlope: RateRatioEstimate
  /** Fitted counts. */
  readonly fitted: readonly number[]
  /** Counts expected without the change: population × exp(β0 + β1·t). */
  readonly counterfactual: readonly number[]
  /** Rate ratio of fitted to counterfactual at the last period: exp(β2 + β3·(N − T0 + 1)). */
  readonly effectAtEnd: RateRatioEstimate
  readonly deviance: number
  /** Pearson χ² / (n − 4); well above 1 means the intervals are too narrow (overdispersion). */
  readonly dispersion: number
}

function withRatio(c: CoefficientEstimate): RateRatioEstimate {
  return { ...c, rateRatio: Math.exp(c.estimate), rateRatioLower: Math.exp(c.lower), rateRatioUpper: Math.exp(c.upper) }
}

/**
 * Segmented Poisson regression log μ = log(population) + β0 + β1·t + β2·D + β3·P, reporting rate
 * ratios with normal (Wald) intervals and p-values. Fewer than 3 points on either side: no estimate,
 * and a `too_few_points` issue.
 * @see docs/methods/interrupted-time-series.md
 */
export function poissonInterruptedTimeSeries(
  counts: readonly number[],
  populations: readonly number[],
  options: PoissonInterruptedTimeSeriesOptions,
): Parsed<PoissonInterruptedTimeSeries | undefined> {
  const { changeIndex, level = 0.95 } = options
  if (counts.length !== populations.length) throw new Error(`invalid data: ${counts.length} counts for ${populations.length} populations (expected equal)`)
  counts.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0) throw new Error(`invalid count at index ${i}: ${c} (expected a whole number ≥ 0)`)
    if (!(populations[i] !== undefined && (populations[i] ?? 0) > 0)) throw new Error(`invalid population at index ${i}: ${populations[i]} (expected > 0)`)
  })
  const issues = tooFewPointsIssues(counts.length, changeIndex)
  if (issues.length > 0) return { value: undefined, issues }
  const n = counts.length
  const x = segmentedDesign(n, changeIndex)
  const fit = poissonRegression(x, counts, populations.map(Math.log))
  const combination = (c: readonly number[]): RateRatioEstimate => {
    const estimate = c.reduce((sum, ci, i) => sum + ci * (fit.coefficients[i] ?? 0), 0)
    return withRatio(coefficientEstimate(estimate, Math.sqrt(Math.max(0, quadraticForm(fit.covariance, c))), level, Infinity))
  }
  const [b0 = 0, b1 = 0] = fit.coefficients
  return {
    value: {
      n,
      nPre: changeIndex,
      nPost: n - changeIndex,
      level,
      coefficients: {
        intercept: combination([1, 0, 0, 0]),
        preSlope: combination([0, 1, 0, 0]),
        levelChange: combination([0, 0, 1, 0]),
        slopeChange: combination([0, 0, 0, 1]),
      },
      postSlope: combination([0, 1, 0, 1]),
      fitted: fit.fitted,
      counterfactual: x.map((row, i) => (populations[i] ?? 0) * Math.exp(b0 + b1 * (row[1] ?? 0))),
      effectAtEnd: combination([0, 0, 1, n - changeIndex]),
      deviance: fit.deviance,
      dispersion: fit.dispersion,
    },
    issues: [],
  }
}
