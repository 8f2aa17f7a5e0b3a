/** Sites: a hierarchy inside an organisation (system → network → practice or ward). */
import type { Kysely } from 'kysely'
import type { Site, SiteKind } from '../core/model.ts'
import type { Database } from './schema.ts'

export interface SiteRow extends Site {
  readonly id: number
}

export async function listSites(db: Kysely<Database>, organisationId: number): Promise<SiteRow[]> {
  const rows = await db
    .selectFrom('sites as s')
    .leftJoin('sites as p', (join) => join.onRef('p.organisation_id', '=', 's.organisation_id').onRef('p.id', '=', 's.parent_id'))
    .select(['s.id', 's.code', 's.name', 's.kind', 'p.code as parent'])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.id')
    .execute()
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind as SiteKind, parent: r.parent }))
}

/**
 * Insert or update sites by code, parents before children (the input must list a parent first).
 * Returns how many were inserted and updated.
 */
export async function upsertSites(db: Kysely<Database>, organisationId: number, sites: readonly Site[]): Promise<{ inserted: number; updated: number }> {
  const ids = new Map((await listSites(db, organisationId)).map((s) => [s.code, s.id]))
  let inserted = 0
  let updated = 0
  for (const site of sites) {
    const parentId = site.parent === null ? null : ids.get(site.parent)
    if (parentId === undefined) throw new Error(`site ${site.code}: parent ${String(site.parent)} must be listed before it`)
    const values = { name: site.name, kind: site.kind, parent_id: parentId }
    const id = ids.get(site.code)
    if (id === undefined) {
      const row = await db.insertInto('sites').values({ organisation_id: organisationId, code: site.code, ...values }).returning('id').executeTakeFirstOrThrow()
      ids.set(site.code, row.id)
      inserted++
    } else {
      const result = await db
        .updateTable('sites')
        .set(values)
        .where('organisation_id', '=', organisationId)
        .where('id', '=', id)
        .where((eb) => eb.or([eb('name', '<>', site.name), eb('kind', '<>', site.kind), eb('parent_id', 'is distinct from', parentId)]))
        .executeTakeFirst()
      if (result.numUpdatedRows > 0n) updated++
    }
  }
  return { inserted, updated }
}
