/**
 * How many cases each fuzz property tries and from which seed, read once from the environment so a
 * CI run is the same every time and `npm run fuzz` (test/fuzz/run-fuzz.ts) can ask for more.
 */
import type { Parameters } from 'fast-check'

/** Runs for a property of weight 1 (`LHS_FUZZ_RUNS`, default 100: the whole suite stays well under a minute). */
export const FUZZ_RUNS = wholeNumber('LHS_FUZZ_RUNS', 100, 1)

/** The seed every property starts from (`LHS_FUZZ_SEED`, default fixed so CI runs are repeatable). */
export const FUZZ_SEED = wholeNumber('LHS_FUZZ_SEED', 20_250_602, -(2 ** 31))

/**
 * fast-check parameters for one property: the shared seed, and `FUZZ_RUNS × weight` runs (at least
 * `minimum`). Slow properties (a database round trip, a megabyte field) take a weight below 1.
 */
export function fuzzParameters<T>(weight = 1, minimum = 5): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(minimum, Math.round(FUZZ_RUNS * weight)) }
}

function wholeNumber(name: string, fallback: number, min: number): number {
  const text = process.env[name]
  if (text === undefined || text.trim() === '') return fallback
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`invalid ${name}: ${JSON.stringify(text)} (expected a whole number ≥ ${min})`)
  return value
}
