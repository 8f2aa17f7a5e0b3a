/** Table shapes of scheduled briefings (migration 0009: schedules and the issues they sent), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>

export type ScheduledBriefingKind = 'board' | 'community'
export type BriefingAudience = 'internal' | 'external'
export type BriefingFormat = 'pdf' | 'docx'
export type BriefingCadence = 'monthly' | 'after_import'

export interface BriefingSchedulesTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  kind: ScheduledBriefingKind
  audience: BriefingAudience
  format: BriefingFormat
  cadence: BriefingCadence
  /** The day of the month a monthly schedule goes out on (1–28); null after imports. */
  day_of_month: number | null
  /** The decision group whose members receive it. */
  group_id: number
  active: Generated<boolean>
  last_issued_at: Nullable<Date | string>
  created_by: string
  created_at: Timestamp
}

/** One briefing as sent: the exact file, so the inbox opens what people received. */
export interface BriefingIssuesTable {
  organisation_id: number
  id: Generated<number>
  programme_id: number
  schedule_id: number | null
  title: string
  file_name: string
  content_type: string
  content: Uint8Array
  issued_at: Timestamp
}
