/** A programme's codebook: hierarchical themes with definitions, examples and a REFI-QDA guid. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface ThemeRow {
  readonly id: number
  readonly parentId: number | null
  readonly guid: string
  readonly name: string
  readonly definition: string
  readonly examples: readonly string[]
  readonly colour: string | null
  /** Which ready-made frame it came from ('cfir-2', 'patient-experience') or 'inductive'. */
  readonly frame: string
  readonly position: number
}

export interface NewTheme {
  readonly parentId: number | null
  readonly guid: string
  readonly name: string
  readonly definition: string
  readonly examples: readonly string[]
  readonly colour: string | null
  readonly frame: string
  readonly position: number
  readonly createdBy: string
}

/** Every theme of the programme, parents before children, in their sibling order. */
export async function listThemes(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<ThemeRow[]> {
  const rows = await db
    .selectFrom('themes')
    .select(['id', 'parent_id', 'guid', 'name', 'definition', 'examples', 'colour', 'frame', 'position'])
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .orderBy('id')
    .execute()
  const all = rows.map((r) => ({ id: r.id, parentId: r.parent_id, guid: r.guid, name: r.name, definition: r.definition, examples: r.examples, colour: r.colour, frame: r.frame, position: r.position }))
  return depthFirst(all)
}

function depthFirst(themes: readonly ThemeRow[]): ThemeRow[] {
  const children = new Map<number | null, ThemeRow[]>()
  for (const theme of themes) children.set(theme.parentId, [...(children.get(theme.parentId) ?? []), theme])
  const out: ThemeRow[] = []
  const visit = (parentId: number | null): void => {
    for (const theme of children.get(parentId) ?? []) {
      out.push(theme)
      visit(theme.id)
    }
  }
  visit(null)
  return out
}

export async function insertTheme(db: Kysely<Database>, organisationId: number, programmeId: number, theme: NewTheme): Promise<number> {
  const row = await db
    .insertInto('themes')
    .values({
      organisation_id: organisationId,
      programme_id: programmeId,
      parent_id: theme.parentId,
      guid: theme.guid,
      name: theme.name,
      definition: theme.definition,
      examples: [...theme.examples],
      colour: theme.colour,
      frame: theme.frame,
      position: theme.position,
      created_by: theme.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateTheme(db: Kysely<Database>, organisationId: number, id: number, change: { name: string; definition: string; examples: readonly string[] }): Promise<boolean> {
  const result = await db
    .updateTable('themes')
    .set({ name: change.name, definition: change.definition, examples: [...change.examples] })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Remove a theme with its sub-themes and their codings. */
export async function deleteTheme(db: Kysely<Database>, organisationId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('themes').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
