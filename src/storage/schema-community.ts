/** Table shapes of the learning community (migration 0008: networks, lessons, comments, shared aggregates), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns are read as ISO strings (see the type parser in database.ts). */
type IsoDate = ColumnType<string, string, string>
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>

export type LessonStatus = 'draft' | 'published' | 'withdrawn'
export type LessonVerdict = 'working' | 'not_yet_clear' | 'not_working' | 'harm'

export interface NetworksTable {
  id: Generated<number>
  code: string
  name: string
  description: Generated<string>
  created_at: Generated<Date>
}

export interface NetworkMembersTable {
  organisation_id: number
  network_id: number
  /** The member's name as other members see it (a copy: organisations are not readable across organisations). */
  organisation_name: string
  joined_at: Generated<Date>
}

export interface SharedMeasuresTable {
  network_id: number
  id: Generated<number>
  code: string
  name: string
  kind: 'proportion' | 'rate'
  direction: 'increase' | 'decrease' | 'neutral'
  definition: string
}

export interface LessonsTable {
  organisation_id: number
  id: Generated<number>
  network_id: number
  status: Generated<LessonStatus>
  author_name: string
  title: string
  summary: Generated<string>
  setting: Generated<string>
  population: Generated<string>
  cfir_factors: ColumnType<string[], string[] | undefined, string[]>
  change_made: Generated<string>
  measure_code: Generated<string>
  measure_name: Generated<string>
  themes: ColumnType<string[], string[] | undefined, string[]>
  verdict: Generated<LessonVerdict>
  /** The effect by community group: aggregates already through the disclosure policy. */
  effect: ColumnType<unknown, string | null | undefined, string | null>
  helped: Generated<string>
  hindered: Generated<string>
  contact_name: Generated<string>
  contact_email: Generated<string>
  /** Themes and CFIR factors as words, for the search vector. */
  keywords: Generated<string>
  version: Generated<number>
  /** Exactly the preview object other members read; null while a draft. */
  published: ColumnType<unknown, string | null | undefined, string | null>
  published_hash: Nullable<string>
  published_at: Nullable<Date | string>
  published_by: Nullable<string>
  created_by: string
  created_at: Generated<Date>
  search: ColumnType<string, never, never>
}

export interface LessonCommentsTable {
  organisation_id: number
  id: Generated<number>
  lesson_organisation_id: number
  lesson_id: number
  organisation_name: string
  author_name: string
  body: string
  created_at: Generated<Date>
}

export interface SharedAggregatesTable {
  organisation_id: number
  network_id: number
  shared_measure_id: number
  period_from: IsoDate
  period_to: IsoDate
  organisation_name: string
  /** Null when the disclosure policy suppressed it. */
  numerator: number | null
  denominator: number | null
  numerator_text: string
  denominator_text: string
  /** The disclosure policy's statement. */
  policy: string
  published_at: Timestamp
  published_by: string
}
