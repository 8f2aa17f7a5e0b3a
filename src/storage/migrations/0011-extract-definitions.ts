/**
 * Record-level extracts: a measure may carry the definition of how it is worked out from a
 * patient-level extract (date, site and group columns, what is counted or averaged), checked by
 * core/extract before it is stored. Only the definition is stored; extracts themselves never are.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE measures ADD COLUMN extract_definition jsonb`).execute(db)
  await sql.raw(`ALTER TABLE measures ADD CONSTRAINT measures_extract_definition_object CHECK (extract_definition IS NULL OR jsonb_typeof(extract_definition) = 'object')`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE measures DROP COLUMN extract_definition`).execute(db)
}
