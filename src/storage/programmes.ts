/** Improvement programmes of an organisation. */
import type { Kysely } from 'kysely'
import type { Programme } from '../core/model.ts'
import type { Database } from './schema.ts'

export interface ProgrammeRow extends Programme {
  readonly id: number
}

export async function listProgrammes(db: Kysely<Database>, organisationId: number): Promise<ProgrammeRow[]> {
  return db.selectFrom('programmes').select(['id', 'code', 'name', 'aim']).where('organisation_id', '=', organisationId).orderBy('name').execute()
}

export async function findProgramme(db: Kysely<Database>, organisationId: number, code: string): Promise<ProgrammeRow | undefined> {
  return db
    .selectFrom('programmes')
    .select(['id', 'code', 'name', 'aim'])
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst()
}

/** Insert the programme, or update its name and aim; returns it. */
export async function upsertProgramme(db: Kysely<Database>, organisationId: number, programme: Programme): Promise<ProgrammeRow> {
  return db
    .insertInto('programmes')
    .values({ organisation_id: organisationId, ...programme })
    .onConflict((oc) => oc.columns(['organisation_id', 'code']).doUpdateSet({ name: programme.name, aim: programme.aim }))
    .returning(['id', 'code', 'name', 'aim'])
    .executeTakeFirstOrThrow()
}
