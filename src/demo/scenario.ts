/** The shape of one organisation's synthetic story, which the engine turns into observations. */
import type { Measure, Organisation, Programme, Rebase, Site } from '../core/model.ts'
import type { Random } from './random.ts'
import type { DimensionCode, Mix, Strata } from './strata.ts'

export interface PracticeProfile {
  readonly code: string
  readonly listSize: number
  /** Share of the list on the hypertension register by the last week. */
  readonly prevalence: number
  /** Share of the register in each community group. */
  readonly mix: Mix
  /** Week indexes (0-based) with no rows at all for this practice: a data-quality blip. */
  readonly missingWeeks: readonly number[]
}

/** What one draw for one finest cell (practice × all four strata) in one week may use. */
export interface CellContext<P extends PracticeProfile> {
  readonly practice: P
  readonly strata: Strata
  /** Week index, 0-based. */
  readonly week: number
  /** People on the hypertension register in this cell this week. */
  readonly register: number
  /** Adults on the practice list in this cell (register and non-register). */
  readonly list: number
  /** A standard normal draw shared by every cell of this practice, measure and week. */
  readonly shared: number
  readonly random: Random
}

/**
 * Counts for one cell, summed to any level. Proportion and rate: numerator and denominator.
 * Count: `numerator` is the count (`denominator` unused, 0). Mean: `numerator` is the sum of the
 * values and `denominator` how many values were averaged.
 */
export interface CellCount {
  readonly numerator: number
  readonly denominator: number
}

export interface MeasureModel<P extends PracticeProfile> {
  readonly measure: Measure
  draw(cell: CellContext<P>): CellCount
}

export interface Scenario<P extends PracticeProfile> {
  readonly organisation: Organisation
  readonly sites: readonly Site[]
  readonly programme: Programme
  readonly practices: readonly P[]
  readonly models: readonly MeasureModel<P>[]
  readonly rebases: readonly Rebase[]
  /** Dimensions the observations are broken down by (cells are always generated for all four). */
  readonly dimensions: readonly DimensionCode[]
  /** ISO dates of the weeks' Mondays. */
  readonly weeks: readonly string[]
  readonly seed: number
}
