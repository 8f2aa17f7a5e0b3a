/** Notes on single points of a series: exclusions from the limits and annotations, each with who wrote it. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export type PointNoteKind = 'exclusion' | 'annotation'

export interface PointNoteRow {
  readonly siteId: number
  readonly period: string
  readonly kind: PointNoteKind
  readonly note: string
  readonly createdBy: string
  readonly createdAt: string
}

export interface PointNoteKey {
  readonly measureId: number
  readonly siteId: number
  readonly period: string
  readonly kind: PointNoteKind
}

/** The notes of a measure at the given sites, oldest period first. */
export async function listPointNotes(db: Kysely<Database>, organisationId: number, measureId: number, siteIds: readonly number[]): Promise<PointNoteRow[]> {
  if (siteIds.length === 0) return []
  const rows = await db
    .selectFrom('point_notes')
    .select(['site_id', 'period_start', 'kind', 'note', 'created_by', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId)
    .where('site_id', 'in', [...siteIds])
    .orderBy('period_start')
    .orderBy('kind')
    .execute()
  return rows.map((r) => ({ siteId: r.site_id, period: r.period_start, kind: r.kind, note: r.note, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }))
}

/** The note at `key`, if any. */
export async function findPointNote(db: Kysely<Database>, organisationId: number, key: PointNoteKey): Promise<PointNoteRow | undefined> {
  const notes = await listPointNotes(db, organisationId, key.measureId, [key.siteId])
  return notes.find((n) => n.period === key.period && n.kind === key.kind)
}

/** Write the note at `key` (replacing its text if one is there). */
export async function upsertPointNote(db: Kysely<Database>, organisationId: number, key: PointNoteKey, note: string, createdBy: string): Promise<void> {
  await db
    .insertInto('point_notes')
    .values({ organisation_id: organisationId, measure_id: key.measureId, site_id: key.siteId, period_start: key.period, kind: key.kind, note, created_by: createdBy })
    .onConflict((oc) => oc.columns(['organisation_id', 'measure_id', 'site_id', 'period_start', 'kind']).doUpdateSet({ note, created_by: createdBy, created_at: new Date() }))
    .execute()
}

/** Remove the note at `key`; true when there was one. */
export async function deletePointNote(db: Kysely<Database>, organisationId: number, key: PointNoteKey): Promise<boolean> {
  const result = await db
    .deleteFrom('point_notes')
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', key.measureId)
    .where('site_id', '=', key.siteId)
    .where('period_start', '=', key.period)
    .where('kind', '=', key.kind)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
