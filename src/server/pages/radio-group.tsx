/** A set of radio buttons with a legend, optional hint and its error (NHS.UK pattern); options map each value to its label. */
import type { FormProblem } from './form-field.tsx'

export function RadioGroup({ name, legend, options, value, problem, hint }: { name: string; legend: string; options: Readonly<Record<string, string>>; value: string; problem: FormProblem | undefined; hint?: string }) {
  const error = problem?.field === name ? problem.message : undefined
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset class="nhsuk-fieldset" id={name} aria-describedby={[hint ? `${name}-hint` : '', error ? `${name}-error` : ''].join(' ').trim() || undefined}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div class="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <span class="nhsuk-error-message" id={`${name}-error`}>
            <span class="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        ) : null}
        <div class="nhsuk-radios nhsuk-radios--small">
          {Object.entries(options).map(([key, label]) => (
            <div class="nhsuk-radios__item">
              <input class="nhsuk-radios__input" id={`${name}-${key}`} name={name} type="radio" value={key} checked={value === key} />
              <label class="nhsuk-label nhsuk-radios__label" for={`${name}-${key}`}>
                {label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
