/** What the demo insight generator returns: Riverside's qualitative insight, ready to seed. */
import type { InsightInput, ThemeSeed } from '../core/insight/model.ts'

/**
 * A community listening event or an interview. Its records point to it by `key`. An event's
 * transcript is a short opening paragraph, then the texts of its records, in order, each as its own
 * paragraph. An interview's transcript is the text of its one record.
 */
export interface DemoEvent {
  readonly key: string
  readonly kind: 'event' | 'interview'
  readonly title: string
  readonly runBy: string
  readonly place: string
  /** Site code; null for the whole organisation. */
  readonly site: string | null
  /** ISO date it was held. */
  readonly date: string
  /** Who it was for, as `dimension:group` (for example `ethnicity:Black or Black British`); empty for interviews. */
  readonly groups: readonly string[]
  readonly transcript: string
}

/** One insight record with its text already split as `splitExcerpts` (core/insight) splits it. */
export interface DemoInsightRecord extends InsightInput {
  readonly key: string
  /** Key of the DemoEvent it came from; null for comments and notes. */
  readonly event: string | null
  /** `splitExcerpts(text)`: one for a short comment, one per bullet or paragraph otherwise. */
  readonly excerpts: readonly string[]
}

/** One person's code on one excerpt. */
export interface DemoCoding {
  /** Record key. */
  readonly record: string
  /** Index into the record's `excerpts`. */
  readonly excerpt: number
  /**
   * Theme names from the codebook root: an inductive path starts at a name in `inductiveThemes`
   * (`['Access', 'Cost and time off work']`), a CFIR path with `'CFIR 2.0'` (see `CFIR_PATHS`).
   */
  readonly theme: readonly string[]
  /** The coder's email. */
  readonly coder: string
}

export interface DemoCoder {
  readonly email: string
  readonly name: string
}

export interface DemoInsight {
  readonly events: DemoEvent[]
  /** Ordered by date, then key. */
  readonly records: DemoInsightRecord[]
  readonly inductiveThemes: ThemeSeed[]
  readonly codings: DemoCoding[]
  readonly coders: DemoCoder[]
}
