import { normalQuantile } from './interval-distributions.ts'
import { checkLevel, type Interval } from './interval-types.ts'

/**
 * Proportion x / n with the Wilson score interval (no continuity correction), which stays inside
 * [0, 1] and behaves well for small n and for x = 0 or x = n.
 * @see docs/methods/group-differences.md (Wilson 1927; Newcombe 1998, method 3)
 */
export function wilsonInterval(x: number, n: number, level = 0.95): Interval {
  checkLevel(level)
  if (!(n > 0) || !(x >= 0) || x > n) throw new Error(`invalid proportion: ${x} / ${n} (expected 0 ≤ x ≤ n, n > 0)`)
  const z = normalQuantile(1 - (1 - level) / 2)
  const p = x / n
  const z2n = (z * z) / n
  const centre = (p + z2n / 2) / (1 + z2n)
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
  // At x = 0 or x = n the bound equals p exactly; rounding must not move it past p.
  return { estimate: p, lower: x === 0 ? 0 : Math.min(p, centre - half), upper: x === n ? 1 : Math.max(p, centre + half) }
}
