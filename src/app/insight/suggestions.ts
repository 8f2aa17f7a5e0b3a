/**
 * The machine coder: for excerpts no person has coded, suggest themes from those people coded
 * (k nearest neighbours on TF-IDF vectors, core/insight `createThemeSuggester`), stored as the
 * machine's suggestions, which count nowhere until a person accepts them; and candidate new themes
 * from clustering the uncoded excerpts. All local: no text leaves the machine.
 */
import { createThemeSuggester, proposeThemes, type ThemeProposal } from '../../core/insight/index.ts'
import { listCodings, personThemesByExcerpt, replaceSuggestions } from '../../storage/codings.ts'
import { listExcerpts } from '../../storage/excerpts.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { auditTextRead } from './read-audit.ts'

const ALL = 100_000

export interface SuggestionRun {
  /** Excerpts people have coded, which the suggestions learn from. */
  readonly learnedFrom: number
  readonly uncoded: number
  /** Uncoded excerpts that got at least one suggestion. */
  readonly suggested: number
  readonly suggestions: number
}

/** Recompute the machine's open suggestions for every uncoded excerpt of the programme. */
export async function runSuggestions(deps: AppDeps, actor: Actor, scope: ProgrammeScope): Promise<SuggestionRun> {
  const org = scope.organisation.id
  return inTransaction(deps, async (tx) => {
    const run = await writeSuggestions(tx, scope)
    await audit(tx, actor, { organisationId: org, action: 'suggestions.run', target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}`, after: run }, tx.store.db)
    return run
  })
}

/** The work of `runSuggestions`, in the caller's transaction and without an audit entry (the demo seeding uses it). */
export async function writeSuggestions(deps: AppDeps, scope: ProgrammeScope): Promise<SuggestionRun> {
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const db = deps.store.db
  const [excerpts, codings] = await Promise.all([listExcerpts(db, org, { programmeId, limit: ALL }), listCodings(db, org, programmeId)])
  const themesOf = personThemesByExcerpt(codings)
  const coded = excerpts.filter((x) => themesOf.has(x.id)).map((x) => ({ id: x.id, text: x.text, themeIds: themesOf.get(x.id) ?? [] }))
  const uncoded = excerpts.filter((x) => !themesOf.has(x.id))
  const suggester = createThemeSuggester(coded)
  const rows = uncoded.flatMap((x) => suggester.suggest({ id: x.id, text: x.text }).suggestions.map((s) => ({ excerptId: x.id, themeId: s.themeId, score: s.score })))
  const written = await replaceSuggestions(db, org, programmeId, rows)
  return { learnedFrom: coded.length, uncoded: uncoded.length, suggested: new Set(rows.map((r) => r.excerptId)).size, suggestions: written }
}

/** Candidate new themes: clusters of the uncoded excerpts with their key terms and three quotes each (a text read, audited). */
export async function proposeNewThemes(deps: AppDeps, actor: Actor, scope: ProgrammeScope): Promise<ThemeProposal> {
  const excerpts = await listExcerpts(deps.store.db, scope.organisation.id, { programmeId: scope.programme.id, uncoded: true, limit: ALL })
  const proposal = proposeThemes(excerpts.map((x) => ({ id: x.id, text: x.text })))
  await auditTextRead(deps, actor, scope, 'theme-proposals', proposal.themes.flatMap((t) => t.quotes.map((q) => q.id)))
  return proposal
}
