/** The NHS.UK error summary: a titled list of problems, each a link to the field it is about. */

export interface ErrorLink {
  readonly href: string
  readonly text: string
}

export function ErrorSummary({ items }: { items: readonly ErrorLink[] }) {
  return (
    <div class="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabindex={-1}>
      <h2 class="nhsuk-error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <div class="nhsuk-error-summary__body">
        <ul class="nhsuk-list nhsuk-error-summary__list" role="list">
          {items.map((item) => (
            <li>
              <a href={item.href}>{item.text}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

/** The message under a field in error (its id goes in the field's aria-describedby). */
export function ErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <span class="nhsuk-error-message" id={id}>
      <span class="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  )
}
