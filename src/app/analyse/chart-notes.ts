/**
 * Changing how a measure is charted, always with a reason and always audited: rebases (the limits
 * are recalculated from a date, for every site), exclusions (a point left out of one site's limits)
 * and annotations (what happened in a period). Each change is one transaction with its audit entry.
 */
import { AppError } from '../../core/errors.ts'
import { parseIsoDate } from '../../core/period.ts'
import { textCharacterProblem } from '../../ingest/index.ts'
import { hasPeriod } from '../../storage/observations.ts'
import { deletePointNote, findPointNote, upsertPointNote, type PointNoteKind } from '../../storage/point-notes.ts'
import { deleteRebase, listRebases, upsertRebase } from '../../storage/rebases.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getMeasure, getSite, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export const NOTE_MAX_LENGTH = 500

export interface PointNoteInput {
  readonly measure: string
  /** Site code; the whole organisation when absent or empty. */
  readonly site?: string | undefined
  readonly period: string
  readonly kind: PointNoteKind
}

const WHAT: Readonly<Record<PointNoteKind, string>> = { exclusion: 'reason for leaving the point out', annotation: 'note' }

/** Recalculate `measure`'s limits from `date` (all sites), for `reason`. */
export async function addRebase(deps: AppDeps, actor: Actor, scope: ProgrammeScope, measureCode: string, date: string, reason: string): Promise<void> {
  checkDate(date, 'rebase date')
  const text = checkText(reason, 'reason for the rebase')
  await inTransaction(deps, async (tx) => {
    const measure = await getMeasure(tx, scope, measureCode)
    const before = (await listRebases(tx.store.db, scope.organisation.id, measure.id)).find((r) => r.date === date)
    await upsertRebase(tx.store.db, scope.organisation.id, { measureId: measure.id, date, reason: text, createdBy: actor.name })
    await audit(deps, actor, { organisationId: scope.organisation.id, action: 'rebase.create', target: `${target(scope, measureCode)}/rebase:${date}`, before: before ? { reason: before.reason } : null, after: { reason: text } }, tx.store.db)
  })
}

/** Remove the rebase of `measure` on `date`; not found when there is none. */
export async function removeRebase(deps: AppDeps, actor: Actor, scope: ProgrammeScope, measureCode: string, date: string): Promise<void> {
  checkDate(date, 'rebase date')
  await inTransaction(deps, async (tx) => {
    const measure = await getMeasure(tx, scope, measureCode)
    const before = (await listRebases(tx.store.db, scope.organisation.id, measure.id)).find((r) => r.date === date)
    if (!before || !(await deleteRebase(tx.store.db, scope.organisation.id, measure.id, date))) throw new AppError('not_found', `${measure.name} has no rebase on ${date}.`)
    await audit(deps, actor, { organisationId: scope.organisation.id, action: 'rebase.delete', target: `${target(scope, measureCode)}/rebase:${date}`, before: { reason: before.reason }, after: null }, tx.store.db)
  })
}

/** Write an exclusion or annotation on one period of a site's series (replacing the text of one already there). */
export async function setPointNote(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: PointNoteInput, note: string): Promise<void> {
  checkDate(input.period, 'period')
  const text = checkText(note, WHAT[input.kind])
  await inTransaction(deps, async (tx) => {
    const key = await noteKey(tx, scope, input)
    if (!(await hasPeriod(tx.store.db, scope.organisation.id, key.measureId, key.siteId, input.period))) {
      throw new AppError('invalid_request', `There is no value for ${input.period} at this site to ${input.kind === 'exclusion' ? 'leave out' : 'annotate'} (expected the first day of a period that has data).`)
    }
    const before = await findPointNote(tx.store.db, scope.organisation.id, key)
    await upsertPointNote(tx.store.db, scope.organisation.id, key, text, actor.name)
    await audit(deps, actor, { organisationId: scope.organisation.id, action: `${input.kind}.set`, target: noteTarget(scope, input), before: before ? { note: before.note } : null, after: { note: text } }, tx.store.db)
  })
}

/** Remove an exclusion or annotation; not found when there is none. */
export async function removePointNote(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: PointNoteInput): Promise<void> {
  checkDate(input.period, 'period')
  await inTransaction(deps, async (tx) => {
    const key = await noteKey(tx, scope, input)
    const before = await findPointNote(tx.store.db, scope.organisation.id, key)
    if (!before || !(await deletePointNote(tx.store.db, scope.organisation.id, key))) throw new AppError('not_found', `There is no ${input.kind} on ${input.period} for this series.`)
    await audit(deps, actor, { organisationId: scope.organisation.id, action: `${input.kind}.delete`, target: noteTarget(scope, input), before: { note: before.note }, after: null }, tx.store.db)
  })
}

async function noteKey(deps: AppDeps, scope: ProgrammeScope, input: PointNoteInput) {
  const [measure, site] = await Promise.all([getMeasure(deps, scope, input.measure), getSite(deps, scope, input.site)])
  return { measureId: measure.id, siteId: site.id, period: input.period, kind: input.kind }
}

function checkDate(text: string, what: string): void {
  if (parseIsoDate(text) === undefined) throw new AppError('invalid_request', `The ${what} "${text}" is not a date (expected YYYY-MM-DD, for example 2025-12-08).`)
}

function checkText(text: string, what: string): string {
  const trimmed = text.trim()
  if (trimmed === '') throw new AppError('invalid_request', `Give a ${what}: it is shown with the chart so everyone knows why.`)
  if (trimmed.length > NOTE_MAX_LENGTH) throw new AppError('invalid_request', `The ${what} is ${trimmed.length} characters long (expected at most ${NOTE_MAX_LENGTH}).`)
  const problem = textCharacterProblem(trimmed)
  if (problem) throw new AppError('invalid_request', `The ${what} ${problem}.`)
  return trimmed
}

function target(scope: ProgrammeScope, measure: string): string {
  return `organisation:${scope.organisation.code}/programme:${scope.programme.code}/measure:${measure}`
}

function noteTarget(scope: ProgrammeScope, input: PointNoteInput): string {
  return `${target(scope, input.measure)}/site:${input.site || scope.organisation.code}/${input.kind}:${input.period}`
}
