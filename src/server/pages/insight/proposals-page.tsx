/** Candidate new themes: clusters of uncoded excerpts with their key words and three quotes each; a person decides whether to add one. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { ThemeProposal } from '../../../core/insight/index.ts'
import type { Role } from '../../../core/access.ts'
import { CsrfField } from '../layout.tsx'
import { InsightFrame } from './insight-frame.tsx'

export function ProposalsPage({ scope, role, proposal }: { scope: ProgrammeScope; role: Role; proposal: ThemeProposal }) {
  return (
    <InsightFrame scope={scope} role={role} view="codebook" title="Candidate new themes">
      <p>
        The machine grouped the excerpts nobody has coded yet by the words they share. These are candidates only: read the quotes, and add a theme if one makes sense. Nothing is coded until a
        person codes it.
      </p>
      {proposal.themes.length === 0 ? (
        <p>There are too few uncoded excerpts, or they have too little in common, to suggest new themes.</p>
      ) : (
        proposal.themes.map((theme, i) => {
          const words = theme.keyTerms.map((t) => t.term)
          return (
            <section class="nhsuk-card">
              <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">
                  Candidate {i + 1}: {words.slice(0, 3).join(', ')}
                </h2>
                <p>
                  {theme.size} excerpts. Key words: {words.join(', ')}.
                </p>
                {theme.quotes.map((q) => (
                  <blockquote class="lhs-quote">
                    <p>{q.text}</p>
                  </blockquote>
                ))}
                <form method="post" action="../codebook">
                  <CsrfField />
                  <input type="hidden" name="name" value={words.slice(0, 3).join(', ')} />
                  <input type="hidden" name="definition" value={`Proposed from ${theme.size} uncoded excerpts sharing: ${words.join(', ')}.`} />
                  <input type="hidden" name="examples" value={theme.quotes.map((q) => q.text).join('\n')} />
                  <button class="nhsuk-button nhsuk-button--secondary" type="submit">
                    Add as a theme (rename it afterwards)
                  </button>
                </form>
              </div>
            </section>
          )
        })
      )}
    </InsightFrame>
  )
}
