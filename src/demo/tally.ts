/** Sums of cell counts for the all-people row and every group of each dimension, in fixed slots. */
import type { Measure, ObservationInput } from '../core/model.ts'
import { observationRow } from './observation-row.ts'
import type { CellCount } from './scenario.ts'
import { GROUPS, type DimensionCode, type Strata } from './strata.ts'

/** Where a sum belongs: slot 0 is all people (both null), then each group of each dimension. */
export interface Slot {
  readonly dimension: DimensionCode | null
  readonly group: string | null
}

export interface Tally {
  readonly numerator: Float64Array
  readonly denominator: Float64Array
}

export function slotLayout(dimensions: readonly DimensionCode[]): Slot[] {
  const groups = dimensions.flatMap((dimension) => GROUPS[dimension].map((group) => ({ dimension, group })))
  return [{ dimension: null, group: null }, ...groups]
}

/** The slots one finest cell adds to: all people, and its own group in each dimension. */
export function cellSlots(layout: readonly Slot[], strata: Strata): number[] {
  return layout.flatMap((slot, index) => (slot.dimension === null || strata[slot.dimension] === slot.group ? [index] : []))
}

export function emptyTally(layout: readonly Slot[]): Tally {
  return { numerator: new Float64Array(layout.length), denominator: new Float64Array(layout.length) }
}

export function addCell(tally: Tally, slots: readonly number[], count: CellCount): void {
  for (const slot of slots) {
    tally.numerator[slot] = (tally.numerator[slot] ?? 0) + count.numerator
    tally.denominator[slot] = (tally.denominator[slot] ?? 0) + count.denominator
  }
}

/** Add every sum of `from` into `into` (practices into the organisation). */
export function mergeTally(into: Tally, from: Tally): void {
  for (let slot = 0; slot < into.numerator.length; slot++) {
    into.numerator[slot] = (into.numerator[slot] ?? 0) + (from.numerator[slot] ?? 0)
    into.denominator[slot] = (into.denominator[slot] ?? 0) + (from.denominator[slot] ?? 0)
  }
}

/** The all-people row then one row per group, in GROUPS order; groups with nobody count as zero. */
export function tallyRows(measure: Measure, period: string, site: string | null, layout: readonly Slot[], tally: Tally): ObservationInput[] {
  const rows: ObservationInput[] = []
  layout.forEach(({ dimension, group }, slot) => {
    const count = { numerator: tally.numerator[slot] ?? 0, denominator: tally.denominator[slot] ?? 0 }
    const row = observationRow(measure, period, site, dimension, group, count)
    if (row) rows.push(row)
  })
  return rows
}
