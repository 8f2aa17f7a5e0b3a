/**
 * Coding excerpts: one excerpt at a time for a coder, with the codebook, the coder's own codes and
 * the machine's suggestions; saving sets exactly the themes the coder chose (with the text span
 * they selected, if any). Saving also settles the machine's open suggestions on that excerpt:
 * accepted if the coder applied the theme, rejected otherwise. Every read of text is audited.
 */
import { AppError } from '../../core/errors.ts'
import { countExcerpts, listExcerpts, type ExcerptRow } from '../../storage/excerpts.ts'
import { MACHINE_CODER, deleteCoding, listCodings, upsertCodings, type CodingRow } from '../../storage/codings.ts'
import { listThemes, type ThemeRow } from '../../storage/themes.ts'
import { sql } from 'kysely'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { auditTextRead } from './read-audit.ts'

export type { ExcerptRow, ThemeRow, CodingRow }

export interface CodingView {
  readonly excerpt: ExcerptRow | undefined
  readonly themes: readonly ThemeRow[]
  /** This coder's codes on the excerpt. */
  readonly mine: readonly CodingRow[]
  /** The machine's open suggestions on it, best first. */
  readonly suggestions: readonly CodingRow[]
  /** Other people who coded it (names only: their choices are hidden so coding stays independent). */
  readonly otherCoders: readonly string[]
  readonly progress: { readonly excerpts: number; readonly codedByMe: number; readonly codedByAnyone: number }
}

/** The excerpt to code: `excerptId`, or the next one this coder has not coded (oldest first, passing over `skip` of them). */
export async function codingView(deps: AppDeps, actor: Actor, scope: ProgrammeScope, excerptId?: number, skip = 0): Promise<CodingView> {
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const db = deps.store.db
  const [excerpt] = await listExcerpts(db, org, excerptId === undefined ? { programmeId, notCodedBy: actor.name, limit: 1, offset: skip } : { programmeId, ids: [excerptId], limit: 1 })
  if (excerptId !== undefined && !excerpt) throw new AppError('not_found', `No excerpt ${excerptId} in ${scope.programme.name}.`)
  const [themes, codings, totals, mine] = await Promise.all([
    listThemes(db, org, programmeId),
    excerpt ? listCodings(db, org, programmeId, [excerpt.id]) : Promise.resolve([]),
    countExcerpts(db, org, programmeId),
    countCodedBy(deps, scope, actor.name),
  ])
  if (excerpt) await auditTextRead(deps, actor, scope, 'coding', [excerpt.id])
  return {
    excerpt,
    themes,
    mine: codings.filter((c) => c.coder === actor.name),
    suggestions: codings.filter((c) => c.machine && c.status === 'suggested').sort((a, b) => (b.score ?? 0) - (a.score ?? 0)),
    otherCoders: [...new Set(codings.filter((c) => !c.machine && c.coder !== actor.name).map((c) => c.coder))],
    progress: { excerpts: totals.excerpts, codedByMe: mine, codedByAnyone: totals.coded },
  }
}

async function countCodedBy(deps: AppDeps, scope: ProgrammeScope, coder: string): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(DISTINCT c.excerpt_id)::integer AS n FROM codings c JOIN themes t ON t.organisation_id = c.organisation_id AND t.id = c.theme_id
    WHERE c.organisation_id = ${scope.organisation.id} AND t.programme_id = ${scope.programme.id} AND c.coder = ${coder}`.execute(deps.store.db)
  return result.rows[0]?.n ?? 0
}

export interface CodeChoice {
  readonly themeId: number
  /** The selected text, as offsets into the excerpt; null for the whole excerpt. */
  readonly span: { readonly start: number; readonly end: number } | null
}

/** Set this coder's codes on the excerpt to exactly `choices`. */
export async function saveCodes(deps: AppDeps, actor: Actor, scope: ProgrammeScope, excerptId: number, choices: readonly CodeChoice[]): Promise<{ applied: number; removed: number }> {
  if (actor.name === MACHINE_CODER) throw new AppError('forbidden', 'The machine coder only suggests.')
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  return inTransaction(deps, async (tx) => {
    const db = tx.store.db
    const [excerpt] = await listExcerpts(db, org, { programmeId, ids: [excerptId], limit: 1 })
    if (!excerpt) throw new AppError('not_found', `No excerpt ${excerptId} in ${scope.programme.name}.`)
    const themeIds = new Set((await listThemes(db, org, programmeId)).map((t) => t.id))
    for (const choice of choices) {
      if (!themeIds.has(choice.themeId)) throw new AppError('invalid_request', `Theme ${choice.themeId} is not in this programme's codebook.`)
      if (choice.span && !(Number.isInteger(choice.span.start) && Number.isInteger(choice.span.end) && choice.span.start >= 0 && choice.span.end > choice.span.start && choice.span.end <= excerpt.text.length)) {
        throw new AppError('invalid_request', `The selected text ${choice.span.start}–${choice.span.end} is not inside the excerpt (expected 0 ≤ start < end ≤ ${excerpt.text.length}).`)
      }
    }
    const chosen = new Set(choices.map((c) => c.themeId))
    const existing = await listCodings(db, org, programmeId, [excerptId])
    let removed = 0
    for (const coding of existing.filter((c) => c.coder === actor.name && !chosen.has(c.themeId))) if (await deleteCoding(db, org, excerptId, coding.themeId, actor.name)) removed++
    await upsertCodings(db, org, choices.map((c) => ({ excerptId, themeId: c.themeId, coder: actor.name, spanStart: c.span?.start ?? null, spanEnd: c.span?.end ?? null })))
    await sql`UPDATE codings SET status = CASE WHEN theme_id = ANY (${[...chosen]}::integer[]) THEN 'applied' ELSE 'rejected' END
              WHERE organisation_id = ${org} AND excerpt_id = ${excerptId} AND machine AND status = 'suggested'`.execute(db)
    await audit(tx, actor, { organisationId: org, action: 'coding.set', target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}/excerpt:${excerptId}`, before: { themes: existing.filter((c) => c.coder === actor.name).map((c) => c.themeId) }, after: { themes: [...chosen] } }, db)
    return { applied: chosen.size, removed }
  })
}
