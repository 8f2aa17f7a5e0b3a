/**
 * NHS.UK form fields for the implement pages: label, hint and error tied to the input by
 * aria-describedby; radios and checkboxes in a fieldset whose first input carries the field's id
 * (so the error summary's link lands on it); the error summary and the "saved" banner.
 */
import type { Child } from 'hono/jsx'
import { ErrorMessage, ErrorSummary } from '../error-summary.tsx'
import type { FormProblem } from '../form-field.tsx'

/** What a form was sent with, to show again after a refusal (or the stored values). */
export type FormValues = Readonly<Record<string, string | undefined>>

export interface Choice {
  readonly value: string
  readonly text: string
  readonly hint?: string
}

function described(id: string, hint: string | undefined, problem: FormProblem | undefined): Record<string, string> {
  const ids = [hint ? `${id}-hint` : '', problem?.field === id ? `${id}-error` : ''].filter(Boolean)
  return { ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}), ...(problem?.field === id ? { 'aria-invalid': 'true' } : {}) }
}

function Group({ id, problem, children }: { id: string; problem: FormProblem | undefined; children: Child }) {
  return <div class={`nhsuk-form-group${problem?.field === id ? ' nhsuk-form-group--error' : ''}`}>{children}</div>
}

function HintAndError({ id, hint, problem }: { id: string; hint: string | undefined; problem: FormProblem | undefined }) {
  return (
    <>
      {hint ? (
        <div class="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {problem?.field === id ? <ErrorMessage id={`${id}-error`} message={problem.message} /> : null}
    </>
  )
}

interface FieldProps {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly problem: FormProblem | undefined
  readonly value: string | undefined
}

export function InputField({ id, label, hint, problem, value, type = 'text', width }: FieldProps & { type?: 'text' | 'date'; width?: 5 | 10 | 20 }) {
  return (
    <Group id={id} problem={problem}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} problem={problem} />
      <input class={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ''}${problem?.field === id ? ' nhsuk-input--error' : ''}`} id={id} name={id} type={type} value={value ?? ''} {...described(id, hint, problem)} />
    </Group>
  )
}

export function TextareaField({ id, label, hint, problem, value, rows = 4, max }: FieldProps & { rows?: number; max: number }) {
  return (
    <Group id={id} problem={problem}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} problem={problem} />
      <textarea class={`nhsuk-textarea${problem?.field === id ? ' nhsuk-textarea--error' : ''}`} id={id} name={id} rows={rows} maxlength={max} {...described(id, hint, problem)}>
        {value ?? ''}
      </textarea>
    </Group>
  )
}

export function SelectField({ id, label, hint, problem, value, choices }: FieldProps & { choices: readonly Choice[] }) {
  return (
    <Group id={id} problem={problem}>
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} problem={problem} />
      <select class={`nhsuk-select${problem?.field === id ? ' nhsuk-select--error' : ''}`} id={id} name={id} {...described(id, hint, problem)}>
        {choices.map((c) => (
          <option value={c.value} selected={c.value === (value ?? '')}>
            {c.text}
          </option>
        ))}
      </select>
    </Group>
  )
}

/** Radios (one value) or checkboxes (several) in a fieldset with a legend. */
export function ChoicesField({ id, legend, hint, problem, values, choices, multiple = false }: { id: string; legend: string; hint?: string; problem: FormProblem | undefined; values: readonly string[]; choices: readonly Choice[]; multiple?: boolean }) {
  const kind = multiple ? 'checkboxes' : 'radios'
  return (
    <Group id={id} problem={problem}>
      <fieldset class="nhsuk-fieldset" {...described(id, hint, problem)}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} problem={problem} />
        <div class={`nhsuk-${kind}`}>
          {choices.map((c, i) => {
            const inputId = i === 0 ? id : `${id}-${i + 1}`
            return (
              <div class={`nhsuk-${kind}__item`}>
                <input class={`nhsuk-${kind}__input`} id={inputId} name={id} type={multiple ? 'checkbox' : 'radio'} value={c.value} checked={values.includes(c.value)} {...(c.hint ? { 'aria-describedby': `${inputId}-item-hint` } : {})} />
                <label class={`nhsuk-label nhsuk-${kind}__label`} for={inputId}>
                  {c.text}
                </label>
                {c.hint ? (
                  <div class={`nhsuk-hint nhsuk-${kind}__hint`} id={`${inputId}-item-hint`}>
                    {c.hint}
                  </div>
                ) : null}
              </div>
            )
          })}
        </div>
      </fieldset>
    </Group>
  )
}

/** The error summary for a refused form, linking to the field. */
export function Problem({ problem }: { problem: FormProblem | undefined }) {
  return problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null
}

/** A short confirmation after a change ("Saved."), announced to screen readers. */
export function Done({ text }: { text: string | undefined }) {
  return text ? (
    <div class="nhsuk-inset-text" role="status">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      <p>{text}</p>
    </div>
  ) : null
}

/** One row of an NHS.UK summary list. */
export function Row({ term, children }: { term: string; children: Child }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{term}</dt>
      <dd class="nhsuk-summary-list__value">{children}</dd>
    </div>
  )
}

export function SubmitButton({ text, secondary = false }: { text: string; secondary?: boolean }) {
  return (
    <button class={`nhsuk-button${secondary ? ' nhsuk-button--secondary' : ''}`} type="submit" data-module="nhsuk-button">
      {text}
    </button>
  )
}
