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

export interface Database {
  organisations: OrganisationsTable
  sites: SitesTable
  programmes: ProgrammesTable
  measures: MeasuresTable
  observations: ObservationsTable
  rebases: RebasesTable
  imports: ImportsTable
}
