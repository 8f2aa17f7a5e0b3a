/**
 * A programme's aim (statement, measure, from what value to what value, by when) and its driver
 * diagram: primary drivers, secondary drivers and change ideas as a tree ordered by position among
 * siblings, each with the measures linked to it. Removing a driver removes its descendants (the
 * foreign key cascades); actions that tested a removed change idea keep their record without it.
 */
import type { Kysely } from 'kysely'
import type { Database, DriverKind } from './schema.ts'

export type { DriverKind }

export interface AimRow {
  readonly statement: string
  readonly measureId: number | null
  /** In the measure's stored units (a proportion as a fraction). */
  readonly baseline: number | null
  readonly target: number | null
  /** ISO date. */
  readonly by: string | null
  /** The programme's version: an aim edit names the version it started from. */
  readonly version: number
}

export type AimEdit = Omit<AimRow, 'version'>

export async function readAim(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<AimRow | undefined> {
  const row = await db
    .selectFrom('programmes')
    .select(['aim', 'aim_measure_id', 'aim_baseline', 'aim_target', 'aim_by', 'version'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', programmeId)
    .executeTakeFirst()
  return row && { statement: row.aim, measureId: row.aim_measure_id, baseline: row.aim_baseline, target: row.aim_target, by: row.aim_by, version: row.version }
}

/** Write the aim only if the programme is still at `version`; the new aim, or undefined when the version has moved on. */
export async function updateAimIfVersion(db: Kysely<Database>, organisationId: number, programmeId: number, version: number, aim: AimEdit): Promise<AimRow | undefined> {
  const row = await db
    .updateTable('programmes')
    .set((eb) => ({ aim: aim.statement, aim_measure_id: aim.measureId, aim_baseline: aim.baseline, aim_target: aim.target, aim_by: aim.by, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', programmeId)
    .where('version', '=', version)
    .returning(['version'])
    .executeTakeFirst()
  return row && { ...aim, version: row.version }
}

export interface DriverRow {
  readonly id: number
  readonly parentId: number | null
  readonly kind: DriverKind
  readonly title: string
  readonly description: string
  readonly position: number
  /** Linked measures, by id, in id order. */
  readonly measureIds: readonly number[]
}

/** The programme's drivers, parents' siblings in position order (then id), each with its linked measures. */
export async function listDrivers(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<DriverRow[]> {
  const rows = await db
    .selectFrom('drivers')
    .select(['id', 'parent_id', 'kind', 'title', 'description', 'position'])
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .orderBy('id')
    .execute()
  const links = rows.length === 0 ? [] : await db
    .selectFrom('driver_measures')
    .select(['driver_id', 'measure_id'])
    .where('organisation_id', '=', organisationId)
    .where('driver_id', 'in', rows.map((r) => r.id))
    .orderBy('measure_id')
    .execute()
  const measures = new Map<number, number[]>()
  for (const link of links) measures.set(link.driver_id, [...(measures.get(link.driver_id) ?? []), link.measure_id])
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind, title: r.title, description: r.description, position: r.position, measureIds: measures.get(r.id) ?? [] }))
}

export interface NewDriver {
  readonly parentId: number | null
  readonly kind: DriverKind
  readonly title: string
  readonly description: string
}

/** Add a driver after its last sibling; returns its id. */
export async function insertDriver(db: Kysely<Database>, organisationId: number, programmeId: number, driver: NewDriver): Promise<number> {
  const last = await db
    .selectFrom('drivers')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where((eb) => (driver.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', driver.parentId)))
    .executeTakeFirst()
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1
  const row = await db
    .insertInto('drivers')
    .values({ organisation_id: organisationId, programme_id: programmeId, parent_id: driver.parentId, kind: driver.kind, title: driver.title, description: driver.description, position })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateDriver(db: Kysely<Database>, organisationId: number, id: number, edit: { readonly title: string; readonly description: string }): Promise<boolean> {
  const result = await db.updateTable('drivers').set({ title: edit.title, description: edit.description }).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Write the sibling order: each id gets its index as position. */
export async function setDriverOrder(db: Kysely<Database>, organisationId: number, ids: readonly number[]): Promise<void> {
  for (const [position, id] of ids.entries()) await db.updateTable('drivers').set({ position }).where('organisation_id', '=', organisationId).where('id', '=', id).execute()
}

/** Remove the driver and (by cascade) everything under it; false when there was none. */
export async function deleteDriver(db: Kysely<Database>, organisationId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('drivers').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Link a measure to a driver; false when it was linked already. */
export async function linkDriverMeasure(db: Kysely<Database>, organisationId: number, driverId: number, measureId: number): Promise<boolean> {
  const result = await db
    .insertInto('driver_measures')
    .values({ organisation_id: organisationId, driver_id: driverId, measure_id: measureId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0
}

/** Unlink a measure from a driver; false when it was not linked. */
export async function unlinkDriverMeasure(db: Kysely<Database>, organisationId: number, driverId: number, measureId: number): Promise<boolean> {
  const result = await db.deleteFrom('driver_measures').where('organisation_id', '=', organisationId).where('driver_id', '=', driverId).where('measure_id', '=', measureId).executeTakeFirst()
  return result.numDeletedRows > 0n
}
