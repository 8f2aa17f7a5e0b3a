/** The extract definitions stored on a programme's measures (migration 0011), as JSON to be checked again by core/extract before use. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** Measure code → its stored definition, for the measures of the programme that have one. */
export async function listExtractDefinitions(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<Map<string, unknown>> {
  const rows = await db
    .selectFrom('measures')
    .select(['code', 'extract_definition'])
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where('extract_definition', 'is not', null)
    .orderBy('id')
    .execute()
  return new Map(rows.map((row) => [row.code, row.extract_definition]))
}
