/**
 * The public feedback form of a programme: the Friends and Family Test question, a free-text
 * question and optional questions about the person. No sign-in; nothing identifying is asked for,
 * and the comment is de-identified before it is stored. Spam and flood control live in the server.
 */
import { AppError } from '../../core/errors.ts'
import { FFT_ANSWERS, isFftScore, type FftScore } from '../../core/insight/model.ts'
import { textCharacterProblem } from '../../ingest/index.ts'
import { listGroupLabels } from '../../storage/observations.ts'
import { listSites } from '../../storage/sites.ts'
import { getProgrammeScope, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { storeInsights } from './store-insights.ts'

export const FEEDBACK_COMMENT_MAX = 5000

/** The optional questions about the person, in the order the form asks them. */
export const ABOUT_YOU = [
  { dimension: 'age_band', question: 'What is your age?', fallback: ['Under 18', '18-39', '40-59', '60-79', '80+'] },
  { dimension: 'ethnicity', question: 'What is your ethnic group?', fallback: ['White', 'Mixed or multiple ethnic groups', 'Asian or Asian British', 'Black, Black British, Caribbean or African', 'Other ethnic group'] },
  { dimension: 'sex', question: 'What is your sex?', fallback: ['Female', 'Male'] },
] as const

export interface FeedbackChoices {
  readonly scope: ProgrammeScope
  readonly sites: readonly { readonly code: string; readonly name: string }[]
  /** Per dimension: the labels the form offers (the ones the programme's numbers use, so themes and numbers line up). */
  readonly groups: ReadonlyMap<string, readonly string[]>
}

export interface FeedbackForm {
  readonly fft?: string | undefined
  readonly comment?: string | undefined
  readonly site?: string | undefined
  readonly age_band?: string | undefined
  readonly ethnicity?: string | undefined
  readonly sex?: string | undefined
}

/** A field and what is wrong with it, for the form's error summary. */
export interface FieldError {
  readonly field: keyof FeedbackForm
  readonly message: string
}

export async function feedbackChoices(deps: AppDeps, organisation: string, programme: string): Promise<FeedbackChoices> {
  const scope = await getProgrammeScope(deps, organisation, programme)
  const [sites, labels] = await Promise.all([listSites(deps.store.db, scope.organisation.id), listGroupLabels(deps.store.db, scope.organisation.id, scope.programme.id, ABOUT_YOU.map((q) => q.dimension))])
  const groups = new Map(ABOUT_YOU.map((q) => [q.dimension, usable(labels.get(q.dimension)) ?? [...q.fallback]]))
  return { scope, sites: sites.filter((s) => s.kind !== 'system' && s.kind !== 'network').map((s) => ({ code: s.code, name: s.name })), groups }
}

function usable(labels: readonly string[] | undefined): string[] | undefined {
  const kept = (labels ?? []).filter((l) => l !== '' && !/^not (stated|known)$/i.test(l))
  return kept.length > 0 ? kept : undefined
}

/** Check a submitted form against the choices: every problem, or none. */
export function checkFeedback(form: FeedbackForm, choices: FeedbackChoices): FieldError[] {
  const errors: FieldError[] = []
  const comment = (form.comment ?? '').trim()
  const fft = form.fft ?? ''
  if (fft === '' && comment === '') errors.push({ field: 'fft', message: 'Choose how your experience was, or tell us about it in the box below' })
  if (fft !== '' && !isFftScore(Number(fft))) errors.push({ field: 'fft', message: 'Choose one of the answers about your experience' })
  if (comment.length > FEEDBACK_COMMENT_MAX) errors.push({ field: 'comment', message: `Your comment must be ${FEEDBACK_COMMENT_MAX.toLocaleString('en-GB')} characters or fewer (it is ${comment.length.toLocaleString('en-GB')})` })
  const problem = textCharacterProblem(comment)
  if (problem) errors.push({ field: 'comment', message: `Your comment ${problem}` })
  if (form.site && !choices.sites.some((s) => s.code === form.site)) errors.push({ field: 'site', message: 'Choose a place from the list, or leave it blank' })
  for (const question of ABOUT_YOU) {
    const answer = form[question.dimension]
    if (answer && !(choices.groups.get(question.dimension) ?? []).includes(answer)) errors.push({ field: question.dimension, message: 'Choose an answer from the list, or leave it blank' })
  }
  return errors
}

/** Store one response (already checked); the day it was given comes from the clock. */
export async function submitFeedback(deps: AppDeps, choices: FeedbackChoices, form: FeedbackForm): Promise<void> {
  const errors = checkFeedback(form, choices)
  if (errors.length > 0) throw new AppError('invalid_request', errors.map((e) => e.message).join('. '))
  const groups: Record<string, string> = {}
  for (const question of ABOUT_YOU) {
    const answer = form[question.dimension]
    if (answer) groups[question.dimension] = answer
  }
  const fft = form.fft ? (Number(form.fft) as FftScore) : null
  await inTransaction(deps, (tx) =>
    storeInsights(tx, choices.scope, [{ source: 'patient', collectedVia: 'public_form', date: deps.clock().toISOString().slice(0, 10), site: form.site || null, groups, fft, text: (form.comment ?? '').trim(), tags: [] }], { createdBy: 'public form' }),
  )
}

export { FFT_ANSWERS }
