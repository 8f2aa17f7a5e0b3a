/**
 * Insight records and their excerpts, and community events and interviews. Texts arriving here are
 * already de-identified (core/insight `prepareText`); this module never sees an original.
 */
import { sql, type Kysely } from 'kysely'
import type { CollectionMethod, FftScore, SourceType } from '../core/insight/model.ts'
import type { Database } from './schema.ts'

export interface NewExcerpt {
  readonly text: string
  readonly sentiment: number
}

export interface NewInsight {
  readonly siteId: number
  readonly source: SourceType
  readonly collectedVia: CollectionMethod
  readonly date: string
  readonly fft: FftScore | null
  readonly groups: Readonly<Record<string, string>>
  readonly tags: readonly string[]
  readonly eventId: number | null
  readonly importId: number | null
  readonly createdBy: string
  readonly excerpts: readonly NewExcerpt[]
  /** Identifier type → how many were replaced. */
  readonly redacted: Readonly<Record<string, number>>
}

export interface NewEvent {
  readonly kind: 'event' | 'interview'
  readonly title: string
  readonly runBy: string
  readonly place: string
  readonly siteId: number
  readonly date: string
  readonly groups: readonly string[]
  readonly createdBy: string
}

export interface EventRow extends Omit<NewEvent, 'createdBy'> {
  readonly id: number
  readonly createdBy: string
  readonly excerpts: number
}

const BATCH = 500

/** Write insight records with their excerpts; ids come from the sequences first so batches stay in order. */
export async function insertInsights(db: Kysely<Database>, organisationId: number, programmeId: number, rows: readonly NewInsight[]): Promise<{ insights: number; excerpts: number; ids: number[] }> {
  let excerpts = 0
  const allIds: number[] = []
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH)
    const ids = await nextIds(db, 'insights', batch.length)
    allIds.push(...ids)
    await db
      .insertInto('insights')
      .values(
        batch.map((row, i) => ({
          organisation_id: organisationId,
          id: ids[i]!,
          programme_id: programmeId,
          site_id: row.siteId,
          source: row.source,
          collected_via: row.collectedVia,
          received_on: row.date,
          fft: row.fft,
          groups: JSON.stringify(row.groups),
          tags: [...row.tags],
          event_id: row.eventId,
          import_id: row.importId,
          created_by: row.createdBy,
        })),
      )
      .execute()
    const excerptRows = batch.flatMap((row, i) =>
      row.excerpts.map((excerpt, position) => ({
        organisation_id: organisationId,
        insight_id: ids[i]!,
        site_id: row.siteId,
        position,
        text: excerpt.text,
        sentiment: excerpt.sentiment,
        redacted: JSON.stringify(position === 0 ? row.redacted : {}),
      })),
    )
    for (let e = 0; e < excerptRows.length; e += BATCH) await db.insertInto('excerpts').values(excerptRows.slice(e, e + BATCH)).execute()
    excerpts += excerptRows.length
  }
  return { insights: rows.length, excerpts, ids: allIds }
}

async function nextIds(db: Kysely<Database>, table: 'insights', count: number): Promise<number[]> {
  const result = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::integer AS id FROM generate_series(1, ${count})`.execute(db)
  return result.rows.map((r) => r.id)
}

export async function insertEvent(db: Kysely<Database>, organisationId: number, programmeId: number, event: NewEvent): Promise<number> {
  const row = await db
    .insertInto('insight_events')
    .values({
      organisation_id: organisationId,
      programme_id: programmeId,
      kind: event.kind,
      title: event.title,
      run_by: event.runBy,
      place: event.place,
      site_id: event.siteId,
      held_on: event.date,
      groups: [...event.groups],
      created_by: event.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The programme's events and interviews, newest first, with how many excerpts each holds. */
export async function listEvents(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('insight_events as e')
    .leftJoin('insights as i', (j) => j.onRef('i.organisation_id', '=', 'e.organisation_id').onRef('i.event_id', '=', 'e.id'))
    .leftJoin('excerpts as x', (j) => j.onRef('x.organisation_id', '=', 'i.organisation_id').onRef('x.insight_id', '=', 'i.id'))
    .select(['e.id', 'e.kind', 'e.title', 'e.run_by', 'e.place', 'e.site_id', 'e.held_on', 'e.groups', 'e.created_by'])
    .select((eb) => eb.fn.count<number>('x.id').as('excerpts'))
    .where('e.organisation_id', '=', organisationId)
    .where('e.programme_id', '=', programmeId)
    .groupBy(['e.id', 'e.kind', 'e.title', 'e.run_by', 'e.place', 'e.site_id', 'e.held_on', 'e.groups', 'e.created_by'])
    .orderBy('e.held_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, runBy: r.run_by, place: r.place, siteId: r.site_id, date: r.held_on, groups: r.groups, createdBy: r.created_by, excerpts: Number(r.excerpts) }))
}

export interface InsightTally {
  readonly source: string
  readonly records: number
  readonly excerpts: number
  /** Excerpts whose sentiment score is at most −1, between, at least +1 (core/text labels). */
  readonly negative: number
  readonly neutral: number
  readonly positive: number
}

/** Records, excerpts and the excerpts' sentiment mix by source type. */
export async function tallyBySource(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<InsightTally[]> {
  const result = await sql<InsightTally>`
    SELECT i.source, count(DISTINCT i.id)::integer AS records, count(x.id)::integer AS excerpts,
           count(x.id) FILTER (WHERE x.sentiment <= -1)::integer AS negative,
           count(x.id) FILTER (WHERE x.sentiment > -1 AND x.sentiment < 1)::integer AS neutral,
           count(x.id) FILTER (WHERE x.sentiment >= 1)::integer AS positive
    FROM insights i LEFT JOIN excerpts x ON x.organisation_id = i.organisation_id AND x.insight_id = i.id
    WHERE i.organisation_id = ${organisationId} AND i.programme_id = ${programmeId}
    GROUP BY i.source ORDER BY i.source`.execute(db)
  return result.rows
}

/** Friends and Family Test answers: how many of each (1 Very good … 6 Don't know). */
export async function tallyFft(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('insights')
    .select(['fft', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where('fft', 'is not', null)
    .groupBy('fft')
    .execute()
  return new Map(rows.map((r) => [r.fft!, Number(r.n)]))
}
