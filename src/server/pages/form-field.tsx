/** A labelled form field that shows its error (NHS.UK pattern): the message above the input, tied to it by aria-describedby. */
import type { Child } from 'hono/jsx'
import { AppError, type ErrorCode } from '../../core/errors.ts'
import { ErrorMessage } from './error-summary.tsx'

/** A form field in error: its id and the message shown above it and in the error summary. */
export interface FormProblem {
  readonly field: string
  readonly message: string
}

/**
 * A use case's refusal as a form problem: the field its issue names (or `fallback`) and its message.
 * Errors of other codes are not the person's mistake in the form, so they are thrown on.
 */
export function problemFrom(error: unknown, fallback: string, codes: readonly ErrorCode[] = ['invalid_request']): FormProblem {
  if (error instanceof AppError && codes.includes(error.code)) return { field: error.issues[0]?.column ?? fallback, message: error.message }
  throw error
}

/** The attributes that tie an input to its error message, when the problem is about it. */
export function describedBy(id: string, problem: FormProblem | undefined): Record<string, string> {
  return problem?.field === id ? { 'aria-describedby': `${id}-error`, 'aria-invalid': 'true' } : {}
}

export function Field({ id, label, hint, problem, children }: { id: string; label: string; hint?: string; problem?: FormProblem | undefined; children: Child }) {
  const error = problem?.field === id ? problem.message : undefined
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      {hint ? (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
      {children}
    </div>
  )
}
