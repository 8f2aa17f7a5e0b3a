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
