/** Reading excerpts (de-identified text) with what is known about the insight each comes from. */
import { sql, type Kysely } from 'kysely'
import type { CollectionMethod, SourceType } from '../core/insight/model.ts'
import type { Database } from './schema.ts'

export interface ExcerptRow {
  readonly id: number
  readonly insightId: number
  readonly position: number
  readonly text: string
  readonly sentiment: number
  readonly siteId: number
  readonly source: SourceType
  readonly collectedVia: CollectionMethod
  readonly date: string
  readonly fft: number | null
  readonly groups: Readonly<Record<string, string>>
  readonly tags: readonly string[]
  readonly eventId: number | null
}

export interface ExcerptFilter {
  readonly programmeId: number
  readonly ids?: readonly number[]
  readonly siteIds?: readonly number[]
  readonly source?: SourceType
  readonly from?: string
  readonly to?: string
  /** Only excerpts a person (not the machine) coded with this theme. */
  readonly themeId?: number
  /** With `group`: only excerpts from this group ("Not stated" = the key missing). */
  readonly dimension?: string
  readonly group?: string
  /** Only excerpts no person has coded yet. */
  readonly uncoded?: boolean
  /** Only excerpts this coder has not coded yet. */
  readonly notCodedBy?: string
  readonly limit?: number
  readonly offset?: number
}

export const NOT_STATED_GROUP = 'Not stated'

/** Excerpts matching `filter`, oldest first (record order, then position). */
export async function listExcerpts(db: Kysely<Database>, organisationId: number, filter: ExcerptFilter): Promise<ExcerptRow[]> {
  let query = db
    .selectFrom('excerpts as x')
    .innerJoin('insights as i', (j) => j.onRef('i.organisation_id', '=', 'x.organisation_id').onRef('i.id', '=', 'x.insight_id'))
    .select(['x.id', 'x.insight_id', 'x.position', 'x.text', 'x.sentiment', 'x.site_id', 'i.source', 'i.collected_via', 'i.received_on', 'i.fft', 'i.groups', 'i.tags', 'i.event_id'])
    .where('x.organisation_id', '=', organisationId)
    .where('i.programme_id', '=', filter.programmeId)
  if (filter.ids) query = query.where('x.id', 'in', filter.ids.length > 0 ? [...filter.ids] : [-1])
  if (filter.siteIds) query = query.where('x.site_id', 'in', filter.siteIds.length > 0 ? [...filter.siteIds] : [-1])
  if (filter.source) query = query.where('i.source', '=', filter.source)
  if (filter.from) query = query.where('i.received_on', '>=', filter.from)
  if (filter.to) query = query.where('i.received_on', '<=', filter.to)
  if (filter.dimension !== undefined && filter.group !== undefined) {
    const dimension = filter.dimension
    query = filter.group === NOT_STATED_GROUP ? query.where(sql<boolean>`NOT (i.groups ? ${dimension})`) : query.where(sql<string>`i.groups ->> ${dimension}`, '=', filter.group)
  }
  if (filter.themeId !== undefined) {
    const themeId = filter.themeId
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('codings as c').select('c.id').whereRef('c.organisation_id', '=', 'x.organisation_id').whereRef('c.excerpt_id', '=', 'x.id').where('c.theme_id', '=', themeId).where('c.machine', '=', false)),
    )
  }
  if (filter.uncoded) {
    query = query.where(({ not, exists, selectFrom }) => not(exists(selectFrom('codings as c').select('c.id').whereRef('c.organisation_id', '=', 'x.organisation_id').whereRef('c.excerpt_id', '=', 'x.id').where('c.machine', '=', false))))
  }
  if (filter.notCodedBy !== undefined) {
    const coder = filter.notCodedBy
    query = query.where(({ not, exists, selectFrom }) => not(exists(selectFrom('codings as c').select('c.id').whereRef('c.organisation_id', '=', 'x.organisation_id').whereRef('c.excerpt_id', '=', 'x.id').where('c.coder', '=', coder))))
  }
  const rows = await query
    .orderBy('i.received_on')
    .orderBy('x.insight_id')
    .orderBy('x.position')
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    insightId: r.insight_id,
    position: r.position,
    text: r.text,
    sentiment: r.sentiment,
    siteId: r.site_id,
    source: r.source as SourceType,
    collectedVia: r.collected_via as CollectionMethod,
    date: r.received_on,
    fft: r.fft,
    groups: r.groups,
    tags: r.tags,
    eventId: r.event_id,
  }))
}

/** How many excerpts the programme holds, and how many of them a person has coded. */
export async function countExcerpts(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<{ excerpts: number; coded: number; records: number }> {
  const row = await sql<{ excerpts: number; coded: number; records: number }>`
    SELECT count(*)::integer AS excerpts,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM codings c WHERE c.organisation_id = x.organisation_id AND c.excerpt_id = x.id AND NOT c.machine))::integer AS coded,
           count(DISTINCT x.insight_id)::integer AS records
    FROM excerpts x JOIN insights i ON i.organisation_id = x.organisation_id AND i.id = x.insight_id
    WHERE x.organisation_id = ${organisationId} AND i.programme_id = ${programmeId}`.execute(db)
  return row.rows[0] ?? { excerpts: 0, coded: 0, records: 0 }
}
