import { gammaQuantile } from './interval-distributions.ts'
import { checkLevel, type Interval } from './interval-types.ts'

/**
 * Rate count / exposure with the exact (Garwood) Poisson interval: the bounds for the count are
 * χ²(α/2; 2x)/2 and χ²(1 − α/2; 2x + 2)/2, i.e. gamma quantiles with shapes x and x + 1.
 * The lower bound is 0 when the count is 0.
 * @see docs/methods/group-differences.md (Garwood 1936; Ulm 1990)
 */
export function exactPoissonInterval(count: number, exposure = 1, level = 0.95): Interval {
  checkLevel(level)
  if (!Number.isInteger(count) || count < 0) throw new Error(`invalid count: ${count} (expected a whole number ≥ 0)`)
  if (!(exposure > 0)) throw new Error(`invalid exposure: ${exposure} (expected exposure > 0)`)
  const alpha = 1 - level
  const lower = count === 0 ? 0 : gammaQuantile(alpha / 2, count)
  const upper = gammaQuantile(1 - alpha / 2, count + 1)
  return { estimate: count / exposure, lower: lower / exposure, upper: upper / exposure }
}
