/**
 * One finding as a one-page evidence summary a board member can follow: what it says and how sure
 * we are, the signals in the numbers (each linking to its chart), what staff, patients and
 * communities said (a few quotes for those who may read text), why each label was given, and who
 * decided what. Leads confirm, edit or reject it here.
 */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { CLASSIFICATIONS, CONVERGENCE_LABELS, type FindingView } from '../../../app/triangulate/findings.ts'
import type { ExcerptRow } from '../../../app/insight/coding.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { Field, describedBy, type FormProblem } from '../form-field.tsx'
import { formatDate } from '../format.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { classificationLabel, ConvergenceTag, SOURCES, signalHref } from './finding-labels.tsx'

interface FindingPageProps {
  readonly scope: ProgrammeScope
  readonly finding: FindingView
  /** Up to three quotes per source, when the reader may read text. */
  readonly quotes: ReadonlyMap<string, readonly ExcerptRow[]> | null
  readonly canDecide: boolean
  /** May record a decision (the decide permission): offered a link to one resting on this finding. */
  readonly canRecordDecision?: boolean
  readonly problem?: FormProblem | undefined
  readonly done?: string | undefined
}

export function FindingPage({ scope, finding, quotes, canDecide, canRecordDecision = false, problem, done }: FindingPageProps) {
  const { organisation, programme } = scope
  const base = `/organisations/${organisation.code}/programmes/${programme.code}`
  const p = finding.proposal
  return (
    <Layout title={`${problem ? 'Error: ' : ''}${finding.statement} – Findings`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: programme.name, href: base }, { text: 'Findings', href: `${base}/findings` }]}>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      {done ? (
        <div class="nhsuk-inset-text" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <span class="nhsuk-caption-l">{classificationLabel(finding.classification)}</span>
      <h1>{finding.statement}</h1>
      <dl class="nhsuk-summary-list">
        <Row term="How the sources fit together">
          <ConvergenceTag value={p.overall} />
        </Row>
        {SOURCES.filter((s) => s.source !== 'numbers').map((s) => (
          <Row term={`${s.label} against the numbers`}>
            <ConvergenceTag value={p.cells[s.source]} />
          </Row>
        ))}
        <Row term="Decision">
          {finding.status === 'proposed' ? 'Proposed by LHS, not yet reviewed by a lead' : `${finding.status[0]!.toUpperCase()}${finding.status.slice(1)} by ${finding.decidedBy} on ${formatDate((finding.decidedAt ?? '').slice(0, 10))}: ${finding.decisionReason}`}
        </Row>
        {finding.status === 'edited' && finding.statement !== p.statement ? <Row term="As first proposed">{p.statement}</Row> : null}
        <Row term="Evidence worked out">{`${formatDate(finding.computedAt.slice(0, 10))}${finding.current ? '' : ' (the latest data no longer propose it)'}`}</Row>
      </dl>
      <p>
        <a href={`${base}/briefings?finding=${finding.id}`}>Make a briefing of this finding</a> (web page, PDF or Word)
      </p>
      <h2>Why these labels</h2>
      <ul>
        {p.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
      <h2 id="numbers">What the numbers show</h2>
      {p.signals.length === 0 ? (
        <p>No signal in the numbers: the series linked to these themes show only common-cause variation, or there is no linked measure.</p>
      ) : (
        <ul>
          {p.signals.map((s) => (
            <li>
              {s.summary} <a href={signalHref(base, s)}>See the chart</a>
            </li>
          ))}
        </ul>
      )}
      {(['staff', 'patients', 'community'] as const).map((source) => {
        const e = p.excerpts[source]
        const label = SOURCES.find((s) => s.source === source)!.label
        const total = e.ids.length
        return (
          <section class="lhs-evidence">
            <h2 id={source}>What {label.toLowerCase()} said</h2>
            {total === 0 ? (
              <p>Nothing coded to the linked themes from {label.toLowerCase()} for this site and group in the 18 months up to the latest data: silence.</p>
            ) : (
              <>
                <p>
                  {total} excerpt{total === 1 ? '' : 's'}: {e.negative} read as negative, {e.neutral} neutral, {e.positive} positive
                  {e.small ? ' (a small number: read with care, and do not quote outside the organisation)' : ''}.
                </p>
                {quotes === null ? (
                  <p class="nhsuk-body-s lhs-muted">Your role does not include reading what people wrote.</p>
                ) : (
                  (quotes.get(source) ?? []).map((x) => (
                    <blockquote class="lhs-quote">
                      <p>{x.text}</p>
                    </blockquote>
                  ))
                )}
              </>
            )}
          </section>
        )
      })}
      <h2 id="peers">Lessons from peers</h2>
      <p>No lessons have been shared by other organisations on this yet.</p>
      {canRecordDecision ? (
        <p>
          <a href={`${base}/decisions/new?finding=${finding.id}`}>Record a decision resting on this finding</a>: what the group decided, why, and what it will change.
        </p>
      ) : null}
      {canDecide ? <DecisionForm finding={finding} problem={problem} /> : null}
    </Layout>
  )
}

function DecisionForm({ finding, problem }: { finding: FindingView; problem: FormProblem | undefined }) {
  return (
    <>
      <h2>Your decision</h2>
      <p>Confirm the finding as it stands, change its wording or kind, or reject it. The reason is kept with it and shown to everyone; working the findings out again keeps your decision.</p>
      <form method="post" action={`${finding.id}/decision`} novalidate>
        <CsrfField />
        <div class="nhsuk-form-group">
          <fieldset class="nhsuk-fieldset">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Decision</legend>
            <div class="nhsuk-radios">
              {(
                [
                  ['confirm', 'Confirm'],
                  ['edit', 'Confirm with my changes below'],
                  ['reject', 'Reject'],
                ] as const
              ).map(([value, label], i) => (
                <div class="nhsuk-radios__item">
                  <input class="nhsuk-radios__input" id={i === 0 ? 'action' : `action-${value}`} name="action" type="radio" value={value} checked={i === 0} />
                  <label class="nhsuk-label nhsuk-radios__label" for={i === 0 ? 'action' : `action-${value}`}>
                    {label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Field id="statement" label="Finding (for changes)" problem={problem}>
          <textarea class="nhsuk-textarea" id="statement" name="statement" rows={2} maxlength={500} {...describedBy('statement', problem)}>
            {finding.statement}
          </textarea>
        </Field>
        <Field id="classification" label="Kind (for changes)" problem={problem}>
          <select class="nhsuk-select" id="classification" name="classification">
            {CLASSIFICATIONS.map((c) => (
              <option value={c.value} selected={c.value === finding.classification}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="reason" label="Reason" problem={problem}>
          <textarea class="nhsuk-textarea" id="reason" name="reason" rows={3} maxlength={2000} {...describedBy('reason', problem)}></textarea>
        </Field>
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Record decision
        </button>
      </form>
      <p class="nhsuk-body-s lhs-muted">Overall labels: {Object.values(CONVERGENCE_LABELS).join(', ')}. See the method in docs/methods/triangulation.md.</p>
    </>
  )
}

function Row({ term, children }: { term: string; children: unknown }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{term}</dt>
      <dd class="nhsuk-summary-list__value">{children as never}</dd>
    </div>
  )
}
