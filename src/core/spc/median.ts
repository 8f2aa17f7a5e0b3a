/** Median of a list of values (the run chart's and the G chart's centre line). @see docs/methods/run-chart.md */

/** Middle value of at least one value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('invalid values: [] (expected at least one value for a median)')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] as number
  if (sorted.length % 2 === 1) return upper
  const lower = sorted[middle - 1] as number
  return lower + (upper - lower) / 2
}
