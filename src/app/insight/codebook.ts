/**
 * A programme's codebook: start from a ready-made frame (CFIR 2.0, patient experience; added under
 * a top-level theme named after it), add, rename and remove themes, and exchange the codebook with
 * NVivo, QualCoder, ATLAS.ti or MAXQDA as a REFI-QDA `.qdc` file. Changes are audited.
 */
import { randomUUID } from 'node:crypto'
import { codebookToQdc, findFrame, FRAMES, parseQdc, type Codebook, type CodebookTheme } from '../../core/codebook/index.ts'
import { AppError, invalidField } from '../../core/errors.ts'
import { hasErrors, type Issue } from '../../core/issues.ts'
import type { ThemeSeed } from '../../core/insight/model.ts'
import { textCharacterProblem } from '../../ingest/index.ts'
import { deleteTheme, insertTheme, listThemes, updateTheme, type ThemeRow } from '../../storage/themes.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export { FRAMES }
export type { ThemeRow }

/** How deep each theme sits: 0 for a top-level theme, 1 for its sub-themes, and so on. */
export function themeDepths(themes: readonly Pick<ThemeRow, 'id' | 'parentId'>[]): Map<number, number> {
  const parent = new Map(themes.map((t) => [t.id, t.parentId]))
  return new Map(
    themes.map((theme) => {
      let d = 0
      for (let p = theme.parentId; p !== null && d < 20; p = parent.get(p) ?? null) d++
      return [theme.id, d]
    }),
  )
}

export function listCodebook(deps: AppDeps, scope: ProgrammeScope): Promise<ThemeRow[]> {
  return listThemes(deps.store.db, scope.organisation.id, scope.programme.id)
}

const target = (scope: ProgrammeScope) => `organisation:${scope.organisation.code}/programme:${scope.programme.code}/codebook`

/** Add a ready-made frame under a new top-level theme named after it. */
export async function addFrame(deps: AppDeps, actor: Actor, scope: ProgrammeScope, key: string): Promise<number> {
  const frame = findFrame(key)
  if (!frame) throw new AppError('invalid_request', `There is no ready-made codebook "${key}" (expected one of ${FRAMES.map((f) => f.key).join(', ')}).`)
  return inTransaction(deps, async (tx) => {
    const existing = await listCodebook(tx, scope)
    if (existing.some((t) => t.parentId === null && t.name.toLowerCase() === frame.name.toLowerCase())) throw new AppError('conflict', `The codebook already has ${frame.name}.`)
    const root: ThemeSeed = { name: frame.name, definition: frame.source, children: frame.themes }
    const added = await insertSeeds(tx, scope, [root], null, frame.key, actor.name, topPosition(existing))
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'codebook.frame', target: target(scope), after: { frame: frame.key, themes: added } }, tx.store.db)
    return added
  })
}

/** Insert seeds (depth first); returns how many themes were written. */
export async function insertSeeds(deps: AppDeps, scope: ProgrammeScope, seeds: readonly ThemeSeed[], parentId: number | null, frame: string, createdBy: string, firstPosition = 0): Promise<number> {
  let count = 0
  for (const [i, seed] of seeds.entries()) {
    const id = await insertTheme(deps.store.db, scope.organisation.id, scope.programme.id, { parentId, guid: randomUUID(), name: seed.name, definition: seed.definition, examples: seed.examples ?? [], colour: null, frame, position: firstPosition + i, createdBy })
    count += 1 + (await insertSeeds(deps, scope, seed.children ?? [], id, frame, createdBy))
  }
  return count
}

function topPosition(themes: readonly ThemeRow[]): number {
  return themes.filter((t) => t.parentId === null).reduce((max, t) => Math.max(max, t.position + 1), 0)
}

export interface ThemeFields {
  readonly name: string
  readonly definition: string
  readonly examples: readonly string[]
}

/** A new theme at the top level or under `parentId`. */
export async function addTheme(deps: AppDeps, actor: Actor, scope: ProgrammeScope, parentId: number | null, fields: ThemeFields): Promise<number> {
  const checked = checkFields(fields)
  return inTransaction(deps, async (tx) => {
    const themes = await listCodebook(tx, scope)
    if (parentId !== null && !themes.some((t) => t.id === parentId)) throw new AppError('invalid_request', `Theme ${parentId} is not in this codebook.`)
    if (themes.some((t) => t.parentId === parentId && t.name.toLowerCase() === checked.name.toLowerCase())) throw new AppError('conflict', `There is already a theme called "${checked.name}" there.`)
    const position = themes.filter((t) => t.parentId === parentId).reduce((max, t) => Math.max(max, t.position + 1), 0)
    const id = await insertTheme(tx.store.db, scope.organisation.id, scope.programme.id, { parentId, guid: randomUUID(), ...checked, colour: null, frame: 'inductive', position, createdBy: actor.name })
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'codebook.theme.create', target: `${target(scope)}/theme:${id}`, after: checked }, tx.store.db)
    return id
  })
}

export async function editTheme(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, fields: ThemeFields): Promise<void> {
  const checked = checkFields(fields)
  await inTransaction(deps, async (tx) => {
    const themes = await listCodebook(tx, scope)
    const before = themes.find((t) => t.id === id)
    if (!before) throw new AppError('not_found', `No theme ${id} in this codebook.`)
    if (themes.some((t) => t.id !== id && t.parentId === before.parentId && t.name.toLowerCase() === checked.name.toLowerCase())) throw new AppError('conflict', `There is already a theme called "${checked.name}" there.`)
    await updateTheme(tx.store.db, scope.organisation.id, id, checked)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'codebook.theme.update', target: `${target(scope)}/theme:${id}`, before: { name: before.name, definition: before.definition, examples: before.examples }, after: checked }, tx.store.db)
  })
}

/** Remove a theme, its sub-themes and every coding with them. */
export async function removeTheme(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const before = (await listCodebook(tx, scope)).find((t) => t.id === id)
    if (!before || !(await deleteTheme(tx.store.db, scope.organisation.id, id))) throw new AppError('not_found', `No theme ${id} in this codebook.`)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'codebook.theme.delete', target: `${target(scope)}/theme:${id}`, before: { name: before.name }, after: null }, tx.store.db)
  })
}

function checkFields(fields: ThemeFields): ThemeFields {
  const name = fields.name.trim()
  if (name === '' || name.length > 200) throw invalidField('name', name === '' ? 'Enter a name for the theme.' : `The name is ${name.length} characters long (expected at most 200).`)
  const definition = fields.definition.trim()
  if (definition.length > 4000) throw invalidField('definition', `The definition is ${definition.length} characters long (expected at most 4,000).`)
  const examples = fields.examples.map((e) => e.trim()).filter((e) => e !== '')
  if (examples.length > 20 || examples.some((e) => e.length > 500)) throw invalidField('examples', 'Give at most 20 examples of up to 500 characters each.')
  for (const [field, text] of [['name', name], ['definition', definition], ['examples', examples.join('\n')]] as const) {
    const problem = textCharacterProblem(text.replace(/\n/g, ' '))
    if (problem) throw invalidField(field, `The ${field} ${problem}.`)
  }
  return { name, definition, examples }
}


/** The codebook as a tree for exchange. */
export async function codebookOf(deps: AppDeps, scope: ProgrammeScope): Promise<Codebook> {
  const themes = await listCodebook(deps, scope)
  const build = (parentId: number | null): CodebookTheme[] =>
    themes.filter((t) => t.parentId === parentId).map((t) => ({ guid: t.guid, name: t.name, definition: t.definition, examples: t.examples, colour: t.colour, children: build(t.id) }))
  return { name: `${scope.programme.name} codebook`, themes: build(null) }
}

/** The codebook as a REFI-QDA `.qdc` file. */
export async function exportQdc(deps: AppDeps, scope: ProgrammeScope): Promise<string> {
  return codebookToQdc(await codebookOf(deps, scope))
}

export interface QdcImport {
  readonly added: number
  readonly updated: number
  readonly issues: readonly Issue[]
}

/**
 * Read a `.qdc` file into the codebook: a theme whose guid is already there is updated (name,
 * definition, examples, colour), a new one is added under its parent. Every problem is reported and,
 * if any is an error, nothing is changed.
 */
export async function importQdc(deps: AppDeps, actor: Actor, scope: ProgrammeScope, xml: string, fileName: string): Promise<QdcImport> {
  const parsed = parseQdc(xml, fileName)
  if (hasErrors(parsed.issues)) return { added: 0, updated: 0, issues: parsed.issues }
  return inTransaction(deps, async (tx) => {
    const current = await listCodebook(tx, scope)
    const existing = new Map(current.map((t) => [t.guid.toLowerCase(), t]))
    // Sibling names must stay unique: name (lower case) → guid, per parent.
    const siblings = new Map<number | null, Map<string, string>>()
    const namesUnder = (parentId: number | null) => siblings.get(parentId) ?? siblings.set(parentId, new Map()).get(parentId)!
    for (const t of current) namesUnder(t.parentId).set(t.name.toLowerCase(), t.guid.toLowerCase())
    let added = 0
    let updated = 0
    const visit = async (themes: readonly CodebookTheme[], parentId: number | null): Promise<void> => {
      for (const [i, theme] of themes.entries()) {
        const found = existing.get(theme.guid.toLowerCase())
        const names = namesUnder(found ? found.parentId : parentId)
        const holder = names.get(theme.name.toLowerCase())
        if (holder !== undefined && holder !== theme.guid.toLowerCase()) {
          throw new AppError('invalid_file', `${fileName}: the theme "${theme.name}" (${theme.guid}) has the same name as a different theme already in the codebook at that level; rename one of them and import again. Nothing was changed.`)
        }
        if (found) names.delete(found.name.toLowerCase())
        names.set(theme.name.toLowerCase(), theme.guid.toLowerCase())
        let id: number
        if (found) {
          await updateTheme(tx.store.db, scope.organisation.id, found.id, { name: theme.name, definition: theme.definition, examples: theme.examples })
          id = found.id
          updated++
        } else {
          id = await insertTheme(tx.store.db, scope.organisation.id, scope.programme.id, { parentId, guid: theme.guid.toLowerCase(), name: theme.name, definition: theme.definition, examples: theme.examples, colour: theme.colour, frame: 'imported', position: i, createdBy: actor.name })
          added++
        }
        await visit(theme.children, id)
      }
    }
    await visit(parsed.value.themes, null)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'codebook.import', target: `${target(scope)}/file:${fileName.slice(0, 200)}`, after: { added, updated, warnings: parsed.issues.length } }, tx.store.db)
    return { added, updated, issues: parsed.issues }
  })
}
