/** One decision as it stands: what, why, the evidence it rests on, who owns it, the actions that came from it and its history. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { DecisionView } from '../../../app/decide/decisions.ts'
import { personName } from '../../../app/decide/people.ts'
import { formatDate } from '../format.ts'
import { Layout } from '../layout.tsx'
import { actionPath, decisionPath, decisionsPath, findingPath, meetingPath, programmePath } from './decide-paths.ts'
import { DecideNav } from './decide-nav.tsx'
import { DecisionHistory } from './decision-history.tsx'
import { Done } from './form-problems.tsx'
import { SummaryRow } from './summary-row.tsx'

const STATUS: Readonly<Record<string, string>> = { planned: 'Planned', in_progress: 'In progress', adopted: 'Adopted', adapted: 'Adapted', abandoned: 'Abandoned' }

export function DecisionPage({ scope, decision, canDecide, canLead = false, done }: { scope: ProgrammeScope; decision: DecisionView; canDecide: boolean; canLead?: boolean; done?: string | undefined }) {
  const v = decision.current
  return (
    <Layout title={`${v.title} – Decision log`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: programmePath(scope) }, { text: 'Decision log', href: decisionsPath(scope) }]}>
      <Done text={done} />
      <span class="nhsuk-caption-l">
        {v.labelText} · version {v.version}
      </span>
      <h1>{v.title}</h1>
      <DecideNav scope={scope} current="none" />
      <p>A decision in the programme’s log: what was decided and why, the evidence it rests on, and what has come of it. The history below keeps every version.</p>
      <dl class="nhsuk-summary-list">
        <SummaryRow term="Why">{v.rationale}</SummaryRow>
        <SummaryRow term="Options considered">{v.optionsConsidered.length === 0 ? 'None listed' : v.optionsConsidered.join('; ')}</SummaryRow>
        <SummaryRow term="Option chosen">{v.optionChosen}</SummaryRow>
        <SummaryRow term="Label">{v.labelText}</SummaryRow>
        <SummaryRow term="Owner">{v.owner ? personName(v.owner) : 'Nobody named'}</SummaryRow>
        <SummaryRow term="Review date">{v.reviewDate ? formatDate(v.reviewDate) : 'None set'}</SummaryRow>
        <SummaryRow term="Decided">
          {formatDate(decision.decidedAt.slice(0, 10))}
          {decision.meeting ? (
            <>
              {' at '}
              <a href={meetingPath(scope, decision.meeting.id)}>{decision.meeting.title}</a>
            </>
          ) : null}
        </SummaryRow>
      </dl>
      {canDecide ? (
        <p>
          <a class="nhsuk-button nhsuk-button--secondary" href={`${decisionPath(scope, decision.id)}/change`}>
            Change this decision
          </a>
        </p>
      ) : null}
      <h2 id="findings">Findings it rests on</h2>
      {decision.findings.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {decision.findings.map((f) => (
            <li>
              <a href={findingPath(scope, f.id)}>{f.statement}</a>
              {f.current ? '' : ' (no longer proposed by the latest data)'}
            </li>
          ))}
        </ul>
      )}
      <h2 id="lessons">Lessons it draws on</h2>
      {decision.lessons.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {decision.lessons.map((l) => (
            <li>
              <a href={decisionPath({ organisation: scope.organisation, programme: { code: l.programme } }, l.id)}>{l.title}</a> ({l.labelText})
            </li>
          ))}
        </ul>
      )}
      <h2 id="actions">Actions that came from it</h2>
      {canLead ? (
        <p>
          <a href={`${programmePath(scope)}/actions/new?decision=${decision.id}`}>Start an action from this decision</a>: the change to make, where and from when, then what it should move.
        </p>
      ) : null}
      {decision.actions.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Actions and their verdicts</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Status</th>
              <th scope="col">What the data say</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {decision.actions.map((a) => (
              <tr>
                <td>
                  <a href={actionPath(scope, a.id)}>{a.title}</a>
                </td>
                <td>{STATUS[a.status] ?? a.status}</td>
                <td>{a.verdictWords[0]!.toUpperCase() + a.verdictWords.slice(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DecisionHistory decision={decision} />
    </Layout>
  )
}
