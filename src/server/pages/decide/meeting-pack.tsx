/**
 * The meeting pack, to print or read before the meeting: for each finding on the agenda its
 * statement, how the sources fit together, why each label was given and a summary of the evidence
 * (the signals in the numbers, how many comments from each source and how they read — never the
 * comments themselves, as a pack travels); then the decisions already taken at the meeting.
 */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { MeetingView } from '../../../app/decide/meetings.ts'
import { personName } from '../../../app/decide/people.ts'
import type { FindingView } from '../../../app/triangulate/findings.ts'
import { formatDate } from '../format.ts'
import { classificationLabel, ConvergenceTag, SOURCES } from '../triangulate/finding-labels.tsx'
import { meetingPath } from './decide-paths.ts'
import { PackLayout } from './pack-layout.tsx'
import { SummaryRow } from './summary-row.tsx'

export function MeetingPack({ scope, meeting }: { scope: ProgrammeScope; meeting: MeetingView }) {
  return (
    <PackLayout title={`Meeting pack: ${meeting.title}`} back={{ href: meetingPath(scope, meeting.id), text: 'Back to the meeting' }}>
      <span class="nhsuk-caption-l">
        {scope.organisation.name} · {scope.programme.name}
      </span>
      <h1>Meeting pack: {meeting.title}</h1>
      <p>
        {meeting.group.name}, {formatDate(meeting.heldOn)}. {meeting.agenda.length === 0 ? 'No findings on the agenda yet.' : `${meeting.agenda.length} finding${meeting.agenda.length === 1 ? '' : 's'} to weigh, in agenda order.`}{' '}
        {meeting.attendance.length > 0 ? `Attended by ${meeting.attendance.map(personName).join(', ')}${meeting.guests ? `; guests: ${meeting.guests}` : ''}.` : ''}
      </p>
      <p class="nhsuk-body-s">Each finding puts the signals in the numbers beside what staff, patients and communities said about the same measure, site and group. Evidence as worked out on the date shown for each finding.</p>
      {meeting.agenda.map((f, i) => (
        <AgendaFinding number={i + 1} finding={f} />
      ))}
      <section class="lhs-pack-section">
        <h2>Decisions taken at this meeting</h2>
        {meeting.decisions.length === 0 ? (
          <p>None recorded yet.</p>
        ) : (
          meeting.decisions.map((d) => (
            <div class="lhs-pack-item">
              <h3>{d.title}</h3>
              <dl class="nhsuk-summary-list">
                <SummaryRow term="Label">{d.labelText}</SummaryRow>
                <SummaryRow term="Why">{d.rationale}</SummaryRow>
                <SummaryRow term="Option chosen">{d.optionChosen}</SummaryRow>
                {d.optionsConsidered.length > 0 ? <SummaryRow term="Options considered">{d.optionsConsidered.join('; ')}</SummaryRow> : null}
                <SummaryRow term="Owner">{d.owner ? personName(d.owner) : 'Nobody named'}</SummaryRow>
                <SummaryRow term="Review date">{d.reviewDate ? formatDate(d.reviewDate) : 'None set'}</SummaryRow>
                <SummaryRow term="Version">{`${d.version}${d.changeReason ? ` (changed: ${d.changeReason})` : ''}`}</SummaryRow>
              </dl>
            </div>
          ))
        )}
      </section>
    </PackLayout>
  )
}

function AgendaFinding({ number, finding }: { number: number; finding: FindingView }) {
  const p = finding.proposal
  return (
    <section class="lhs-pack-item" aria-labelledby={`item-${finding.id}`}>
      <span class="nhsuk-caption-m">
        Item {number} · {classificationLabel(finding.classification)}
      </span>
      <h2 id={`item-${finding.id}`}>{finding.statement}</h2>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">How the sources fit together</caption>
        <thead class="nhsuk-table__head">
          <tr>
            <th scope="col">Overall</th>
            {SOURCES.filter((s) => s.source !== 'numbers').map((s) => (
              <th scope="col">{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          <tr>
            <td>
              <ConvergenceTag value={p.overall} />
            </td>
            {SOURCES.filter((s) => s.source !== 'numbers').map((s) => (
              <td>
                <ConvergenceTag value={p.cells[s.source]} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h3>Why these labels</h3>
      <ul>
        {p.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
      <h3>The evidence</h3>
      <ul>
        {p.signals.length === 0 ? <li>Numbers: no signal (common-cause variation only, or no linked measure).</li> : p.signals.map((s) => <li>Numbers: {s.summary}</li>)}
        {(['staff', 'patients', 'community'] as const).map((source) => {
          const e = p.excerpts[source]
          const label = SOURCES.find((s) => s.source === source)!.label
          return <li>{e.ids.length === 0 ? `${label}: nothing coded to the linked themes (silence).` : `${label}: ${e.ids.length} excerpt${e.ids.length === 1 ? '' : 's'}, ${e.negative} negative, ${e.neutral} neutral, ${e.positive} positive${e.small ? ' (a small number: read with care)' : ''}.`}</li>
        })}
      </ul>
      <p class="nhsuk-body-s">
        Evidence worked out {formatDate(finding.computedAt.slice(0, 10))}
        {finding.current ? '' : '; the latest data no longer propose this finding'}. {finding.status === 'proposed' ? 'Not yet reviewed by a lead.' : `${finding.status[0]!.toUpperCase()}${finding.status.slice(1)} by ${finding.decidedBy}: ${finding.decisionReason}`}
      </p>
    </section>
  )
}
