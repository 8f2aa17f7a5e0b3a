/** Every problem a refusal names, each tied to its field, for the error summary and the fields. */
import { AppError, type ErrorCode } from '../../../core/errors.ts'
import { ErrorMessage, ErrorSummary } from '../error-summary.tsx'
import type { FormProblem } from '../form-field.tsx'

/**
 * A use case's refusal as form problems: one per issue (the field in its `column`, else `fallback`).
 * Errors of other codes are not the person's mistake in the form, so they are thrown on.
 */
export function problemsFrom(error: unknown, fallback: string, codes: readonly ErrorCode[] = ['invalid_request', 'conflict']): FormProblem[] {
  if (!(error instanceof AppError) || !codes.includes(error.code)) throw error
  if (error.issues.length === 0) return [{ field: fallback, message: error.message }]
  return error.issues.map((i) => ({ field: i.column ?? fallback, message: error.code === 'conflict' ? error.message : i.message }))
}

export function problemAt(problems: readonly FormProblem[], field: string): FormProblem | undefined {
  return problems.find((p) => p.field === field)
}

/** The error summary for `problems` (nothing when there are none); each links to its field. */
export function Problems({ problems }: { problems: readonly FormProblem[] }) {
  return problems.length === 0 ? null : <ErrorSummary items={problems.map((p) => ({ href: `#${p.field}`, text: p.message }))} />
}

/** A group of checkboxes or radios (NHS.UK fieldset) with its legend, hint and error. */
export function ChoiceGroup({ id, legend, hint, problem, children }: { id: string; legend: string; hint?: string; problem?: FormProblem | undefined; children: unknown }) {
  const error = problem?.field === id ? problem.message : undefined
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset class="nhsuk-fieldset" {...(described ? { 'aria-describedby': described } : {})}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div class="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
        {children as never}
      </fieldset>
    </div>
  )
}

/** One checkbox; the first of a group takes the group's id so the error summary can link to it. */
export function Checkbox({ id, name, value, checked, hint, children }: { id: string; name: string; value: string; checked: boolean; hint?: unknown; children: unknown }) {
  return (
    <div class="nhsuk-checkboxes__item">
      <input class="nhsuk-checkboxes__input" id={id} name={name} type="checkbox" value={value} checked={checked} {...(hint ? { 'aria-describedby': `${id}-item-hint` } : {})} />
      <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>
        {children as never}
      </label>
      {hint ? (
        <div class="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
          {hint as never}
        </div>
      ) : null}
    </div>
  )
}

/** One radio button, as Checkbox. */
export function Radio({ id, name, value, checked, hint, children }: { id: string; name: string; value: string; checked: boolean; hint?: string; children: unknown }) {
  return (
    <div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id={id} name={name} type="radio" value={value} checked={checked} {...(hint ? { 'aria-describedby': `${id}-item-hint` } : {})} />
      <label class="nhsuk-label nhsuk-radios__label" for={id}>
        {children as never}
      </label>
      {hint ? (
        <div class="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  )
}

/** A status message after a change (announced to screen readers). */
export function Done({ text }: { text: string | undefined }) {
  return text ? (
    <div class="nhsuk-inset-text" role="status">
      <p>{text}</p>
    </div>
  ) : null
}

/** aria-describedby (its hint and its error) and aria-invalid for a field. */
export function aria(id: string, problem: FormProblem | undefined, hint = false): Record<string, string> {
  const error = problem?.field === id
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': 'true' } : {}) }
}
