/** Table shapes as Kysely sees them (snake_case, as in SQL). Models outside storage are camelCase. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns are read as ISO strings (see the type parser in database.ts). */
type IsoDate = ColumnType<string, string, string>

export interface OrganisationsTable {
  id: Generated<number>
  code: string
  name: string
  created_at: Timestamp
}

export interface SitesTable {
  organisation_id: number
  id: Generated<number>
  code: string
  name: string
  kind: string
  parent_id: number | null
}

export interface ProgrammesTable {
  organisation_id: number
  id: Generated<number>
  code: string
  name: string
  aim: string
  version: Generated<number>
}

export interface MeasuresTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  code: string
  name: string
  description: string
  type: string
  kind: string
  rate_multiplier: number | null
  direction: string
  target: number | null
  period: string
  default_chart: string
  numerator_definition: string | null
  denominator_definition: string | null
  unit: string | null
  version: Generated<number>
}

export interface ObservationsTable {
  organisation_id: number
  measure_id: number
  site_id: number
  /** '' for all people. */
  dimension: string
  /** '' for all people. */
  group_name: string
  period_start: IsoDate
  numerator: number | null
  denominator: number | null
  value: number
  source: string
  imported_at: Timestamp
  import_id: number | null
}

export interface RebasesTable {
  organisation_id: number
  id: Generated<number>
  measure_id: number
  rebase_date: IsoDate
  reason: string
  created_by: string
  created_at: Timestamp
}

export interface PointNotesTable {
  organisation_id: number
  id: Generated<number>
  measure_id: number
  site_id: number
  period_start: IsoDate
  kind: 'exclusion' | 'annotation'
  note: string
  created_by: string
  created_at: Timestamp
}

export interface ImportsTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  kind: string
  file_name: string
  inserted: number
  updated: number
  unchanged: number
  issues: ColumnType<unknown, string, string>
  created_by: string
  created_at: Timestamp
}

export interface UsersTable {
  id: Generated<number>
  /** Lower case. */
  email: string
  display_name: Generated<string>
  /** argon2id (PHC string); null for single-sign-on-only accounts. */
  password_hash: string | null
  created_at: Timestamp
  disabled_at: Timestamp | null
}

export interface MembershipsTable {
  organisation_id: number
  user_id: number
  role: string
  /** Null for every site of the organisation. */
  site_codes: string[] | null
  version: Generated<number>
  created_at: Timestamp
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id_hash: string
  user_id: number
  csrf_token: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  address: string
  user_agent: string
}

export interface ApiTokensTable {
  id: Generated<number>
  user_id: number
  name: string
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string
  created_at: Timestamp
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface SignInAttemptsTable {
  id: Generated<number>
  email: string
  address: string
  succeeded: boolean
  attempted_at: Timestamp
}

export interface AuditLogTable {
  seq: Generated<number>
  organisation_id: number | null
  at: Timestamp
  actor: string
  action: string
  target: string
  address: string
  /** Canonical JSON of the entry, the exact text its hash covers. */
  payload: string
  prev_hash: string
  hash: string
}

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

export interface Database {
  organisations: OrganisationsTable
  sites: SitesTable
  programmes: ProgrammesTable
  measures: MeasuresTable
  observations: ObservationsTable
  rebases: RebasesTable
  point_notes: PointNotesTable
  imports: ImportsTable
  users: UsersTable
  memberships: MembershipsTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  sign_in_attempts: SignInAttemptsTable
  audit_log: AuditLogTable
  insight_events: InsightEventsTable
  insights: InsightsTable
  excerpts: ExcerptsTable
  themes: ThemesTable
  codings: CodingsTable
  measure_theme_links: MeasureThemeLinksTable
  findings: FindingsTable
}
