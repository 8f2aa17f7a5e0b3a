/**
 * The one object a published lesson shows other members: built from the draft's shareable fields
 * only (no ids of the author's internal records, no person other than the stated contact), shown
 * field by field on the preview page, hashed, stored at publication and returned as it is.
 */
import type { PublishedEffect } from './lesson-effect.ts'

export type LessonVerdict = 'working' | 'not_yet_clear' | 'not_working' | 'harm'

export const LESSON_VERDICTS: readonly LessonVerdict[] = ['working', 'not_yet_clear', 'not_working', 'harm']

export const VERDICT_LABELS: Readonly<Record<LessonVerdict, string>> = {
  working: 'Working',
  not_yet_clear: 'Not yet clear',
  not_working: 'Not working',
  harm: 'Causing harm',
}

/**
 * The fields an author edits in a lesson, the same in a draft and in its stored row. `Effect` is how
 * the effect is typed: checked (`PublishedEffect | null`) here, plain JSON (`unknown`) in storage.
 */
export interface LessonContent<Effect> {
  readonly title: string
  readonly summary: string
  readonly setting: string
  readonly population: string
  readonly cfirFactors: readonly string[]
  readonly change: string
  readonly measureCode: string
  readonly measureName: string
  readonly themes: readonly string[]
  readonly verdict: LessonVerdict
  /** The effect by community group, already through the disclosure policy; null when there is none. */
  readonly effect: Effect
  readonly helped: string
  readonly hindered: string
  readonly contactName: string
  readonly contactEmail: string
}

/** What a draft holds that may leave the organisation. */
export interface LessonDraftContent extends LessonContent<PublishedEffect | null> {
  readonly network: { readonly code: string; readonly name: string }
  readonly authorName: string
}

export interface PublishedLesson {
  readonly network: { readonly code: string; readonly name: string }
  readonly organisation: string
  readonly title: string
  readonly summary: string
  readonly context: { readonly setting: string; readonly population: string; readonly cfirFactors: readonly string[] }
  readonly change: string
  readonly measure: { readonly code: string; readonly name: string } | null
  readonly themes: readonly string[]
  readonly verdict: LessonVerdict
  readonly effect: PublishedEffect | null
  readonly helped: string
  readonly hindered: string
  readonly contact: { readonly name: string; readonly email: string } | null
}

/** The object other members will read, with fields in a fixed order. */
export function lessonPreview(draft: LessonDraftContent): PublishedLesson {
  return {
    network: { code: draft.network.code, name: draft.network.name },
    organisation: draft.authorName,
    title: draft.title,
    summary: draft.summary,
    context: { setting: draft.setting, population: draft.population, cfirFactors: [...draft.cfirFactors] },
    change: draft.change,
    measure: draft.measureCode === '' ? null : { code: draft.measureCode, name: draft.measureName },
    themes: [...draft.themes],
    verdict: draft.verdict,
    effect: draft.effect,
    helped: draft.helped,
    hindered: draft.hindered,
    contact: draft.contactName === '' && draft.contactEmail === '' ? null : { name: draft.contactName, email: draft.contactEmail },
  }
}

/** JSON with object keys sorted at every level, so equal objects give equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`invalid number in canonical JSON: ${value}`)
    return JSON.stringify(value) ?? 'null'
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}
