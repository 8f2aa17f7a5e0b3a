/** The programme's findings: the triangulation matrix (findings down the side, sources across, convergence in each cell), with filters. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { CLASSIFICATIONS, CONVERGENCE_LABELS, type FindingFilter, type FindingView } from '../../../app/triangulate/findings.ts'
import type { Convergence } from '../../../core/triangulate/index.ts'
import { formatDate } from '../format.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { classificationLabel, ConvergenceTag, SOURCES } from './finding-labels.tsx'
import { FilterSelect } from '../filter-select.tsx'

const STATUS_LABEL = { proposed: 'Proposed', confirmed: 'Confirmed', edited: 'Edited', rejected: 'Rejected' } as const

/** Findings shown before "show all": a decision group reads the strongest first. */
export const FIRST_FINDINGS = 20

interface FindingsPageProps {
  readonly scope: ProgrammeScope
  readonly findings: readonly FindingView[]
  readonly all: boolean
  readonly filter: FindingFilter
  readonly canRecompute: boolean
  readonly done?: string | undefined
}

export function FindingsPage({ scope, findings, all, filter, canRecompute, done }: FindingsPageProps) {
  const shown = all ? findings : findings.slice(0, FIRST_FINDINGS)
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string'))
  query.set('all', '1')
  const { organisation, programme } = scope
  const base = `/organisations/${organisation.code}/programmes/${programme.code}`
  const computedAt = findings.find((f) => f.current)?.computedAt
  return (
    <Layout title={`Findings – ${programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: programme.name, href: base }]}>
      <span class="nhsuk-caption-l">{programme.name}</span>
      <h1>Findings</h1>
      {done ? (
        <div class="nhsuk-inset-text" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <p>
        What the numbers and what people say tell us together. Each finding puts the signals in the data beside the insight coded to the themes linked to that measure (
        <a href={`${base}/links`}>which themes speak to which measure</a>), for the same site and community group in the 18 months up to the latest data, and says for each source whether it agrees with the
        numbers, agrees in part, disagrees (dissonance) or is silent. The system proposes; a lead confirms, edits or rejects each finding.
        {computedAt ? ` Worked out ${formatDate(computedAt.slice(0, 10))} at ${computedAt.slice(11, 16)} UTC.` : ''}
      </p>
      {canRecompute ? (
        <form method="post" action={`${base}/findings/recompute`}>
          <CsrfField />
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">
            Work the findings out again now
          </button>
        </form>
      ) : null}
      <form method="get" class="lhs-inline-form" aria-label="Filter the findings">
        <FilterSelect id="classification" label="Kind" value={filter.classification} options={CLASSIFICATIONS.map((c) => [c.value, c.label])} />
        <FilterSelect id="convergence" label="Overall" value={filter.convergence} options={(Object.keys(CONVERGENCE_LABELS) as Convergence[]).map((c) => [c, CONVERGENCE_LABELS[c]])} />
        <FilterSelect id="status" label="Decision" value={filter.status} options={Object.entries(STATUS_LABEL)} />
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </form>
      {findings.length === 0 ? (
        <p>No findings match. With no signal in the numbers and no linked themes there is nothing to triangulate yet.</p>
      ) : (
        <div class="lhs-scroll" tabindex={0} role="region" aria-label="Triangulation matrix">
          <table class="nhsuk-table lhs-matrix">
            <caption class="nhsuk-table__caption">
              Triangulation matrix: {shown.length === findings.length ? `${findings.length} findings` : `the strongest ${shown.length} of ${findings.length} findings`}, strongest evidence first
            </caption>
            <thead class="nhsuk-table__head">
              <tr>
                <th scope="col">Finding</th>
                <th scope="col">Overall</th>
                {SOURCES.map((s) => (
                  <th scope="col">{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {shown.map((f) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/findings/${f.id}`}>{f.statement}</a>
                    <span class="nhsuk-body-s lhs-muted lhs-block">
                      {classificationLabel(f.classification)} · {STATUS_LABEL[f.status]}
                      {f.current ? '' : ' · no longer proposed'}
                    </span>
                  </th>
                  <td>
                    <ConvergenceTag value={f.proposal.overall} />
                  </td>
                  {SOURCES.map((s) => (
                    <td>
                      {s.source === 'numbers' ? (
                        f.proposal.signals.length > 0 ? (
                          <a href={`${base}/findings/${f.id}#numbers`}>
                            {f.proposal.signals.length} signal{f.proposal.signals.length === 1 ? '' : 's'}
                          </a>
                        ) : (
                          <ConvergenceTag value="silence" />
                        )
                      ) : (
                        <a href={`${base}/findings/${f.id}#${s.source}`} class="lhs-cell-link">
                          <ConvergenceTag value={f.proposal.cells[s.source]} />
                          <span class="nhsuk-u-visually-hidden"> – {s.label} evidence</span>
                        </a>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length < findings.length ? (
        <p>
          <a href={`${base}/findings?${query.toString()}`}>Show all {findings.length} findings</a>
        </p>
      ) : null}
    </Layout>
  )
}
