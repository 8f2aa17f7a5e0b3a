/** The decision log: a programme's decisions as they stand, searchable by words, label and review date. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { DecisionFilter, DecisionSummary } from '../../../app/decide/decisions.ts'
import { DECISION_LABELS, REVIEW_STATES } from '../../../app/decide/labels.ts'
import { formatDate } from '../format.ts'
import { Layout } from '../layout.tsx'
import { DecideNav } from './decide-nav.tsx'
import { decisionPath, decisionsPath, newDecisionPath, programmePath } from './decide-paths.ts'
import { FilterSelect } from '../filter-select.tsx'

interface DecisionsPageProps {
  readonly scope: ProgrammeScope
  readonly decisions: readonly DecisionSummary[]
  readonly filter: DecisionFilter
  readonly canDecide: boolean
}

function caption(count: number, filter: DecisionFilter): string {
  const what = count === 1 ? '1 decision' : `${count} decisions`
  return filter.q ? `${what} matching “${filter.q}”, best match first` : `${what}, newest first`
}

export function DecisionsPage({ scope, decisions, filter, canDecide }: DecisionsPageProps) {
  return (
    <Layout title={`Decision log – ${scope.programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: programmePath(scope) }]}>
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>Decision log</h1>
      <DecideNav scope={scope} current="decisions" />
      <p>The programme’s memory: what was decided, why, on which findings, who owns it and when it will be looked at again. A decision is never edited in place; each change is a new version with who made it and why.</p>
      {canDecide ? (
        <p>
          <a class="nhsuk-button" href={newDecisionPath(scope)}>
            Record a decision
          </a>
        </p>
      ) : null}
      <form method="get" action={decisionsPath(scope)} class="lhs-inline-form" role="search" aria-label="Search the decision log">
        <div class="nhsuk-form-group lhs-inline">
          <label class="nhsuk-label" for="q">
            Words
          </label>
          <div class="nhsuk-hint" id="q-hint">
            Use “quotes” for a phrase, or, and -word to leave out.
          </div>
          <input class="nhsuk-input" id="q" name="q" type="search" maxlength={500} value={filter.q ?? ''} aria-describedby="q-hint" />
        </div>
        <FilterSelect id="label" label="Label" value={filter.label} options={DECISION_LABELS.map((l) => [l.value, l.label])} none="Any" />
        <FilterSelect id="review" label="Review" value={filter.review} options={REVIEW_STATES.map((r) => [r.value, r.label])} none="Any" />
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">
          Search
        </button>
      </form>
      {decisions.length === 0 ? (
        <p>{filter.q || filter.label || filter.review ? 'No decision matches. Try fewer words, or another label or review state.' : 'No decisions recorded yet.'}</p>
      ) : (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption">{caption(decisions.length, filter)}</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Decision</th>
              <th scope="col">Label</th>
              <th scope="col">Owner</th>
              <th scope="col">Review date</th>
              <th scope="col">Decided</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {decisions.map((d) => (
              <tr>
                <td>
                  <a href={decisionPath(scope, d.id)}>{d.title}</a>
                  {d.version > 1 ? <span class="nhsuk-body-s lhs-muted lhs-block">Version {d.version}</span> : null}
                </td>
                <td>{d.labelText}</td>
                <td>{d.owner ? d.owner.email : '–'}</td>
                <td>
                  {d.reviewDate ? formatDate(d.reviewDate) : 'None'}
                  {d.reviewDue ? (
                    <>
                      {' '}
                      <strong class="nhsuk-tag nhsuk-tag--orange">Due</strong>
                    </>
                  ) : null}
                </td>
                <td>{formatDate(d.decidedAt.slice(0, 10))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  )
}
