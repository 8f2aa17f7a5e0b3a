/**
 * Networks, their members and their shared measure definitions (migration 0008). Under the app
 * role an organisation lists every network but sees only its own memberships, and only the shared
 * measures of the networks it belongs to.
 */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface NetworkRow {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly description: string
}

export interface SharedMeasureRow {
  readonly id: number
  readonly networkId: number
  readonly code: string
  readonly name: string
  readonly kind: 'proportion' | 'rate'
  readonly direction: 'increase' | 'decrease' | 'neutral'
  readonly definition: string
}

export async function listNetworks(db: Kysely<Database>): Promise<NetworkRow[]> {
  return db.selectFrom('networks').select(['id', 'code', 'name', 'description']).orderBy('name').orderBy('id').execute()
}

export async function findNetwork(db: Kysely<Database>, code: string): Promise<NetworkRow | undefined> {
  return db.selectFrom('networks').select(['id', 'code', 'name', 'description']).where('code', '=', code).executeTakeFirst()
}

/** Creates the network or updates its name and description (owner connection: seeding and the CLI). */
export async function upsertNetwork(db: Kysely<Database>, network: { code: string; name: string; description: string }): Promise<NetworkRow> {
  return db
    .insertInto('networks')
    .values(network)
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: network.name, description: network.description }))
    .returning(['id', 'code', 'name', 'description'])
    .executeTakeFirstOrThrow()
}

/** The ids of the networks the organisation belongs to. */
export async function memberNetworkIds(db: Kysely<Database>, organisationId: number): Promise<number[]> {
  const rows = await db.selectFrom('network_members').select('network_id').where('organisation_id', '=', organisationId).execute()
  return rows.map((r) => r.network_id)
}

/** Joins (true) or finds it already a member (false). */
export async function insertMember(db: Kysely<Database>, organisationId: number, networkId: number, organisationName: string): Promise<boolean> {
  const result = await db
    .insertInto('network_members')
    .values({ organisation_id: organisationId, network_id: networkId, organisation_name: organisationName })
    .onConflict((oc) => oc.columns(['organisation_id', 'network_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0
}

export async function deleteMember(db: Kysely<Database>, organisationId: number, networkId: number): Promise<boolean> {
  const result = await db.deleteFrom('network_members').where('organisation_id', '=', organisationId).where('network_id', '=', networkId).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

const MEASURE_COLUMNS = ['id', 'network_id', 'code', 'name', 'kind', 'direction', 'definition'] as const

function measureRow(r: { id: number; network_id: number; code: string; name: string; kind: 'proportion' | 'rate'; direction: 'increase' | 'decrease' | 'neutral'; definition: string }): SharedMeasureRow {
  return { id: r.id, networkId: r.network_id, code: r.code, name: r.name, kind: r.kind, direction: r.direction, definition: r.definition }
}

export async function listSharedMeasures(db: Kysely<Database>, networkId: number): Promise<SharedMeasureRow[]> {
  const rows = await db.selectFrom('shared_measures').select(MEASURE_COLUMNS).where('network_id', '=', networkId).orderBy('code').execute()
  return rows.map(measureRow)
}

/** Creates the shared measure or updates its definition (owner connection). */
export async function upsertSharedMeasure(db: Kysely<Database>, networkId: number, m: Omit<SharedMeasureRow, 'id' | 'networkId'>): Promise<SharedMeasureRow> {
  const values = { name: m.name, kind: m.kind, direction: m.direction, definition: m.definition }
  const row = await db
    .insertInto('shared_measures')
    .values({ network_id: networkId, code: m.code, ...values })
    .onConflict((oc) => oc.columns(['network_id', 'code']).doUpdateSet(values))
    .returning(MEASURE_COLUMNS)
    .executeTakeFirstOrThrow()
  return measureRow(row)
}

export async function findNetworkById(db: Kysely<Database>, id: number): Promise<NetworkRow | undefined> {
  return db.selectFrom('networks').select(['id', 'code', 'name', 'description']).where('id', '=', id).executeTakeFirst()
}
