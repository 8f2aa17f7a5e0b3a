/** Strict reading of numbers written as text in a file. */

/** Plain decimal notation with an optional exponent: `12`, `-0.5`, `.25`, `3e2`. No `0x`, `Infinity`, commas or `%`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * The finite number written in `text` (already trimmed), or undefined when it is not one.
 * Stricter than `Number()`, which reads `""` as 0 and `"0x1A"` as 26.
 */
export function parseNumberText(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined
  const value = Number(text)
  return Number.isFinite(value) ? value : undefined
}

/**
 * The largest size a number in a file may have. Far beyond any count, rate or mean a programme
 * measures, and small enough that the sums and squares of a series' history stay finite.
 */
export const LARGEST_NUMBER = 1e15

/**
 * The smallest size a number other than 0 may have. Below about 2.2e-308 numbers lose precision
 * (subnormal numbers), and a chart of values so close together cannot be divided into ticks.
 */
export const SMALLEST_NUMBER = 1e-300

/** What a number field may hold, for the `expected` part of an issue. */
export const NUMBER_RANGE_RULE = 'a number between -1e15 and 1e15, and not smaller than 1e-300 in size unless it is 0'

/** Why `value` cannot be stored ("too large", "too close to 0"), or undefined when it can. */
export function numberRangeProblem(value: number): 'too large' | 'too close to 0' | undefined {
  const size = Math.abs(value)
  if (!(size <= LARGEST_NUMBER)) return 'too large'
  return size !== 0 && size < SMALLEST_NUMBER ? 'too close to 0' : undefined
}
