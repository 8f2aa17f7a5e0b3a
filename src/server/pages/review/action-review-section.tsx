/** The review engine's verdict on one action, as a section of the action's page: verdict, reasons, evidence per prediction, suggested rebases and the verdict's history. */
import { getContext } from 'hono/context-storage'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { listSuggestions } from '../../../app/review/rebase-suggestions.ts'
import { can } from '../../../core/access.ts'
import type { ActionReview } from '../../../core/loop/index.ts'
import { VERDICT_LABELS } from '../../../core/loop/index.ts'
import { actionReviewSection } from '../../../app/review/stored-review.ts'
import { accessOf, scopedDeps } from '../../access/request-context.ts'
import { formatDate } from '../format.ts'
import { CsrfField } from '../layout.tsx'
import { PredictionEvidence } from './prediction-evidence.tsx'
import { VerdictTag } from './verdict-tag.tsx'

export async function ActionReviewSection({ scope, actionId }: { scope: ProgrammeScope; actionId: number }) {
  const c = getContext()
  const deps = scopedDeps(c)
  const isLead = can(accessOf(c).role, 'lead')
  const base = `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
  const [{ review: stored, history: changes, measures }, suggestions] = await Promise.all([actionReviewSection(deps, scope, actionId), listSuggestions(deps, scope, actionId)])
  const review: ActionReview | undefined = stored?.evidence
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Is it working?</h2>
      {stored === undefined || review === undefined ? (
        <p>Not reviewed yet. The review engine checks an action from its change date once it has a prediction, whenever new data arrive for its measures and every morning.</p>
      ) : (
        <>
          <p>
            <VerdictTag verdict={stored.verdict} /> Reviewed {formatDate(stored.evaluatedAt.slice(0, 10))}
            {stored.dataThrough ? `, with data to ${formatDate(stored.dataThrough)}` : ''}.
          </p>
          <p>{stored.reasons[0]}</p>
          {(review.predictions ?? []).map((p, index) => {
            const measure = measures.get(p.measure)
            return <PredictionEvidence review={p} index={index} kind={measure?.kind ?? 'mean'} unit={measure?.unit ?? null} />
          })}
        </>
      )}
      {isLead ? (
        <form method="post" action={`${base}/actions/${actionId}/review`}>
          <CsrfField />
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">
            Review it now
          </button>
        </form>
      ) : null}
      {suggestions.length > 0 ? (
        <>
          <h3>Suggested rebase</h3>
          <p>
            The change has moved {suggestions.length === 1 ? 'a measure' : 'measures'} for good, so the review engine suggests recalculating the limits from the change date, with
            this action as the reason. Charts change only when a lead accepts.
          </p>
          <ul class="nhsuk-list">
            {suggestions.map((s) => (
              <li>
                {s.measureName}
                {s.siteName ? ` at ${s.siteName}` : ''} from {formatDate(s.date)}: “{s.reason}”
                {isLead ? (
                  <form method="post" action={`${base}/rebase-suggestions/${s.id}`} class="lhs-inline-form">
                    <CsrfField />
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit" name="decision" value="accept">
                      Accept<span class="nhsuk-u-visually-hidden"> the rebase of {s.measureName} from {formatDate(s.date)}</span>
                    </button>{' '}
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit" name="decision" value="decline">
                      Decline<span class="nhsuk-u-visually-hidden"> the rebase of {s.measureName} from {formatDate(s.date)}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {changes.length > 0 ? (
        <>
          <h3>How the verdict has moved</h3>
          <ul>
            {changes.map((ch) => (
              <li>
                {formatDate(ch.changedAt.slice(0, 10))}: {ch.previous === null ? 'first verdict' : `from ${VERDICT_LABELS[ch.previous]}`}, {VERDICT_LABELS[ch.verdict]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
