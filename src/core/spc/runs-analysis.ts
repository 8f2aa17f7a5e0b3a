/** Anhøj runs analysis (longest run and number of crossings). @see docs/methods/xmr.md */
import { maximalRuns, sideOf } from './maximal-runs.ts'
import type { RunsAnalysis } from './types.ts'

/** Probability of the crossings quantile: signal when crossings fall in the lowest 5%. */
const CROSSINGS_PROBABILITY = 0.05

/**
 * Anhøj runs analysis of `values` (in time order, excluded points already removed) against `centre`.
 * Points exactly on the centre line are dropped first; they neither break nor extend a run.
 * @see Anhøj J, Olesen AV. Run charts revisited. PLoS ONE 2014;9(11):e113825.
 */
export function runsAnalysis(values: readonly number[], centre: number): RunsAnalysis {
  const sides = values.map((value) => sideOf(value, centre)).filter((side) => side !== 0)
  const runs = maximalRuns(sides)
  const usefulPoints = sides.length
  const longestRun = runs.reduce((longest, run) => Math.max(longest, run.end - run.start + 1), 0)
  const crossings = Math.max(runs.length - 1, 0)
  const max = longestRunMax(usefulPoints)
  const min = crossingsMin(usefulPoints)
  return { usefulPoints, longestRun, longestRunMax: max, crossings, crossingsMin: min, signal: longestRun > max || crossings < min }
}

/** Longest run allowed among `usefulPoints` points: round(log2(n)) + 3 (3 for n ≤ 1). */
export function longestRunMax(usefulPoints: number): number {
  return Math.round(Math.log2(Math.max(usefulPoints, 1))) + 3
}

/** Fewest crossings allowed among `usefulPoints` points: the 5% quantile of Binomial(n − 1, 0.5). */
export function crossingsMin(usefulPoints: number): number {
  return binomialQuantile(CROSSINGS_PROBABILITY, Math.max(usefulPoints - 1, 0), 0.5)
}

/**
 * The smallest c with P(X ≤ c) ≥ `probability` for X ~ Binomial(`trials`, `success`), summing the
 * probabilities exactly in log space (no table, no normal approximation), like R's qbinom.
 */
export function binomialQuantile(probability: number, trials: number, success: number): number {
  checkBinomialArguments(probability, trials, success)
  const logTarget = Math.log(probability)
  const logOdds = Math.log(success) - Math.log1p(-success)
  let logPmf = trials * Math.log1p(-success)
  let logCdf = logPmf
  for (let k = 0; k < trials; k++) {
    if (logCdf >= logTarget) return k
    logPmf += Math.log((trials - k) / (k + 1)) + logOdds
    logCdf = logAddExp(logCdf, logPmf)
  }
  return trials
}

/** log(e^a + e^b) without overflow or underflow. */
function logAddExp(a: number, b: number): number {
  const high = Math.max(a, b)
  return high + Math.log1p(Math.exp(Math.min(a, b) - high))
}

function checkBinomialArguments(probability: number, trials: number, success: number): void {
  if (!(probability > 0 && probability <= 1)) throw new Error(`invalid probability: ${probability} (expected 0 < p ≤ 1)`)
  if (!Number.isInteger(trials) || trials < 0) throw new Error(`invalid trials: ${trials} (expected a whole number ≥ 0)`)
  if (!(success > 0 && success < 1)) throw new Error(`invalid success probability: ${success} (expected 0 < p < 1)`)
}
