import type { PublishedCell } from './types.ts'

/**
 * A proportion (0 to 1; multiply by 100 for a percentage) worked out from published counts, so it
 * agrees with the rounded figures printed beside it: null when either count is suppressed or the
 * denominator is 0.
 */
export function publishedRate(numerator: PublishedCell, denominator: PublishedCell): number | null {
  if (numerator.value === null || denominator.value === null || denominator.value === 0) return null
  return numerator.value / denominator.value
}
