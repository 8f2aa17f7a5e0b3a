/** The verdict rules, as small decisions on facts already found. @see docs/methods/verdicts.md */
import { ENOUGH_POINTS_AFTER, MIN_POINTS_AFTER } from './thresholds.ts'
import type { BalancingBasis, BalancingVerdict, PrimaryBasis, PrimaryVerdict, Verdict } from './types.ts'

export interface PrimaryFacts {
  /** The limits are frozen on a baseline of at least 12 usable points. */
  readonly frozen: boolean
  readonly pointsAfter: number
  /** Last period after the change; null when there is none. */
  readonly lastPeriod: string | null
  readonly by: string | null
  /** Lasting special cause in the predicted direction, and in the opposite one. */
  readonly predicted: boolean
  readonly opposite: boolean
}

/**
 * In order: a baseline too short, or fewer than 8 points after → not yet clear; lasting change as
 * predicted and none the other way → working; lasting change the other way → not working; no
 * lasting change once enough is seen (the `by` date reached by the data, or 12 points) → not
 * working; otherwise not yet clear.
 */
export function primaryVerdict(facts: PrimaryFacts): { verdict: PrimaryVerdict; basis: PrimaryBasis } {
  if (!facts.frozen) return { verdict: 'not_yet_clear', basis: 'short_baseline' }
  if (facts.pointsAfter < MIN_POINTS_AFTER) return { verdict: 'not_yet_clear', basis: 'too_few_after' }
  if (facts.predicted && !facts.opposite) return { verdict: 'working', basis: 'predicted_change' }
  if (facts.opposite) return { verdict: 'not_working', basis: facts.predicted ? 'both_ways' : 'opposite_change' }
  return enoughSeen(facts) ? { verdict: 'not_working', basis: 'no_change' } : { verdict: 'not_yet_clear', basis: 'no_change_yet' }
}

/** The data reach the `by` date, or (without one) there are at least 12 points after the change. */
export function enoughSeen(facts: Pick<PrimaryFacts, 'pointsAfter' | 'lastPeriod' | 'by'>): boolean {
  if (facts.by === null) return facts.pointsAfter >= ENOUGH_POINTS_AFTER
  return facts.lastPeriod !== null && facts.lastPeriod >= facts.by
}

export interface BalancingFacts {
  readonly frozen: boolean
  readonly pointsAfter: number
  /** Lasting special cause in the harmful direction. */
  readonly harmful: boolean
}

/** Lasting change in the harmful direction → harm (at once, however few points); else not yet clear until the baseline and 8 points after allow a judgement; else no harm. */
export function balancingVerdict(facts: BalancingFacts): { verdict: BalancingVerdict; basis: BalancingBasis } {
  if (facts.harmful) return { verdict: 'harm', basis: 'harmful_change' }
  if (!facts.frozen) return { verdict: 'not_yet_clear', basis: 'short_baseline' }
  if (facts.pointsAfter < MIN_POINTS_AFTER) return { verdict: 'not_yet_clear', basis: 'too_few_after' }
  return { verdict: 'no_harm', basis: 'no_harmful_change' }
}

/**
 * The action's verdict: harm if any balancing measure shows harm; otherwise, with no primary
 * prediction, not yet clear; else not working if any primary is, not yet clear if any is, and
 * working only when every primary prediction is working.
 */
export function actionVerdict(primaries: readonly PrimaryVerdict[], balancing: readonly BalancingVerdict[]): Verdict {
  if (balancing.includes('harm')) return 'harm'
  if (primaries.length === 0) return 'not_yet_clear'
  if (primaries.includes('not_working')) return 'not_working'
  if (primaries.includes('not_yet_clear')) return 'not_yet_clear'
  return 'working'
}
