/** Table shapes of the loop (migration 0006: aim, drivers, decisions, actions, reviews, alerts), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns are read as ISO strings (see the type parser in database.ts). */
type IsoDate = ColumnType<string, string, string>
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>
type Json = ColumnType<unknown, string, string>

export type DriverKind = 'primary' | 'secondary' | 'change_idea'
export type DecisionGroupKind = 'board' | 'committee' | 'huddle' | 'other'
export type DecisionLabel = 'standardise' | 'local_variation' | 'stop' | 'test_further'
export type ActionStatus = 'planned' | 'in_progress' | 'adopted' | 'adapted' | 'abandoned'
export type PdsaAct = 'adopt' | 'adapt' | 'abandon'
export type VerdictValue = 'working' | 'not_yet_clear' | 'not_working' | 'harm'
export type AlertKind = 'verdict_changed' | 'special_cause' | 'review_due' | 'briefing'

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
  /** A scheduled briefing's issue (kind `briefing`, migration 0009). */
  issue_id: Generated<number | null>
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
