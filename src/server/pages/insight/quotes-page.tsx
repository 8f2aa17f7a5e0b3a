/** The excerpts behind a theme or a cell of the theme matrix. Reading them is recorded in the audit trail. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { Quotes } from '../../../app/insight/theme-views.ts'
import type { Role } from '../../../core/access.ts'
import { excerptFacts } from './excerpt-facts.tsx'
import { InsightFrame } from './insight-frame.tsx'

export function QuotesPage({ scope, role, quotes, heading }: { scope: ProgrammeScope; role: Role; quotes: Quotes; heading: string }) {
  return (
    <InsightFrame scope={scope} role={role} view="themes" title="What people said">
      <h2>{heading}</h2>
      <p class="nhsuk-body-s lhs-muted">Identifiers were removed before these were stored. Your reading of them is recorded in the audit trail.</p>
      {quotes.excerpts.length === 0 ? <p>No excerpts match.</p> : null}
      {quotes.excerpts.map((x) => (
        <figure class="lhs-quote">
          <blockquote>
            <p>{x.text}</p>
          </blockquote>
          <figcaption class="nhsuk-body-s lhs-muted">{excerptFacts(x, quotes.sites)}</figcaption>
        </figure>
      ))}
    </InsightFrame>
  )
}
