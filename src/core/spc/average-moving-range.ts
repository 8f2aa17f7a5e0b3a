/** Moving ranges and their average, with MDC screening. @see docs/methods/xmr.md */
import { SCREENING_FACTOR } from './profile-settings.ts'

/** |y_i − y_(i−1)| for each consecutive pair; one fewer than the values (none for 0 or 1 value). */
export function movingRanges(values: readonly number[]): number[] {
  return values.slice(1).map((value, i) => Math.abs(value - (values[i] as number)))
}

/** Arithmetic mean of at least one value; sums value/n instead when the plain sum would overflow. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('invalid values: [] (expected at least one value for a mean)')
  const sum = values.reduce((total, value) => total + value, 0)
  if (Number.isFinite(sum)) return sum / values.length
  return values.reduce((total, value) => total + value / values.length, 0)
}

/**
 * Average moving range of `values` in order; with screening, the ranges at or above 3.267·AMR are
 * dropped and the rest averaged, once. 0 when there are fewer than 2 values, or when every range is 0
 * (screening would otherwise leave nothing to average).
 */
export function averageMovingRange(values: readonly number[], screening: boolean): number {
  const ranges = movingRanges(values)
  if (ranges.length === 0) return 0
  const amr = mean(ranges)
  if (!screening) return amr
  const kept = ranges.filter((range) => range < SCREENING_FACTOR * amr)
  return kept.length === 0 ? amr : mean(kept)
}
