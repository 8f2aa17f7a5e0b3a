/** Maximal runs of equal keys in a sequence: the building block of the trend, shift and runs rules. */

export interface Run {
  /** Index of the first element of the run. */
  readonly start: number
  /** Index of the last element of the run (inclusive). */
  readonly end: number
  readonly key: number
}

/** Split `keys` into maximal runs of equal consecutive keys, in order (none for an empty list). */
export function maximalRuns(keys: readonly number[]): Run[] {
  const runs: Run[] = []
  let start = 0
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue
    if (i > start) runs.push({ start, end: i - 1, key: keys[start] as number })
    start = i
  }
  return runs
}

/** −1, 0 or 1 for `value` below, on or above `centre` (0 also for −0). */
export function sideOf(value: number, centre: number): -1 | 0 | 1 {
  if (value > centre) return 1
  return value < centre ? -1 : 0
}
