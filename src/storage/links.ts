/** The measure ↔ theme links people maintain for triangulation. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface LinkRow {
  readonly measureId: number
  readonly measure: string
  readonly themeId: number
  readonly createdBy: string
}

/** The programme's links, by measure code then theme id. */
export async function listLinks(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<LinkRow[]> {
  const rows = await db
    .selectFrom('measure_theme_links as l')
    .innerJoin('measures as m', (j) => j.onRef('m.organisation_id', '=', 'l.organisation_id').onRef('m.id', '=', 'l.measure_id'))
    .select(['l.measure_id', 'm.code', 'l.theme_id', 'l.created_by'])
    .where('l.organisation_id', '=', organisationId)
    .where('m.programme_id', '=', programmeId)
    .orderBy('m.code')
    .orderBy('l.theme_id')
    .execute()
  return rows.map((r) => ({ measureId: r.measure_id, measure: r.code, themeId: r.theme_id, createdBy: r.created_by }))
}

export async function insertLink(db: Kysely<Database>, organisationId: number, measureId: number, themeId: number, createdBy: string): Promise<boolean> {
  const result = await db
    .insertInto('measure_theme_links')
    .values({ organisation_id: organisationId, measure_id: measureId, theme_id: themeId, created_by: createdBy })
    .onConflict((oc) => oc.columns(['organisation_id', 'measure_id', 'theme_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function deleteLink(db: Kysely<Database>, organisationId: number, measureId: number, themeId: number): Promise<boolean> {
  const result = await db.deleteFrom('measure_theme_links').where('organisation_id', '=', organisationId).where('measure_id', '=', measureId).where('theme_id', '=', themeId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
