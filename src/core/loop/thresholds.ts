/** The numbers behind the verdict rules, in one visible place. @see docs/methods/verdicts.md */
import { MIN_BASELINE } from '../spc/check-options.ts'

/**
 * Fewer points than this after the change: always `not_yet_clear`. A shift needs 7 points in a
 * row, so 8 leaves room for one point of transition; with no real change the chance of a false
 * shift on the predicted side within 8 points is about 1%.
 */
export const MIN_POINTS_AFTER = 8

/**
 * With no `by` date, this many points after the change are enough to conclude that nothing changed:
 * as many as MDC asks for a baseline, and enough for a step of 1.5 standard deviations to show as a
 * shift about 4 times in 5 (against about 3 in 100 with no change).
 */
export const ENOUGH_POINTS_AFTER = 12

/** Fewest usable baseline points for frozen limits: the smallest baseline MDC accepts (12). */
export const MIN_BASELINE_POINTS = MIN_BASELINE

/** Points beyond the same limit that count as lasting change: one alone can be chance or a one-off. */
export const MIN_POINTS_OUTSIDE = 2

/** Points in a row that make a shift or a trend (MDC's 7), unless the review says otherwise. */
export const DEFAULT_RULE_LENGTH = 7
