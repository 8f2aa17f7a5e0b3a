import { normalQuantile } from './interval-distributions.ts'
import { checkLevel, type Interval } from './interval-types.ts'
import { wilsonInterval } from './interval-wilson.ts'

/** One group's numerator and denominator (trials for a proportion, exposure for a rate). */
export interface Counts {
  readonly numerator: number
  readonly denominator: number
}

/**
 * Difference of proportions a − b with Newcombe's hybrid score interval (method 10), built from
 * the two Wilson intervals; it stays inside [−1, 1].
 * @see docs/methods/group-differences.md (Newcombe 1998, Stat Med 17:873)
 */
export function proportionDifference(a: Counts, b: Counts, level = 0.95): Interval {
  const p1 = wilsonInterval(a.numerator, a.denominator, level)
  const p2 = wilsonInterval(b.numerator, b.denominator, level)
  const d = p1.estimate - p2.estimate
  return {
    estimate: d,
    lower: d - Math.hypot(p1.estimate - p1.lower, p2.upper - p2.estimate),
    upper: d + Math.hypot(p1.upper - p1.estimate, p2.estimate - p2.lower),
  }
}

/** Difference of rates a − b with the normal (Wald) interval, variance x₁/E₁² + x₂/E₂². */
export function rateDifference(a: Counts, b: Counts, level = 0.95): Interval {
  checkLevel(level)
  const z = normalQuantile(1 - (1 - level) / 2)
  const d = a.numerator / a.denominator - b.numerator / b.denominator
  const se = Math.sqrt(a.numerator / a.denominator ** 2 + b.numerator / b.denominator ** 2)
  return { estimate: d, lower: d - z * se, upper: d + z * se }
}

function logInterval(ratio: number, se: number, level: number): Interval {
  checkLevel(level)
  const z = normalQuantile(1 - (1 - level) / 2)
  return { estimate: ratio, lower: ratio * Math.exp(-z * se), upper: ratio * Math.exp(z * se) }
}

/**
 * Ratio of proportions a / b with the log (Katz) interval, SE(log RR) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂);
 * undefined when either numerator is 0 (the log ratio is not finite).
 */
export function proportionRatio(a: Counts, b: Counts, level = 0.95): Interval | undefined {
  if (a.numerator === 0 || b.numerator === 0) return undefined
  const ratio = a.numerator / a.denominator / (b.numerator / b.denominator)
  const se = Math.sqrt(1 / a.numerator - 1 / a.denominator + 1 / b.numerator - 1 / b.denominator)
  return logInterval(ratio, se, level)
}

/**
 * Ratio of rates a / b with the log interval, SE(log RR) = √(1/x₁ + 1/x₂); undefined when either
 * count is 0.
 */
export function rateRatio(a: Counts, b: Counts, level = 0.95): Interval | undefined {
  if (a.numerator === 0 || b.numerator === 0) return undefined
  const ratio = a.numerator / a.denominator / (b.numerator / b.denominator)
  return logInterval(ratio, Math.sqrt(1 / a.numerator + 1 / b.numerator), level)
}
