/** A programme's scheduled briefings: what goes out, when and to whom, the issues already sent, and a form to add a schedule. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { GroupSummary } from '../../../app/decide/groups.ts'
import { describeSchedule, SCHEDULE_CHOICES, type BriefingIssueRow, type BriefingScheduleRow, type ScheduleInput } from '../../../app/share/schedules.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { describedBy, Field, type FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { ChoiceGroup, Radio } from '../decide/form-problems.tsx'

interface SchedulesPageProps {
  readonly scope: ProgrammeScope
  readonly schedules: readonly BriefingScheduleRow[]
  readonly issues: readonly BriefingIssueRow[]
  readonly groups: readonly GroupSummary[]
  readonly canManage: boolean
  readonly done?: string | undefined
  readonly problem?: FormProblem | undefined
  readonly values?: ScheduleInput | undefined
}

export function SchedulesPage({ scope, schedules, issues, groups, canManage, done, problem, values = {} }: SchedulesPageProps) {
  const base = `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
  return (
    <Layout
      title={`Scheduled briefings – ${scope.programme.name}`}
      breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: base }, { text: 'Briefings', href: `${base}/briefings` }]}
    >
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>Scheduled briefings</h1>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      {done ? (
        <div class="nhsuk-inset-text" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <p>
        A schedule sends a briefing, made from the evidence as it stands that day, to the members of a group: it arrives in their LHS inbox, goes to the organisation's webhooks,
        and is emailed with the file attached when email is set up. Monthly briefings go out early in the morning on their day; "after new data" briefings go out after each
        import that brings new or changed figures.
      </p>
      <h2>Schedules</h2>
      {schedules.length === 0 ? (
        <p>No briefings are scheduled yet.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--border">
          {schedules.map((s) => (
            <li>
              <p class="nhsuk-u-margin-bottom-2">{describeSchedule(s)}.</p>
              <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">
                {s.lastIssuedAt ? `Last sent ${s.lastIssuedAt.slice(0, 10)}.` : 'Not sent yet.'} Added by {s.createdBy}.
              </p>
              {canManage ? (
                <div class="nhsuk-button-group">
                  <form method="post" action={`${base}/briefings/schedules/${s.id}/send`}>
                    <CsrfField />
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">
                      Send now<span class="nhsuk-u-visually-hidden">: {describeSchedule(s)}</span>
                    </button>
                  </form>
                  <form method="post" action={`${base}/briefings/schedules/${s.id}/remove`}>
                    <CsrfField />
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">
                      Stop<span class="nhsuk-u-visually-hidden">: {describeSchedule(s)}</span>
                    </button>
                  </form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>Sent</h2>
      {issues.length === 0 ? (
        <p>Nothing has been sent yet.</p>
      ) : (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Briefings sent, newest first</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Briefing</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {issues.map((i) => (
              <tr>
                <td>{i.issuedAt.slice(0, 16).replace('T', ' ')} UTC</td>
                <td>{i.title}</td>
                <td>
                  <a href={`${base}/briefings/issued/${i.id}`}>
                    {i.fileName}
                    <span class="nhsuk-u-visually-hidden"> ({i.title})</span>
                  </a>{' '}
                  ({Math.max(1, Math.round(i.size / 1024))} KB)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? <ScheduleForm action={`${base}/briefings/schedules`} groups={groups} problem={problem} values={values} /> : null}
    </Layout>
  )
}

function ScheduleForm({ action, groups, problem, values }: { action: string; groups: readonly GroupSummary[]; problem: FormProblem | undefined; values: ScheduleInput }) {
  return (
    <form method="post" action={action} novalidate>
      <CsrfField />
      <h2>Schedule a briefing</h2>
      <Radios name="kind" legend="Which briefing" options={SCHEDULE_CHOICES.kind} value={values.kind ?? 'board'} problem={problem} />
      <Radios name="audience" legend="Who may see it" options={SCHEDULE_CHOICES.audience} value={values.audience ?? 'internal'} problem={problem} hint="Choose external for anything that may be shared outside the organisation: small numbers are hidden by the organisation's disclosure policy." />
      <Radios name="format" legend="Format" options={SCHEDULE_CHOICES.format} value={values.format ?? 'pdf'} problem={problem} />
      <Radios name="cadence" legend="When" options={SCHEDULE_CHOICES.cadence} value={values.cadence ?? 'monthly'} problem={problem} />
      <Field id="dayOfMonth" label="Day of the month (for monthly briefings)" hint="From 1 to 28, so that every month has it." problem={problem}>
        <input class={`nhsuk-input nhsuk-input--width-2${problem?.field === 'dayOfMonth' ? ' nhsuk-input--error' : ''}`} id="dayOfMonth" name="dayOfMonth" inputmode="numeric" value={String(values.dayOfMonth ?? '1')} {...describedBy('dayOfMonth', problem)} />
      </Field>
      <Field id="group" label="Send to the members of" hint={groups.length === 0 ? 'There are no groups yet: add one on the Groups page first.' : 'Each member gets it in their inbox.'} problem={problem}>
        <select class={`nhsuk-select${problem?.field === 'group' ? ' nhsuk-select--error' : ''}`} id="group" name="group" {...describedBy('group', problem)}>
          {groups.map((g) => (
            <option value={g.code} selected={values.group === g.code}>
              {g.name}
            </option>
          ))}
        </select>
      </Field>
      <button class="nhsuk-button" type="submit">
        Add schedule
      </button>
    </form>
  )
}

/** One choice of the schedule form: the shared fieldset and radios; the first radio takes the field's id so the error summary links to it. */
function Radios({ name, legend, options, value, problem, hint }: { name: string; legend: string; options: Readonly<Record<string, string>>; value: string; problem: FormProblem | undefined; hint?: string }) {
  return (
    <ChoiceGroup id={name} legend={legend} problem={problem} {...(hint ? { hint } : {})}>
      <div class="nhsuk-radios nhsuk-radios--small">
        {Object.entries(options).map(([key, label], i) => (
          <Radio id={i === 0 ? name : `${name}-${key}`} name={name} value={key} checked={value === key}>
            {label}
          </Radio>
        ))}
      </div>
    </ChoiceGroup>
  )
}
