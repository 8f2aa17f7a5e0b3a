/** The record of each import: what was written and the issues found. */
import type { Kysely } from 'kysely'
import type { Issue } from '../core/issues.ts'
import type { Database } from './schema.ts'

export interface ImportRecord {
  readonly id: number
  readonly programmeId: number
  readonly kind: string
  readonly fileName: string
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  readonly issues: readonly Issue[]
  readonly createdBy: string
  readonly createdAt: string
}

export async function startImport(db: Kysely<Database>, organisationId: number, programmeId: number, kind: string, fileName: string, createdBy: string, at: Date): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({ organisation_id: organisationId, programme_id: programmeId, kind, file_name: fileName, inserted: 0, updated: 0, unchanged: 0, issues: '[]', created_by: createdBy, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function finishImport(db: Kysely<Database>, organisationId: number, id: number, counts: { inserted: number; updated: number; unchanged: number }, issues: readonly Issue[]): Promise<void> {
  await db
    .updateTable('imports')
    .set({ ...counts, issues: JSON.stringify(issues) })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute()
}

export async function listImports(db: Kysely<Database>, organisationId: number, programmeId: number, limit = 50): Promise<ImportRecord[]> {
  const rows = await db
    .selectFrom('imports')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    // By time first: ids are handed out in insertion order only while one node hands them out (docs/scaling.md).
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    kind: r.kind,
    fileName: r.file_name,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    issues: r.issues as Issue[],
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  }))
}
