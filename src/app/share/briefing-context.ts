/**
 * What every briefing is assembled with: the programme, who asked (quotes are audited reads and need
 * `read_text`), the audience, and the publisher that turns exact counts into the text that may be
 * printed for that audience (exact inside the organisation, suppressed outside).
 */
import type { Audience } from '../../reports/model.ts'
import type { Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

/** One count to publish; a total names the cells it adds up (`childIds`) so a hidden cell cannot be worked out from it. */
export interface CountCell {
  readonly id: string
  readonly value: number
  readonly childIds?: readonly string[]
}

/** A count as it may be printed: `value` null and `text` "*" when suppressed. */
export interface PublishedCount {
  readonly value: number | null
  readonly text: string
}

/** Turns exact figures into printable ones for one audience. */
export interface Publisher {
  readonly audience: Audience
  /** Printed at the top and in the footer of every output. */
  readonly statement: string
  /** Publish a whole table of counts at once (with its totals), id → published count. */
  counts(cells: readonly CountCell[]): ReadonlyMap<string, PublishedCount>
  /** A rate (0–1) from counts already published; null when either is suppressed or the denominator is 0. */
  rate(numerator: number | null, denominator: number | null): number | null
  /** May a verbatim quote be printed from a group of `groupSize` comments? */
  mayQuote(groupSize: number): boolean
}

export interface BriefingContext {
  readonly deps: AppDeps
  readonly actor: Actor
  readonly scope: ProgrammeScope
  readonly publisher: Publisher
  /** The reader may read what people said (`read_text`): quotes are included, and the read is audited. */
  readonly canReadText: boolean
  /** ISO date from the clock. */
  readonly today: string
}

/** "1,234" for a count. */
export function countText(value: number): string {
  return value.toLocaleString('en-GB')
}

/** The internal publisher: exact numbers, every quote allowed. */
export function internalPublisher(): Publisher {
  return {
    audience: 'internal',
    statement: 'For internal use only: the numbers in this briefing are exact and have not been checked for small numbers. Do not share it outside the organisation; download the external version instead.',
    counts: (cells) => new Map(cells.map((c) => [c.id, { value: c.value, text: countText(c.value) }])),
    rate: (numerator, denominator) => (numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator),
    mayQuote: () => true,
  }
}
