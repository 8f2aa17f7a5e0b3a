/** The NHS.UK warning callout: a labelled box for what a reader must not miss (screen readers hear "Important:" first). */
import type { Child } from 'hono/jsx'

export function WarningCallout({ label, heading = 'h2', children }: { label: Child; heading?: 'h2' | 'h3'; children?: Child }) {
  const text = (
    <span role="text">
      <span class="nhsuk-u-visually-hidden">Important: </span>
      {label}
    </span>
  )
  return (
    <div class="nhsuk-warning-callout">
      {heading === 'h2' ? <h2 class="nhsuk-warning-callout__label">{text}</h2> : <h3 class="nhsuk-warning-callout__label">{text}</h3>}
      {children}
    </div>
  )
}
