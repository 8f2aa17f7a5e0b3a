/** Measure definitions of a programme. */
import { sql, type Kysely, type Selectable } from 'kysely'
import type { MeasureExtract } from '../core/extract/index.ts'
import type { ChartType, Direction, Measure, MeasureKind, MeasureType, PeriodUnit } from '../core/model.ts'
import type { Database, MeasuresTable } from './schema.ts'

export interface MeasureRow extends Measure {
  readonly id: number
  /** Goes up by one at every change (optimistic concurrency: an edit names the version it started from). */
  readonly version: number
}

export interface UpsertCounts {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
}

export function toMeasure(row: Selectable<MeasuresTable>): MeasureRow {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    type: row.type as MeasureType,
    kind: row.kind as MeasureKind,
    rateMultiplier: row.rate_multiplier,
    direction: row.direction as Direction,
    target: row.target,
    period: row.period as PeriodUnit,
    defaultChart: row.default_chart as ChartType,
    numeratorDefinition: row.numerator_definition,
    denominatorDefinition: row.denominator_definition,
    unit: row.unit,
    version: row.version,
  }
}

export async function listMeasures(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<MeasureRow[]> {
  const rows = await db
    .selectFrom('measures')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute()
  return rows.map(toMeasure)
}

export async function findMeasure(db: Kysely<Database>, organisationId: number, programmeId: number, code: string): Promise<MeasureRow | undefined> {
  const row = await db
    .selectFrom('measures')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where('code', '=', code)
    .executeTakeFirst()
  return row && toMeasure(row)
}

/** Insert new measures and update changed ones, by code; reports what happened to each. An extract definition is written only when the measure says (`extract`, from a JSON catalogue). */
export async function upsertMeasures(db: Kysely<Database>, organisationId: number, programmeId: number, measures: readonly (Measure & MeasureExtract)[]): Promise<UpsertCounts> {
  let inserted = 0
  let updated = 0
  for (const m of measures) {
    const values = {
      name: m.name,
      description: m.description,
      type: m.type,
      kind: m.kind,
      rate_multiplier: m.rateMultiplier,
      direction: m.direction,
      target: m.target,
      period: m.period,
      default_chart: m.defaultChart,
      numerator_definition: m.numeratorDefinition,
      denominator_definition: m.denominatorDefinition,
      unit: m.unit,
      ...(m.extract === undefined ? {} : { extract_definition: m.extract === null ? null : JSON.stringify(m.extract) }),
    }
    const changed = Object.keys(values).map((c) => sql`measures.${sql.ref(c)} IS DISTINCT FROM excluded.${sql.ref(c)}`)
    const row = await db
      .insertInto('measures')
      .values({ organisation_id: organisationId, programme_id: programmeId, code: m.code, ...values })
      .onConflict((oc) =>
        oc
          .columns(['organisation_id', 'programme_id', 'code'])
          .doUpdateSet((eb) => ({ ...values, version: eb('measures.version', '+', 1) }))
          .where(sql<boolean>`${sql.join(changed, sql` OR `)}`),
      )
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .executeTakeFirst()
    if (row?.inserted) inserted++
    else if (row) updated++
  }
  return { inserted, updated, unchanged: measures.length - inserted - updated }
}

/** The fields a person may edit on a defined measure (type, kind and period change what the data means: re-import instead). */
export type MeasureEdit = Partial<Pick<Measure, 'name' | 'description' | 'direction' | 'target' | 'unit' | 'numeratorDefinition' | 'denominatorDefinition'>>

const EDIT_COLUMNS = {
  name: 'name',
  description: 'description',
  direction: 'direction',
  target: 'target',
  unit: 'unit',
  numeratorDefinition: 'numerator_definition',
  denominatorDefinition: 'denominator_definition',
} as const

/** Apply `edit` only if the measure is still at `version`; returns the new row, or undefined when the version has moved on (or the measure is gone). */
export async function updateMeasureIfVersion(db: Kysely<Database>, measureId: number, organisationId: number, version: number, edit: MeasureEdit): Promise<MeasureRow | undefined> {
  const set: Record<string, unknown> = {}
  for (const [key, column] of Object.entries(EDIT_COLUMNS)) if (key in edit) set[column] = edit[key as keyof MeasureEdit]
  const row = await db
    .updateTable('measures')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', measureId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
  return row && toMeasure(row)
}
