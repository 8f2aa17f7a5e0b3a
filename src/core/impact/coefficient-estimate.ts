import { normalCdf, normalQuantile } from '../compare/interval-distributions.ts'
import { studentTQuantile, studentTTwoSidedP } from './student-t.ts'

/** An estimate with its standard error, two-sided interval and two-sided p-value (null hypothesis 0). */
export interface CoefficientEstimate {
  readonly estimate: number
  readonly se: number
  readonly lower: number
  readonly upper: number
  readonly p: number
}

/** Wald inference from an estimate and its standard error, on Student's t with `df` degrees of freedom, or the normal when df is Infinity. */
export function coefficientEstimate(estimate: number, se: number, level: number, df: number): CoefficientEstimate {
  if (!(level > 0 && level < 1)) throw new Error(`invalid level: ${level} (expected 0 < level < 1)`)
  const upperTail = 1 - (1 - level) / 2
  const critical = df === Infinity ? normalQuantile(upperTail) : studentTQuantile(upperTail, df)
  const statistic = estimate / se
  let p: number
  if (se === 0) p = estimate === 0 ? 1 : 0
  else if (df === Infinity) p = 2 * normalCdf(-Math.abs(statistic))
  else p = studentTTwoSidedP(statistic, df)
  return { estimate, se, lower: estimate - critical * se, upper: estimate + critical * se, p }
}
