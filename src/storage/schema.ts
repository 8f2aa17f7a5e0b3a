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
  /** The aim's measure, its starting value, the value aimed for and by when (migration 0006). */
  aim_measure_id: ColumnType<number | null, number | null | undefined, number | null>
  aim_baseline: ColumnType<number | null, number | null | undefined, number | null>
  aim_target: ColumnType<number | null, number | null | undefined, number | null>
  aim_by: ColumnType<string | null, string | null | undefined, string | null>
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
  /** Null: every site of the measure. */
  site_id: ColumnType<number | null, number | null | undefined, number | null>
  /** The action whose change date suggested it. */
  action_id: ColumnType<number | null, number | null | undefined, number | null>
  /** A suggestion is not applied to any chart until a lead accepts it. */
  status: Generated<'accepted' | 'suggested'>
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

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>
type Json = ColumnType<unknown, string, string>

export type DriverKind = 'primary' | 'secondary' | 'change_idea'
export type DecisionGroupKind = 'board' | 'committee' | 'huddle' | 'other'
export type DecisionLabel = 'standardise' | 'local_variation' | 'stop' | 'test_further'
export type ActionStatus = 'planned' | 'in_progress' | 'adopted' | 'adapted' | 'abandoned'
export type PdsaAct = 'adopt' | 'adapt' | 'abandon'
export type VerdictValue = 'working' | 'not_yet_clear' | 'not_working' | 'harm'
export type AlertKind = 'verdict_changed' | 'special_cause' | 'review_due'

export interface DriversTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  parent_id: number | null
  kind: DriverKind
  title: string
  description: Generated<string>
  position: Generated<number>
}

export interface DriverMeasuresTable {
  organisation_id: number
  driver_id: number
  measure_id: number
}

export interface DecisionGroupsTable {
  organisation_id: number
  id: Generated<number>
  code: string
  name: string
  kind: DecisionGroupKind
  purpose: Generated<string>
  created_at: Timestamp
}

export interface DecisionGroupMembersTable {
  organisation_id: number
  group_id: number
  user_id: number
}

export interface MeetingsTable {
  organisation_id: number
  id: Generated<number>
  group_id: number
  programme_id: number
  held_on: IsoDate
  title: string
  minutes: Generated<string>
  /** People at the meeting who have no account, as free text. */
  guests: Generated<string>
  status: Generated<'planned' | 'held'>
  created_by: string
  created_at: Timestamp
}

export interface MeetingItemsTable {
  organisation_id: number
  meeting_id: number
  finding_id: number
  position: Generated<number>
}

export interface MeetingAttendanceTable {
  organisation_id: number
  meeting_id: number
  user_id: number
}

export interface DecisionsTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  meeting_id: number | null
  current_version: Generated<number>
  created_at: Timestamp
}

/** Every version of a decision; the decision's `current_version` names the one in force. */
export interface DecisionVersionsTable {
  organisation_id: number
  decision_id: number
  version: number
  title: string
  rationale: string
  option_chosen: string
  /** JSON array of strings: the options considered. */
  options_considered: ColumnType<unknown, string | undefined, string>
  label: DecisionLabel
  owner_user_id: number | null
  review_date: Nullable<string>
  finding_ids: ColumnType<number[], number[] | undefined, number[]>
  /** Past decisions (their verdicts) the group drew on. */
  lesson_ids: ColumnType<number[], number[] | undefined, number[]>
  changed_by: string
  /** Required from version 2 on: why it changed. */
  change_reason: string | null
  created_at: Timestamp
}

export interface ActionsTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  decision_id: number | null
  /** The change idea in the driver diagram this action tests. */
  driver_id: number | null
  title: string
  description: Generated<string>
  owner_user_id: number | null
  status: Generated<ActionStatus>
  /** The change date: the review engine compares the data before and from it. */
  start_date: IsoDate
  review_date: Nullable<string>
  version: Generated<number>
  created_by: string
  created_at: Timestamp
}

export interface ActionSitesTable {
  organisation_id: number
  action_id: number
  site_id: number
}

export interface PredictionsTable {
  organisation_id: number
  id: Generated<number>
  action_id: number
  /** primary: expected to move; balancing: watched for harm (direction = the harmful way). */
  role: 'primary' | 'balancing'
  measure_id: number
  /** The organisation's root site stands for the whole organisation. */
  site_id: number
  /** Empty dimension and group: all people. */
  dimension: Generated<string>
  group_name: Generated<string>
  direction: 'increase' | 'decrease'
  expected_size: Nullable<number>
  by_date: Nullable<string>
}

export interface PdsaCyclesTable {
  organisation_id: number
  id: Generated<number>
  action_id: number
  number: number
  plan: string
  /** Written before the cycle starts. */
  prediction: string
  do_notes: Generated<string>
  study_notes: Generated<string>
  act: Nullable<PdsaAct>
  act_notes: Generated<string>
  started_on: IsoDate
  finished_on: Nullable<string>
  created_by: string
  created_at: Timestamp
}

/** The latest review of each action by the review engine. */
export interface ActionReviewsTable {
  organisation_id: number
  action_id: number
  verdict: VerdictValue
  reasons: Json
  evidence: Json
  data_through: Nullable<string>
  evaluated_at: Timestamp
}

export interface VerdictChangesTable {
  organisation_id: number
  id: Generated<number>
  action_id: number
  previous: VerdictValue | null
  verdict: VerdictValue
  reasons: Json
  changed_at: Timestamp
}

export interface AlertsTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number | null
  kind: AlertKind
  action_id: number | null
  measure_id: number | null
  title: string
  body: Generated<string>
  /** Path inside the app, e.g. the action's page. */
  link: Generated<string>
  /** One alert per event: a second raise of the same key is ignored. */
  dedupe_key: string
  created_at: Timestamp
}

export interface AlertRecipientsTable {
  organisation_id: number
  alert_id: number
  user_id: number
  read_at: Nullable<Date | string>
}

/** Outgoing webhooks; `lhs_app` cannot read `secret` (deliveries sign with the owner connection). */
export interface WebhooksTable {
  organisation_id: number
  id: Generated<number>
  url: string
  secret: string
  active: Generated<boolean>
  created_by: string
  created_at: Timestamp
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
  drivers: DriversTable
  driver_measures: DriverMeasuresTable
  decision_groups: DecisionGroupsTable
  decision_group_members: DecisionGroupMembersTable
  meetings: MeetingsTable
  meeting_items: MeetingItemsTable
  meeting_attendance: MeetingAttendanceTable
  decisions: DecisionsTable
  decision_versions: DecisionVersionsTable
  actions: ActionsTable
  action_sites: ActionSitesTable
  predictions: PredictionsTable
  pdsa_cycles: PdsaCyclesTable
  action_reviews: ActionReviewsTable
  verdict_changes: VerdictChangesTable
  alerts: AlertsTable
  alert_recipients: AlertRecipientsTable
  webhooks: WebhooksTable
}
