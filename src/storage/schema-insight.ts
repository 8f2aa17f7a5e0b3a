/** Table shapes of insight and triangulation (migrations 0004 and 0005), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns are read as ISO strings (see the type parser in database.ts). */
type IsoDate = ColumnType<string, string, string>

export interface InsightEventsTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  kind: 'event' | 'interview'
  title: string
  run_by: string
  place: string
  site_id: number
  held_on: IsoDate
  groups: string[]
  created_by: string
  created_at: Timestamp
}

export interface InsightsTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  site_id: number
  source: string
  collected_via: string
  received_on: IsoDate
  fft: number | null
  /** Dimension code → group label; a missing key means not stated. */
  groups: ColumnType<Record<string, string>, string, string>
  tags: string[]
  event_id: number | null
  import_id: number | null
  created_by: string
  created_at: Timestamp
}

/** Texts are de-identified before they are written; the originals are never stored. */
export interface ExcerptsTable {
  organisation_id: number
  id: Generated<number>
  insight_id: number
  site_id: number
  position: number
  text: string
  sentiment: number
  /** Identifier type → how many were replaced (counts only, never the originals). */
  redacted: ColumnType<Record<string, number>, string, string>
}

export interface ThemesTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  parent_id: number | null
  guid: string
  name: string
  definition: string
  examples: string[]
  colour: string | null
  frame: string
  position: number
  created_by: string
  created_at: Timestamp
}

export interface CodingsTable {
  organisation_id: number
  id: Generated<number>
  excerpt_id: number
  theme_id: number
  coder: string
  machine: boolean
  span_start: number | null
  span_end: number | null
  score: number | null
  status: 'applied' | 'suggested' | 'rejected'
  created_at: Timestamp
}

export interface MeasureThemeLinksTable {
  organisation_id: number
  measure_id: number
  theme_id: number
  created_by: string
  created_at: Generated<Date>
}

export interface FindingsTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  /** The focus (measure, site, group or themes): stable across recomputation. */
  key: string
  /** The latest proposal as computed (core/triangulate ProposedFinding). */
  proposal: ColumnType<unknown, string, string>
  score: number
  /** False when the latest computation no longer proposes it (kept for its decision and history). */
  current: Generated<boolean>
  computed_at: Timestamp
  status: Generated<'proposed' | 'confirmed' | 'edited' | 'rejected'>
  /** A lead's own wording and class; null keeps the proposal's. */
  statement: string | null
  classification: string | null
  decided_by: string | null
  decision_reason: string | null
  decided_at: Timestamp | null
}
