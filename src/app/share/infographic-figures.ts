/**
 * The infographic's numbers as they may leave the organisation: a period's value is worked out
 * from its counts after the disclosure policy has published them (so it agrees with any rounded
 * count printed elsewhere), and the change for a group is the difference of two published values.
 */
import { applyDisclosure, publishedRate, type DisclosurePolicy } from '../../core/disclosure/index.ts'
import type { Direction } from '../../core/model.ts'
import type { SeriesRow } from '../../storage/observations.ts'
import type { MeasureRow } from '../catalogue.ts'
import { measureValueText } from './briefing-format.ts'
import { periodCountCells, valueFromPublished } from './period-counts.ts'

/** One period's value as published: null when the policy hides it. */
export interface PublishedValue {
  readonly period: string
  readonly value: number | null
  readonly text: string
}

/**
 * Publish the value of each row under `policy`: a proportion or rate from its published numerator
 * and denominator, a count as a count, a mean (no counts) as it is.
 */
export function publishValues(policy: DisclosurePolicy, measure: MeasureRow, rows: readonly SeriesRow[]): PublishedValue[] {
  const published = applyDisclosure(policy, periodCountCells(measure, rows))
  return rows.map((r) => {
    const value = valueFromPublished(measure, r, published, publishedRate)
    return { period: r.period, value, text: measureValueText(value, measure.kind, measure.unit) }
  })
}

export type ChangeTone = 'better' | 'worse' | 'neutral'

/** The change from `before` to `after` in words ("Up 8.9 percentage points: better"), and whether it is better. */
export function changeText(measure: MeasureRow, before: number | null, after: number | null): { readonly text: string; readonly tone: ChangeTone } {
  if (before === null || after === null) return { text: 'Change not shown: the numbers are too small to publish', tone: 'neutral' }
  const proportion = measure.kind === 'proportion'
  const size = proportion ? (after - before) * 100 : after - before
  const rounded = Math.round(size * 10) / 10
  if (rounded === 0) return { text: 'No change', tone: 'neutral' }
  const amount = proportion ? `${Math.abs(rounded).toFixed(1)} percentage ${Math.abs(rounded) === 1 ? 'point' : 'points'}` : measureValueText(Math.abs(after - before), measure.kind, measure.unit)
  const tone = toneOf(measure.direction, rounded)
  const verdict = tone === 'neutral' ? '' : `: ${tone}`
  return { text: `${rounded > 0 ? 'Up' : 'Down'} ${amount}${verdict}`, tone }
}

function toneOf(direction: Direction, change: number): ChangeTone {
  if (direction === 'increase') return change > 0 ? 'better' : 'worse'
  if (direction === 'decrease') return change < 0 ? 'better' : 'worse'
  return 'neutral'
}
