/**
 * Typed, seeded builders of review inputs for tests: weekly proportions (numerators of binomial
 * draws over denominators) and monthly or weekly means (normal draws). Pure; used only by the
 * `*.test.ts` files of this folder.
 */
import { addPeriods } from '../period.ts'
import type { LoopMeasure, LoopPoint, PrimaryPredictionInput, BalancingPredictionInput } from './types.ts'

/** Mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A normal draw by Box–Muller. */
export function normal(random: () => number, mean: number, sd: number): number {
  const u = 1 - random()
  const v = random()
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** A binomial draw: `n` trials with probability `p`. */
export function binomial(random: () => number, n: number, p: number): number {
  let count = 0
  for (let i = 0; i < n; i++) if (random() < p) count++
  return count
}

/** A Poisson draw (Knuth's method; fine for the small means of tests). */
export function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean)
  let product = random()
  let count = 0
  while (product > limit) {
    product *= random()
    count++
  }
  return count
}

export const START = '2025-02-03'
/** 30 weeks after START: the change date of every constructed series. */
export const CHANGE = addPeriods(START, 'week', 30)

export interface SeriesShape {
  readonly seed: number
  /** Weeks (or months) in all; the change comes after `before` of them. */
  readonly before: number
  readonly after: number
  /** Level before the change, and the step added from the change on. */
  readonly level: number
  readonly step?: number
  readonly start?: string
}

/** Weekly proportions: numerators drawn from Binomial(200, level (+ step after the change)). */
export function proportionPoints(shape: SeriesShape, denominator = 200): LoopPoint[] {
  const random = seededRandom(shape.seed)
  const start = shape.start ?? START
  return Array.from({ length: shape.before + shape.after }, (_, i) => {
    const p = shape.level + (i >= shape.before ? (shape.step ?? 0) : 0)
    const numerator = binomial(random, denominator, p)
    return { period: addPeriods(start, 'week', i), numerator, denominator, value: numerator / denominator }
  })
}

/** Weekly means drawn from Normal(level (+ step after the change), sd). */
export function meanPoints(shape: SeriesShape, sd: number): LoopPoint[] {
  const random = seededRandom(shape.seed)
  const start = shape.start ?? START
  return Array.from({ length: shape.before + shape.after }, (_, i) => {
    const value = normal(random, shape.level + (i >= shape.before ? (shape.step ?? 0) : 0), sd)
    return { period: addPeriods(start, 'week', i), numerator: null, denominator: null, value }
  })
}

/** Weekly counts drawn from Poisson(level (+ step after the change)); `denominator` is the exposure when given (a rate). */
export function countPoints(shape: SeriesShape, denominator: number | null = null): LoopPoint[] {
  const random = seededRandom(shape.seed)
  const start = shape.start ?? START
  return Array.from({ length: shape.before + shape.after }, (_, i) => {
    const count = poisson(random, shape.level + (i >= shape.before ? (shape.step ?? 0) : 0))
    return { period: addPeriods(start, 'week', i), numerator: count, denominator, value: denominator === null ? count : (count / denominator) * 1000 }
  })
}

/** Fixed weekly values from `start` (XmR series for hand-checked examples). */
export function fixedPoints(values: readonly number[], start: string): LoopPoint[] {
  return values.map((value, i) => ({ period: addPeriods(start, 'week', i), numerator: null, denominator: null, value }))
}

export const BP_CONTROL: LoopMeasure = { code: 'bp-control', name: 'blood pressure controlled to target', kind: 'proportion', direction: 'increase', period: 'week' }
export const SYSTOLIC: LoopMeasure = { code: 'systolic', name: 'average systolic blood pressure', kind: 'mean', direction: 'decrease', period: 'week', unit: 'mmHg' }
export const FALLS: LoopMeasure = { code: 'falls', name: 'falls on the ward', kind: 'count', direction: 'decrease', period: 'week' }
export const FALLS_RATE: LoopMeasure = { code: 'falls-rate', name: 'falls per 1,000 bed days', kind: 'rate', direction: 'decrease', period: 'week', rateMultiplier: 1000 }
export const DNA_RATE: LoopMeasure = { code: 'did-not-attend', name: 'appointments missed', kind: 'proportion', direction: 'decrease', period: 'week' }

export function primaryPrediction(points: readonly LoopPoint[], overrides: Partial<PrimaryPredictionInput> = {}): PrimaryPredictionInput {
  return { role: 'primary', measure: BP_CONTROL, site: 'Eastgate', group: 'most deprived fifth', direction: 'increase', points, ...overrides }
}

export function balancingPrediction(points: readonly LoopPoint[], overrides: Partial<BalancingPredictionInput> = {}): BalancingPredictionInput {
  return { role: 'balancing', measure: DNA_RATE, site: 'Eastgate', group: null, harmfulDirection: 'increase', points, ...overrides }
}

/** The week `weeks` after the change date. */
export function weekAfterChange(weeks: number): string {
  return addPeriods(CHANGE, 'week', weeks)
}
