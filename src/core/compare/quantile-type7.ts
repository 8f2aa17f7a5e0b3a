/** Sample quantile, R's default (type 7). @see docs/methods/funnel-plots.md */

/**
 * The p-quantile (0 ≤ p ≤ 1) of `values` by linear interpolation between order statistics:
 * h = (n − 1)p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). Throws on an empty array.
 * @see Hyndman & Fan (1996), Sample quantiles in statistical packages, definition 7
 */
export function quantileType7(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('quantile of no values')
  if (!(p >= 0 && p <= 1)) throw new Error(`invalid probability: ${p} (expected 0 ≤ p ≤ 1)`)
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const low = sorted[lo]!
  const high = sorted[Math.min(lo + 1, sorted.length - 1)]!
  return low + (h - lo) * (high - low)
}
