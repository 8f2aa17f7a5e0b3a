/**
 * Codings: a theme applied to an excerpt by a coder (a person's email, or the machine coder whose
 * rows are suggestions until a person accepts them). One row per excerpt, theme and coder.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** The coder name the machine's suggestions are recorded under. */
export const MACHINE_CODER = 'machine'

export interface CodingRow {
  readonly excerptId: number
  readonly themeId: number
  readonly coder: string
  readonly machine: boolean
  readonly status: 'applied' | 'suggested' | 'rejected'
  readonly spanStart: number | null
  readonly spanEnd: number | null
  readonly score: number | null
  readonly createdAt: string
}

export interface NewCoding {
  readonly excerptId: number
  readonly themeId: number
  readonly coder: string
  readonly spanStart: number | null
  readonly spanEnd: number | null
}

/** Every coding on the programme's excerpts (optionally only these excerpts). */
export async function listCodings(db: Kysely<Database>, organisationId: number, programmeId: number, excerptIds?: readonly number[]): Promise<CodingRow[]> {
  let query = db
    .selectFrom('codings as c')
    .innerJoin('themes as t', (j) => j.onRef('t.organisation_id', '=', 'c.organisation_id').onRef('t.id', '=', 'c.theme_id'))
    .select(['c.excerpt_id', 'c.theme_id', 'c.coder', 'c.machine', 'c.status', 'c.span_start', 'c.span_end', 'c.score', 'c.created_at'])
    .where('c.organisation_id', '=', organisationId)
    .where('t.programme_id', '=', programmeId)
  if (excerptIds) query = query.where('c.excerpt_id', 'in', excerptIds.length > 0 ? [...excerptIds] : [-1])
  const rows = await query.orderBy('c.excerpt_id').orderBy('c.id').execute()
  return rows.map((r) => ({
    excerptId: r.excerpt_id,
    themeId: r.theme_id,
    coder: r.coder,
    machine: r.machine,
    status: r.status,
    spanStart: r.span_start,
    spanEnd: r.span_end,
    score: r.score,
    createdAt: new Date(r.created_at).toISOString(),
  }))
}

/** Apply (or re-apply, replacing the span) a person's code. */
export async function upsertCodings(db: Kysely<Database>, organisationId: number, codings: readonly NewCoding[]): Promise<void> {
  for (let start = 0; start < codings.length; start += 1000) {
    const batch = codings.slice(start, start + 1000)
    await db
      .insertInto('codings')
      .values(batch.map((c) => ({ organisation_id: organisationId, excerpt_id: c.excerptId, theme_id: c.themeId, coder: c.coder, machine: false, span_start: c.spanStart, span_end: c.spanEnd, status: 'applied' as const })))
      .onConflict((oc) => oc.columns(['organisation_id', 'excerpt_id', 'theme_id', 'coder']).doUpdateSet((eb) => ({ span_start: eb.ref('excluded.span_start'), span_end: eb.ref('excluded.span_end') })))
      .execute()
  }
}

export async function deleteCoding(db: Kysely<Database>, organisationId: number, excerptId: number, themeId: number, coder: string): Promise<boolean> {
  const result = await db
    .deleteFrom('codings')
    .where('organisation_id', '=', organisationId)
    .where('excerpt_id', '=', excerptId)
    .where('theme_id', '=', themeId)
    .where('coder', '=', coder)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export interface MachineSuggestion {
  readonly excerptId: number
  readonly themeId: number
  readonly score: number
}

/**
 * Replace the machine coder's open suggestions on the programme with `suggestions`; suggestions a
 * person already accepted or rejected keep their status.
 */
export async function replaceSuggestions(db: Kysely<Database>, organisationId: number, programmeId: number, suggestions: readonly MachineSuggestion[]): Promise<number> {
  await sql`DELETE FROM codings c USING themes t
            WHERE c.organisation_id = ${organisationId} AND t.organisation_id = c.organisation_id AND t.id = c.theme_id
              AND t.programme_id = ${programmeId} AND c.machine AND c.status = 'suggested'`.execute(db)
  let written = 0
  for (let start = 0; start < suggestions.length; start += 1000) {
    const batch = suggestions.slice(start, start + 1000)
    const result = await db
      .insertInto('codings')
      .values(batch.map((s) => ({ organisation_id: organisationId, excerpt_id: s.excerptId, theme_id: s.themeId, coder: MACHINE_CODER, machine: true, score: s.score, status: 'suggested' as const })))
      .onConflict((oc) => oc.columns(['organisation_id', 'excerpt_id', 'theme_id', 'coder']).doNothing())
      .executeTakeFirst()
    written += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return written
}

/** Mark a machine suggestion accepted or rejected; false when there is no such suggestion. */
export async function decideSuggestion(db: Kysely<Database>, organisationId: number, excerptId: number, themeId: number, status: 'applied' | 'rejected'): Promise<boolean> {
  const result = await db
    .updateTable('codings')
    .set({ status })
    .where('organisation_id', '=', organisationId)
    .where('excerpt_id', '=', excerptId)
    .where('theme_id', '=', themeId)
    .where('coder', '=', MACHINE_CODER)
    .where('status', '=', 'suggested')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The themes people (not the machine) applied to each excerpt. */
export function personThemesByExcerpt(codings: readonly CodingRow[]): Map<number, number[]> {
  const themes = new Map<number, number[]>()
  for (const c of codings) {
    if (c.machine) continue
    const list = themes.get(c.excerptId)
    if (list) list.push(c.themeId)
    else themes.set(c.excerptId, [c.themeId])
  }
  return themes
}
