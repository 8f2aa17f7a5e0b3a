/**
 * The forms that write the decision log: recording a new decision (from a meeting and its agenda,
 * or from findings) and changing one, which makes a new version and needs the reason. Both keep
 * what was typed when refused; a change that crossed someone else's is shown with the version now
 * in force.
 */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { DecisionVersionView } from '../../../app/decide/decisions.ts'
import type { LessonView } from '../../../app/decide/find-lessons.ts'
import type { MeetingSummary } from '../../../app/decide/meetings.ts'
import { personName, type PersonView } from '../../../app/decide/people.ts'
import type { FindingView } from '../../../app/triangulate/findings.ts'
import { Field, type FormProblem } from '../form-field.tsx'
import { formatDate } from '../format.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { decisionPath, decisionsPath, meetingPath, programmePath } from './decide-paths.ts'
import { DecisionFields, type DecisionForm } from './decision-fields.tsx'
import { aria, problemAt, Problems } from './form-problems.tsx'
import { SummaryRow } from './summary-row.tsx'

interface FormPageProps {
  readonly scope: ProgrammeScope
  readonly form: DecisionForm
  readonly findings: readonly FindingView[]
  readonly people: readonly PersonView[]
  readonly lessons: readonly LessonView[]
  readonly problems?: readonly FormProblem[]
}

export function NewDecisionPage({ meeting, ...props }: FormPageProps & { meeting: MeetingSummary | undefined }) {
  const { scope, problems = [] } = props
  return (
    <Layout title={`${problems.length > 0 ? 'Error: ' : ''}Record a decision – ${scope.programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: programmePath(scope) }, { text: 'Decision log', href: decisionsPath(scope) }]}>
      <Problems problems={problems} />
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>Record a decision</h1>
      <p>Say what was decided and why, on which findings, and who owns it. It joins the decision log as version 1; changes later become new versions, so the reasons are never lost.</p>
      {meeting ? (
        <p>
          Taken at <a href={meetingPath(scope, meeting.id)}>{meeting.title}</a> ({meeting.group.name}, {formatDate(meeting.heldOn)}). The findings on its agenda are ticked.
        </p>
      ) : null}
      <form method="post" action={decisionsPath(scope)} novalidate>
        <CsrfField />
        {meeting ? <input type="hidden" name="meeting" value={String(meeting.id)} /> : null}
        <DecisionFields organisation={scope.organisation.code} {...props} problems={problems} />
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Record decision
        </button>
      </form>
    </Layout>
  )
}

interface ChangePageProps extends FormPageProps {
  readonly decision: number
  readonly current: DecisionVersionView
  readonly fromVersion: number
  readonly reason: string
  /** The change crossed someone else's: show the version now in force. */
  readonly stale: boolean
  readonly lessonTitles: Readonly<Record<number, string>>
}

export function ChangeDecisionPage({ decision, current, fromVersion, reason, stale, ...props }: ChangePageProps) {
  const { scope, problems = [] } = props
  const path = decisionPath(scope, decision)
  return (
    <Layout title={`${problems.length > 0 ? 'Error: ' : ''}Change: ${current.title} – Decision log`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: programmePath(scope) }, { text: 'Decision log', href: decisionsPath(scope) }, { text: current.title, href: path }]}>
      <Problems problems={problems} />
      <span class="nhsuk-caption-l">Decision log · version {current.version} in force</span>
      <h1>Change this decision</h1>
      <p>Your change becomes version {fromVersion + 1}. Version {fromVersion} and every earlier one stay as they were, with who made them and why; say why it is changing.</p>
      {stale ? <CurrentVersion version={current} /> : null}
      <form method="post" action={`${path}/versions`} novalidate>
        <CsrfField />
        <input type="hidden" name="fromVersion" value={String(fromVersion)} />
        <Field id="reason" label="Why it is changing" hint="Kept with the new version for everyone to read." problem={problemAt(problems, 'reason')}>
          <textarea class="nhsuk-textarea" id="reason" name="reason" rows={3} maxlength={2000} {...aria('reason', problemAt(problems, 'reason'), true)}>
            {reason}
          </textarea>
        </Field>
        <DecisionFields organisation={scope.organisation.code} {...props} problems={problems} />
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Save as version {fromVersion + 1}
        </button>
      </form>
    </Layout>
  )
}

function CurrentVersion({ version }: { version: DecisionVersionView }) {
  return (
    <div class="nhsuk-card">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading" id="fromVersion">
          Version {version.version}, now in force
        </h2>
        <p>
          Changed by {version.changedBy} on {formatDate(version.createdAt.slice(0, 10))}
          {version.changeReason ? `: ${version.changeReason}` : ''}. Compare it with your change below, which still holds what you typed; send it again if it still stands.
        </p>
        <dl class="nhsuk-summary-list">
          <SummaryRow term="What was decided">{version.title}</SummaryRow>
          <SummaryRow term="Why">{version.rationale}</SummaryRow>
          <SummaryRow term="Option chosen">{version.optionChosen}</SummaryRow>
          <SummaryRow term="Label">{version.labelText}</SummaryRow>
          <SummaryRow term="Owner">{version.owner ? personName(version.owner) : 'Nobody named'}</SummaryRow>
          <SummaryRow term="Review date">{version.reviewDate ? formatDate(version.reviewDate) : 'None'}</SummaryRow>
        </dl>
      </div>
    </div>
  )
}
