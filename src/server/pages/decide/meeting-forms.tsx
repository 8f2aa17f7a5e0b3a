/**
 * The meeting page's two forms: the agenda (findings to weigh, in order; leads) and the record of
 * the meeting (who came, guests, minutes, status; decision makers). Both keep what was typed when
 * they are refused.
 */
import type { MeetingView } from '../../../app/decide/meetings.ts'
import { personName, type PersonView } from '../../../app/decide/people.ts'
import type { FindingView } from '../../../app/triangulate/findings.ts'
import { Field, type FormProblem } from '../form-field.tsx'
import { CsrfField } from '../layout.tsx'
import { ConvergenceTag } from '../triangulate/finding-labels.tsx'
import { aria, Checkbox, ChoiceGroup, problemAt, Radio } from './form-problems.tsx'

export interface AgendaForm {
  readonly checked: readonly number[]
  /** The order typed beside each finding, by finding id. */
  readonly orders: Readonly<Record<number, string>>
}

export interface RecordForm {
  readonly minutes: string
  readonly guests: string
  readonly status: string
  readonly attendance: readonly string[]
}

export function agendaFormOf(meeting: MeetingView): AgendaForm {
  return { checked: meeting.agenda.map((f) => f.id), orders: Object.fromEntries(meeting.agenda.map((f, i) => [f.id, String(i + 1)])) }
}

export function recordFormOf(meeting: MeetingView): RecordForm {
  return { minutes: meeting.minutes, guests: meeting.guests, status: meeting.status, attendance: meeting.attendance.map((p) => p.email) }
}

/** The checked findings in agenda order: by the order typed (blank last), then as listed (strongest first). */
export function agendaOrder(form: AgendaForm, listed: readonly number[]): number[] {
  const rank = (id: number) => {
    const typed = Number((form.orders[id] ?? '').trim())
    return (form.orders[id] ?? '').trim() !== '' && Number.isFinite(typed) ? typed : Number.POSITIVE_INFINITY
  }
  const place = (id: number) => (listed.includes(id) ? listed.indexOf(id) : listed.length)
  return [...new Set(form.checked)].sort((a, b) => rank(a) - rank(b) || place(a) - place(b))
}

interface AgendaFormProps {
  readonly action: string
  /** The programme's current findings (strongest first) and any already on the agenda. */
  readonly findings: readonly FindingView[]
  readonly form: AgendaForm
  readonly problems: readonly FormProblem[]
}

export function AgendaFormView({ action, findings, form, problems }: AgendaFormProps) {
  return (
    <form method="post" action={action} novalidate>
      <CsrfField />
      <ChoiceGroup id="findings" legend="Findings to weigh" hint="Tick the findings the group should consider, strongest evidence first. To change their order on the agenda, number them (1 first); unnumbered ones follow in this order." problem={problemAt(problems, 'findings')}>
        {findings.length === 0 ? (
          <p>The programme has no findings yet.</p>
        ) : (
          <div class="nhsuk-checkboxes">
            {findings.map((f, i) => (
              <div class="lhs-agenda-item">
                <Checkbox id={i === 0 ? 'findings' : `finding-${f.id}`} name="finding" value={String(f.id)} checked={form.checked.includes(f.id)} hint={<ConvergenceTag value={f.proposal.overall} />}>
                  {f.statement}
                  {f.current ? '' : ' (no longer proposed by the latest data)'}
                </Checkbox>
                <div class="nhsuk-form-group lhs-inline">
                  <label class="nhsuk-label nhsuk-body-s" for={`order-${f.id}`}>
                    Order<span class="nhsuk-u-visually-hidden"> of “{f.statement}” on the agenda</span>
                  </label>
                  <input class="nhsuk-input nhsuk-input--width-2" id={`order-${f.id}`} name={`order-${f.id}`} type="text" inputmode="numeric" maxlength={3} value={form.orders[f.id] ?? ''} />
                </div>
              </div>
            ))}
          </div>
        )}
      </ChoiceGroup>
      <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
        Save agenda
      </button>
    </form>
  )
}

interface RecordFormProps {
  readonly action: string
  /** Whom the attendance list offers: the group's members and anyone already recorded. */
  readonly people: readonly PersonView[]
  readonly form: RecordForm
  readonly problems: readonly FormProblem[]
}

export function RecordFormView({ action, people, form, problems }: RecordFormProps) {
  const at = (field: string) => problemAt(problems, field)
  return (
    <form method="post" action={action} novalidate>
      <CsrfField />
      <ChoiceGroup id="attendance" legend="Who came" hint="Tick the group’s members who attended." problem={at('attendance')}>
        {people.length === 0 ? (
          <p>The group has no members yet; name anyone who came under guests.</p>
        ) : (
          <div class="nhsuk-checkboxes">
            {people.map((p, i) => (
              <Checkbox id={i === 0 ? 'attendance' : `attendance-${i}`} name="attendance" value={p.email} checked={form.attendance.includes(p.email)}>
                {personName(p)}
              </Checkbox>
            ))}
          </div>
        )}
      </ChoiceGroup>
      <Field id="guests" label="Guests (optional)" hint="People without an account who attended, for example “Patient representative; practice manager, Alpha”." problem={at('guests')}>
        <input class="nhsuk-input" id="guests" name="guests" type="text" maxlength={500} value={form.guests} {...aria('guests', at('guests'), true)} />
      </Field>
      <Field id="minutes" label="Minutes" hint="What was discussed and agreed. Record each decision separately, so it joins the decision log." problem={at('minutes')}>
        <textarea class="nhsuk-textarea" id="minutes" name="minutes" rows={8} maxlength={20000} {...aria('minutes', at('minutes'), true)}>
          {form.minutes}
        </textarea>
      </Field>
      <ChoiceGroup id="status" legend="Status" problem={at('status')}>
        <div class="nhsuk-radios nhsuk-radios--inline">
          <Radio id="status" name="status" value="planned" checked={form.status === 'planned'}>
            Planned
          </Radio>
          <Radio id="status-held" name="status" value="held" checked={form.status === 'held'}>
            Held
          </Radio>
        </div>
      </ChoiceGroup>
      <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
        Save the record
      </button>
    </form>
  )
}
