/** A programme's meetings of decision groups, and a form for leads to plan one. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { GroupSummary } from '../../../app/decide/groups.ts'
import type { MeetingSummary } from '../../../app/decide/meetings.ts'
import { Field, type FormProblem } from '../form-field.tsx'
import { formatDate } from '../format.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { DecideNav } from './decide-nav.tsx'
import { groupsPath, meetingPath, meetingsPath, programmePath } from './decide-paths.ts'
import { aria, Done, problemAt, Problems } from './form-problems.tsx'

export interface MeetingForm {
  readonly group: string
  readonly heldOn: string
  readonly title: string
}

interface MeetingsPageProps {
  readonly scope: ProgrammeScope
  readonly meetings: readonly MeetingSummary[]
  readonly groups: readonly GroupSummary[]
  readonly canPlan: boolean
  readonly form?: MeetingForm | undefined
  readonly problems?: readonly FormProblem[]
  readonly done?: string | undefined
}

export function MeetingsPage({ scope, meetings, groups, canPlan, form, problems = [], done }: MeetingsPageProps) {
  const base = programmePath(scope)
  return (
    <Layout title={`${problems.length > 0 ? 'Error: ' : ''}Meetings – ${scope.programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: base }]}>
      <Problems problems={problems} />
      <Done text={done} />
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>Meetings</h1>
      <DecideNav scope={scope} current="meetings" />
      <p>Where decision groups weigh this programme’s findings. A lead plans a meeting and chooses its agenda from the findings; the meeting pack prints them with their evidence; the group records who came, the minutes and the decisions it takes.</p>
      {meetings.length === 0 ? (
        <p>No meetings yet.</p>
      ) : (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption">Meetings, latest first</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Meeting</th>
              <th scope="col">Group</th>
              <th scope="col">Status</th>
              <th scope="col" class="nhsuk-table__header--numeric">Findings on the agenda</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {meetings.map((m) => (
              <tr>
                <td>{formatDate(m.heldOn)}</td>
                <td>
                  <a href={meetingPath(scope, m.id)}>{m.title}</a>
                </td>
                <td>{m.group.name}</td>
                <td>{m.status === 'held' ? 'Held' : 'Planned'}</td>
                <td class="nhsuk-table__cell--numeric">{m.agendaCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canPlan ? <NewMeetingForm scope={scope} groups={groups} form={form} problems={problems} /> : null}
    </Layout>
  )
}

function NewMeetingForm({ scope, groups, form, problems }: { scope: ProgrammeScope; groups: readonly GroupSummary[]; form: MeetingForm | undefined; problems: readonly FormProblem[] }) {
  const at = (field: string) => problemAt(problems, field)
  return (
    <>
      <h2 id="plan">Plan a meeting</h2>
      {groups.length === 0 ? (
        <p>
          There is no decision group to meet yet. <a href={groupsPath(scope.organisation.code)}>Add a decision group</a> first.
        </p>
      ) : (
        <form method="post" action={meetingsPath(scope)} novalidate>
          <CsrfField />
          <Field id="group" label="Decision group" problem={at('group')}>
            <select class="nhsuk-select" id="group" name="group" {...aria('group', at('group'))}>
              <option value="">Choose a group</option>
              {groups.map((g) => (
                <option value={g.code} selected={g.code === form?.group}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="heldOn" label="Date" hint="For example, 2025-06-10." problem={at('heldOn')}>
            <input class="nhsuk-input nhsuk-input--width-10" id="heldOn" name="heldOn" type="date" value={form?.heldOn ?? ''} {...aria('heldOn', at('heldOn'), true)} />
          </Field>
          <Field id="title" label="Title" hint="For example, “June programme board”." problem={at('title')}>
            <input class="nhsuk-input" id="title" name="title" type="text" maxlength={200} value={form?.title ?? ''} {...aria('title', at('title'), true)} />
          </Field>
          <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
            Plan meeting
          </button>
        </form>
      )}
    </>
  )
}
