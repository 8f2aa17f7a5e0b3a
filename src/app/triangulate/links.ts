/**
 * The measure ↔ theme links people maintain ("BP recorded" ↔ "Access"): triangulation matches a
 * measure's signals with the insight coded to its linked themes (and their sub-themes). Changes
 * are audited.
 */
import { AppError } from '../../core/errors.ts'
import type { ProposedFinding } from '../../core/triangulate/index.ts'
import { listCodings, personThemesByExcerpt } from '../../storage/codings.ts'
import { listExcerpts } from '../../storage/excerpts.ts'
import { listFindings } from '../../storage/findings.ts'
import { deleteLink, insertLink, listLinks, type LinkRow } from '../../storage/links.ts'
import { listSites } from '../../storage/sites.ts'
import { listThemes, type ThemeRow } from '../../storage/themes.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getMeasure, listProgrammeMeasures, type MeasureRow, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { suggestLinks, type LinkSuggestion } from './suggest-links.ts'

export interface LinkView {
  readonly measures: readonly MeasureRow[]
  readonly themes: readonly ThemeRow[]
  readonly links: readonly LinkRow[]
  readonly suggestions: readonly LinkSuggestion[]
}

export async function linkView(deps: AppDeps, scope: ProgrammeScope): Promise<LinkView> {
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const db = deps.store.db
  const [measures, themes, links, findings, excerpts, codings, sites] = await Promise.all([
    listProgrammeMeasures(deps, scope),
    listThemes(db, org, programmeId),
    listLinks(db, org, programmeId),
    listFindings<ProposedFinding>(db, org, programmeId),
    listExcerpts(db, org, { programmeId, limit: 1_000_000 }),
    listCodings(db, org, programmeId),
    listSites(db, org),
  ])
  const themesOf = personThemesByExcerpt(codings)
  const siteCode = new Map(sites.map((s) => [s.id, s.kind === 'system' ? null : s.code]))
  const signals = findings.flatMap((f) => f.proposal.signals)
  const suggestions = suggestLinks(
    signals,
    excerpts.filter((x) => themesOf.has(x.id)).map((x) => ({ id: x.id, date: x.date, groups: x.groups, site: siteCode.get(x.siteId) ?? null, themeIds: themesOf.get(x.id) ?? [] })),
    coveredLinks(links, themes),
    deps.clock().toISOString().slice(0, 10),
  )
  return { measures, themes, links, suggestions }
}

const target = (scope: ProgrammeScope, measure: string, themeId: number) => `organisation:${scope.organisation.code}/programme:${scope.programme.code}/measure:${measure}/theme:${themeId}`

export async function addLink(deps: AppDeps, actor: Actor, scope: ProgrammeScope, measureCode: string, themeId: number): Promise<boolean> {
  return inTransaction(deps, async (tx) => {
    const measure = await getMeasure(tx, scope, measureCode)
    const theme = (await listThemes(tx.store.db, scope.organisation.id, scope.programme.id)).find((t) => t.id === themeId)
    if (!theme) throw new AppError('invalid_request', `Theme ${themeId} is not in this programme's codebook.`)
    const added = await insertLink(tx.store.db, scope.organisation.id, measure.id, themeId, actor.name)
    if (added) await audit(tx, actor, { organisationId: scope.organisation.id, action: 'link.create', target: target(scope, measure.code, themeId), after: { measure: measure.code, theme: theme.name } }, tx.store.db)
    return added
  })
}

export async function removeLink(deps: AppDeps, actor: Actor, scope: ProgrammeScope, measureCode: string, themeId: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const measure = await getMeasure(tx, scope, measureCode)
    if (!(await deleteLink(tx.store.db, scope.organisation.id, measure.id, themeId))) throw new AppError('not_found', `${measure.name} is not linked to theme ${themeId}.`)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'link.delete', target: target(scope, measure.code, themeId), before: { measure: measure.code, theme: themeId }, after: null }, tx.store.db)
  })
}

/** `measure|theme` for every linked theme and its sub-themes (a link covers the sub-themes, so they are never suggested). */
function coveredLinks(links: readonly LinkRow[], themes: readonly ThemeRow[]): Set<string> {
  const children = new Map<number, number[]>()
  for (const t of themes) if (t.parentId !== null) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id])
  const covered = new Set<string>()
  const visit = (measure: string, id: number): void => {
    covered.add(`${measure}|${id}`)
    for (const child of children.get(id) ?? []) visit(measure, child)
  }
  for (const link of links) visit(link.measure, link.themeId)
  return covered
}
