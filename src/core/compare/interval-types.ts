/** A point estimate with a two-sided confidence interval at a stated level. */
export interface Interval {
  readonly estimate: number
  readonly lower: number
  readonly upper: number
}

/** Throws unless 0 < level < 1 (a bug in the caller, not a problem in the data). */
export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new Error(`invalid level: ${level} (expected 0 < level < 1)`)
}
