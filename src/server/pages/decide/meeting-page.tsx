/**
 * One meeting: what it is, its agenda of findings, who came and the minutes, the decisions taken
 * at it, lessons from earlier decisions, and the forms to set the agenda (leads) and record the
 * meeting (decision makers).
 */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { LessonView } from '../../../app/decide/find-lessons.ts'
import type { MeetingView } from '../../../app/decide/meetings.ts'
import { personName, type PersonView } from '../../../app/decide/people.ts'
import type { FindingView } from '../../../app/triangulate/findings.ts'
import type { FormProblem } from '../form-field.tsx'
import { formatDate } from '../format.ts'
import { Layout } from '../layout.tsx'
import { ConvergenceTag } from '../triangulate/finding-labels.tsx'
import { DecideNav } from './decide-nav.tsx'
import { decisionPath, findingPath, groupPath, meetingPath, meetingsPath, newDecisionPath, packPath, programmePath } from './decide-paths.ts'
import { Done, Problems } from './form-problems.tsx'
import { LESSONS_HELP, LessonsList } from './lessons-list.tsx'
import { AgendaFormView, RecordFormView, type AgendaForm, type RecordForm } from './meeting-forms.tsx'
import { SummaryRow } from './summary-row.tsx'

export interface MeetingPageProps {
  readonly scope: ProgrammeScope
  readonly meeting: MeetingView
  /** The programme's current findings, strongest first, plus any on the agenda. */
  readonly findings: readonly FindingView[]
  readonly lessons: readonly LessonView[]
  readonly canPlan: boolean
  readonly canRecord: boolean
  readonly agendaForm: AgendaForm
  readonly recordForm: RecordForm
  readonly problems?: readonly FormProblem[]
  readonly done?: string | undefined
}


export function MeetingPage(props: MeetingPageProps) {
  const { scope, meeting, findings, lessons, canPlan, canRecord, problems = [], done } = props
  const path = meetingPath(scope, meeting.id)
  const attendable: PersonView[] = [...meeting.groupMembers, ...meeting.attendance.filter((a) => !meeting.groupMembers.some((m) => m.email === a.email))]
  return (
    <Layout title={`${problems.length > 0 ? 'Error: ' : ''}${meeting.title} – Meetings`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: programmePath(scope) }, { text: 'Meetings', href: meetingsPath(scope) }]}>
      <Problems problems={problems} />
      <Done text={done} />
      <span class="nhsuk-caption-l">
        {meeting.group.name} · {formatDate(meeting.heldOn)}
      </span>
      <h1>{meeting.title}</h1>
      <DecideNav scope={scope} current="meetings" />
      <p>A meeting of {meeting.group.name} about {scope.programme.name}: the findings on its agenda, who came, what was said and what was decided. Print the meeting pack for the papers.</p>
      <p>
        <a class="nhsuk-button nhsuk-button--secondary" href={packPath(scope, meeting.id)}>
          Open the meeting pack
        </a>{' '}
        <a href={`/organisations/${scope.organisation.code}/programmes/${scope.programme.code}/briefings?meeting=${meeting.id}`}>Make it a briefing (PDF or Word)</a>
      </p>
      <dl class="nhsuk-summary-list">
        <SummaryRow term="Group">
          <a href={groupPath(scope.organisation.code, meeting.group.code)}>{meeting.group.name}</a>
        </SummaryRow>
        <SummaryRow term="Date">{formatDate(meeting.heldOn)}</SummaryRow>
        <SummaryRow term="Status">{meeting.status === 'held' ? 'Held' : 'Planned'}</SummaryRow>
        <SummaryRow term="Who came">{meeting.attendance.length === 0 ? 'Not recorded yet' : meeting.attendance.map(personName).join(', ')}</SummaryRow>
        <SummaryRow term="Guests">{meeting.guests === '' ? 'None recorded' : meeting.guests}</SummaryRow>
      </dl>
      <h2 id="agenda">Agenda</h2>
      {meeting.agenda.length === 0 ? (
        <p>No findings on the agenda yet.</p>
      ) : (
        <ol class="nhsuk-list nhsuk-list--number">
          {meeting.agenda.map((f) => (
            <li>
              <a href={findingPath(scope, f.id)}>{f.statement}</a> <ConvergenceTag value={f.proposal.overall} />
            </li>
          ))}
        </ol>
      )}
      <h2 id="decisions">Decisions taken at this meeting</h2>
      {meeting.decisions.length === 0 ? (
        <p>None recorded yet.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {meeting.decisions.map((d) => (
            <li>
              <a href={decisionPath(scope, d.id)}>{d.title}</a> ({d.labelText})
            </li>
          ))}
        </ul>
      )}
      {canRecord ? (
        <p>
          <a class="nhsuk-button" href={newDecisionPath(scope, { meeting: meeting.id })}>
            Record a decision from this meeting
          </a>
        </p>
      ) : null}
      <h2 id="lessons">Lessons from earlier decisions</h2>
      <p class="nhsuk-body-s">{LESSONS_HELP}</p>
      <LessonsList organisation={scope.organisation.code} lessons={lessons} />
      <h2 id="minutes-section">Minutes</h2>
      {meeting.minutes === '' ? <p>No minutes yet.</p> : <div class="lhs-minutes">{meeting.minutes.split(/\n{2,}/).map((para) => <p>{para}</p>)}</div>}
      {canRecord ? (
        <>
          <h2 id="record">Record the meeting</h2>
          <RecordFormView action={`${path}/record`} people={attendable} form={props.recordForm} problems={problems} />
        </>
      ) : null}
      {canPlan ? (
        <>
          <h2 id="set-agenda">Set the agenda</h2>
          <AgendaFormView action={`${path}/agenda`} findings={findings} form={props.agendaForm} problems={problems} />
        </>
      ) : null}
    </Layout>
  )
}
