/**
 * Insight recorded by signed-in staff: an observation or huddle note from the staff form, and a
 * community event or interview whose notes or transcript are split into excerpts. Texts are
 * de-identified before they are stored; every record is audited without its text.
 */
import { invalidField } from '../../core/errors.ts'
import type { SourceType } from '../../core/insight/model.ts'
import { parseIsoDate } from '../../core/period.ts'
import { textCharacterProblem } from '../../ingest/index.ts'
import { insertEvent } from '../../storage/insights.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getSite, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { deidentify, storeInsights, type StoredCounts } from './store-insights.ts'

export const STAFF_NOTE_KINDS = { observation: 'Observation', huddle: 'Huddle note' } as const
export type StaffNoteKind = keyof typeof STAFF_NOTE_KINDS

export interface StaffInsight {
  readonly kind: StaffNoteKind
  readonly text: string
  /** Site code; the whole organisation when empty. */
  readonly site: string
  readonly date: string
  readonly tags: readonly string[]
}

export interface EventRecord {
  readonly kind: 'event' | 'interview'
  readonly title: string
  readonly runBy: string
  readonly place: string
  readonly site: string
  readonly date: string
  /** The community groups that took part, in the organiser's words. */
  readonly groups: readonly string[]
  readonly notes: string
}

const LIMITS = { text: 20000, title: 200, short: 200, tag: 60, tags: 20 } as const

export async function recordStaffInsight(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: StaffInsight): Promise<StoredCounts> {
  if (!Object.hasOwn(STAFF_NOTE_KINDS, input.kind)) throw invalidField('kind', `"${input.kind}" is not a kind of staff note (expected observation or huddle).`)
  const text = required(input.text, 'note', LIMITS.text, 'text')
  checkDate(input.date, deps)
  const tags = checkTags(input.tags)
  return inTransaction(deps, async (tx) => {
    const site = await getSite(tx, scope, input.site)
    const counts = await storeInsights(tx, scope, [{ source: 'staff', collectedVia: 'staff_form', date: input.date, site: site.code === scope.organisation.code ? null : site.code, groups: {}, fft: null, text, tags: [input.kind, ...tags] }], { createdBy: actor.name })
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'insight.create', target: `${programmeTarget(scope)}/insight:staff_form`, after: { kind: input.kind, site: site.code, date: input.date, excerpts: counts.excerpts, redacted: counts.redacted } }, tx.store.db)
    return counts
  })
}

export async function recordEvent(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: EventRecord): Promise<StoredCounts & { eventId: number }> {
  if (input.kind !== 'event' && input.kind !== 'interview') throw invalidField('kind', `"${String(input.kind)}" is not a kind of record (expected event or interview).`)
  const what = input.kind === 'event' ? 'event' : 'interview'
  const title = required(input.title, `title of the ${what}`, LIMITS.title, 'title')
  const notes = required(input.notes, `notes or transcript of the ${what}`, LIMITS.text * 10, 'notes')
  const runBy = optional(input.runBy, 'who ran it', LIMITS.short, 'runBy')
  const place = optional(input.place, 'where it was held', LIMITS.short, 'place')
  const groups = input.groups.map((g) => optional(g, 'group', LIMITS.short, 'groups')).filter((g) => g !== '')
  checkDate(input.date, deps)
  const source: SourceType = input.kind === 'event' ? 'community' : 'interview'
  return inTransaction(deps, async (tx) => {
    const site = await getSite(tx, scope, input.site)
    // Titles, organisers and places are free text too: they are de-identified like the notes.
    const eventId = await insertEvent(tx.store.db, scope.organisation.id, scope.programme.id, { kind: input.kind, title: deidentify(title), runBy: deidentify(runBy), place: deidentify(place), siteId: site.id, date: input.date, groups: groups.map(deidentify), createdBy: actor.name })
    const counts = await storeInsights(tx, scope, [{ source, collectedVia: input.kind, date: input.date, site: site.code === scope.organisation.code ? null : site.code, groups: {}, fft: null, text: notes, tags: [] }], { createdBy: actor.name, eventId, split: true })
    await audit(tx, actor, { organisationId: scope.organisation.id, action: `insight.${input.kind}.create`, target: `${programmeTarget(scope)}/${input.kind}:${eventId}`, after: { site: site.code, date: input.date, excerpts: counts.excerpts, redacted: counts.redacted } }, tx.store.db)
    return { ...counts, eventId }
  })
}

function programmeTarget(scope: ProgrammeScope): string {
  return `organisation:${scope.organisation.code}/programme:${scope.programme.code}`
}


function required(text: string, what: string, max: number, field: string): string {
  const trimmed = text.trim()
  if (trimmed === '') throw invalidField(field, `Enter the ${what}.`)
  return optional(trimmed, what, max, field)
}

function optional(text: string, what: string, max: number, field: string): string {
  const trimmed = text.trim()
  if (trimmed.length > max) throw invalidField(field, `The ${what} is ${trimmed.length.toLocaleString('en-GB')} characters long (expected at most ${max.toLocaleString('en-GB')}).`)
  const problem = textCharacterProblem(trimmed)
  if (problem) throw invalidField(field, `The ${what} ${problem}.`)
  return trimmed
}

function checkTags(tags: readonly string[]): string[] {
  const kept = [...new Set(tags.map((t) => optional(t, 'tag', LIMITS.tag, 'tags').toLowerCase()).filter((t) => t !== ''))]
  if (kept.length > LIMITS.tags) throw invalidField('tags', `There are ${kept.length} tags (expected at most ${LIMITS.tags}).`)
  return kept
}

function checkDate(date: string, deps: AppDeps): void {
  if (parseIsoDate(date) === undefined) throw invalidField('date', `The date "${date}" is not a date (expected YYYY-MM-DD, for example 2025-12-08).`, date)
  if (date > deps.clock().toISOString().slice(0, 10)) throw invalidField('date', `The date ${date} is in the future (expected today or earlier).`, date)
}
