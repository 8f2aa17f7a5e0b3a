/** The thresholds and defaults of triangulation, in one visible place. @see docs/methods/triangulation.md */

/** Most recent points of a series searched for special cause (13: a quarter of weeks, a year of four-weekly periods). */
export const DEFAULT_RECENT = 13
/** Months before `today` in which an excerpt counts as evidence. */
export const DEFAULT_WINDOW_MONTHS = 12
/** A source with fewer excerpts than this (but at least one) is a small cell: weak evidence, suppressed when shared. */
export const DEFAULT_SMALL_CELL = 5
/** A signal weaker than this is weak evidence. */
export const WEAK_SIGNAL = 0.3
/** A source is mixed when its minority leaning is at least this share of its non-neutral evidence. */
export const MIXED_SHARE = 1 / 3
/** Run length of the MDC trend and shift rules: a run this long counts as a full-strength run. */
export const FULL_RUN = 7
/** Strength of a unit outside the 95% funnel limits but within the 99.8% limits (weak by construction). */
export const FUNNEL_95_STRENGTH = 0.2
/** Two-sided 99.8% normal quantile, the funnel's control limit (STATISTICS.md §4). */
export const Z_998 = 3.090232
/** People affected at which the score's people component reaches 1 (log scale). */
export const PEOPLE_FULL = 100_000
