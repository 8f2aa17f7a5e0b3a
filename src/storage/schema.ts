/** Table shapes as Kysely sees them (snake_case, as in SQL). Models outside storage are camelCase. */
import type { ColumnType, Generated } from 'kysely'
import type { InsightEventsTable, InsightsTable, ExcerptsTable, ThemesTable, CodingsTable, MeasureThemeLinksTable, FindingsTable } from './schema-insight.ts'
import type { DriversTable, DriverMeasuresTable, DecisionGroupsTable, DecisionGroupMembersTable, MeetingsTable, MeetingItemsTable, MeetingAttendanceTable, DecisionsTable, DecisionVersionsTable, ActionsTable, ActionSitesTable, PredictionsTable, PdsaCyclesTable, ActionReviewsTable, VerdictChangesTable, AlertsTable, AlertRecipientsTable, WebhooksTable } from './schema-loop.ts'
import type { BriefingSchedulesTable, BriefingIssuesTable } from './schema-share.ts'
import type { NetworksTable, NetworkMembersTable, SharedMeasuresTable, LessonsTable, LessonCommentsTable, SharedAggregatesTable } from './schema-community.ts'
export type { InsightEventsTable, InsightsTable, ExcerptsTable, ThemesTable, CodingsTable, MeasureThemeLinksTable, FindingsTable } from './schema-insight.ts'
export type { DriverKind, DecisionGroupKind, DecisionLabel, ActionStatus, PdsaAct, VerdictValue, AlertKind, DriversTable, DriverMeasuresTable, DecisionGroupsTable, DecisionGroupMembersTable, MeetingsTable, MeetingItemsTable, MeetingAttendanceTable, DecisionsTable, DecisionVersionsTable, ActionsTable, ActionSitesTable, PredictionsTable, PdsaCyclesTable, ActionReviewsTable, VerdictChangesTable, AlertsTable, AlertRecipientsTable, WebhooksTable } from './schema-loop.ts'
export type { ScheduledBriefingKind, BriefingAudience, BriefingFormat, BriefingCadence, BriefingSchedulesTable, BriefingIssuesTable } from './schema-share.ts'
export type { LessonStatus, LessonVerdict, NetworksTable, NetworkMembersTable, SharedMeasuresTable, LessonsTable, LessonCommentsTable, SharedAggregatesTable } from './schema-community.ts'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns are read as ISO strings (see the type parser in database.ts). */
type IsoDate = ColumnType<string, string, string>

export interface OrganisationsTable {
  id: Generated<number>
  code: string
  name: string
  created_at: Timestamp
  disclosure_policy: ColumnType<string, string | undefined, string>
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
  /** How the measure is worked out from a patient-level extract (core/extract), as JSON; null when it is not (migration 0011). */
  extract_definition: ColumnType<unknown, string | null | undefined, string | null>
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

/** One series' precomputed analysis (migration 0010); stale when `computed_version` differs from `version`. */
export interface SeriesAnalysisTable {
  organisation_id: number
  measure_id: number
  site_id: number
  dimension: string
  group_name: string
  version: Generated<number>
  computed_version: number | null
  computed_at: Date | null
  points: number | null
  latest_period: string | null
  latest_value: number | null
  variation: string | null
  assurance: string | null
  signals: number | null
  value_n: number | null
  value_mean: number | null
  value_sd: number | null
  /** The compact XmR result (core/spc/compact.ts). */
  spc: unknown
}

export interface Database {
  organisations: OrganisationsTable
  sites: SitesTable
  programmes: ProgrammesTable
  measures: MeasuresTable
  observations: ObservationsTable
  series_analysis: SeriesAnalysisTable
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
  briefing_schedules: BriefingSchedulesTable
  briefing_issues: BriefingIssuesTable
  networks: NetworksTable
  network_members: NetworkMembersTable
  shared_measures: SharedMeasuresTable
  lessons: LessonsTable
  lesson_comments: LessonCommentsTable
  shared_aggregates: SharedAggregatesTable
}
