/** Community events and interviews: the list, and the form to record one with its notes or transcript. */
import type { ProgrammeScope, SiteRow } from '../../../app/catalogue.ts'
import type { Role } from '../../../core/access.ts'
import type { EventRow } from '../../../app/insight/insight-overview.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { Field, describedBy, type FormProblem } from '../form-field.tsx'
import { formatDate } from '../format.ts'
import { CsrfField } from '../layout.tsx'
import { Done, InsightFrame } from './insight-frame.tsx'
import { DateField, SiteField } from './record-fields.tsx'

export interface EventValues {
  readonly kind?: string
  readonly title?: string
  readonly runBy?: string
  readonly place?: string
  readonly site?: string
  readonly date?: string
  readonly groups?: string
  readonly notes?: string
}

interface EventsPageProps {
  readonly scope: ProgrammeScope
  readonly role: Role
  readonly sites: readonly SiteRow[]
  readonly events: readonly EventRow[]
  readonly today: string
  readonly values?: EventValues
  readonly problem?: FormProblem | undefined
  readonly done?: string | undefined
}

export function EventsPage({ scope, role, sites, events, today, values = {}, problem, done }: EventsPageProps) {
  const siteName = new Map(sites.map((s) => [s.id, s.name]))
  return (
    <InsightFrame scope={scope} role={role} view="events" title="Events and interviews" error={problem !== undefined}>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      <Done message={done} />
      {events.length === 0 ? (
        <p>No community events or interviews have been recorded yet.</p>
      ) : (
        <table class="nhsuk-table-responsive">
          <caption class="nhsuk-table__caption">Recorded events and interviews, newest first</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Where</th>
              <th scope="col">Groups taking part</th>
              <th scope="col" class="nhsuk-table__header--numeric">Excerpts</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {events.map((e) => (
              <tr>
                <td>{formatDate(e.date)}</td>
                <td>
                  {e.title}
                  {e.runBy ? <span class="nhsuk-body-s lhs-muted"> (run by {e.runBy})</span> : null}
                </td>
                <td>{e.kind === 'event' ? 'Community event' : 'Interview'}</td>
                <td>{[e.place, siteName.get(e.siteId)].filter(Boolean).join(', ')}</td>
                <td>{e.groups.join(', ')}</td>
                <td class="nhsuk-table__cell--numeric">{e.excerpts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Record an event or interview</h2>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <p>
            Paste the notes or transcript. Each paragraph, bullet point or speaker's turn becomes an excerpt that can be coded. Names, NHS numbers and contact details are removed before anything
            is saved.
          </p>
          <form method="post" novalidate>
            <CsrfField />
            <div class="nhsuk-form-group">
              <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What is it?</legend>
                <div class="nhsuk-radios nhsuk-radios--inline">
                  {(['event', 'interview'] as const).map((kind) => (
                    <div class="nhsuk-radios__item">
                      <input class="nhsuk-radios__input" id={kind === 'event' ? 'kind' : 'kind-interview'} name="kind" type="radio" value={kind} checked={(values.kind ?? 'event') === kind} />
                      <label class="nhsuk-label nhsuk-radios__label" for={kind === 'event' ? 'kind' : 'kind-interview'}>
                        {kind === 'event' ? 'Community event' : 'Interview'}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <Field id="title" label="Title" hint="For example: Listening event at the lunch club" problem={problem}>
              <input class="nhsuk-input" type="text" id="title" name="title" value={values.title ?? ''} maxlength={200} {...describedBy('title', problem)} />
            </Field>
            <Field id="runBy" label="Who ran it (optional)" hint="A role or team rather than a name, for example: community health worker" problem={problem}>
              <input class="nhsuk-input" type="text" id="runBy" name="runBy" value={values.runBy ?? ''} maxlength={200} />
            </Field>
            <Field id="place" label="Where it was held (optional)" problem={problem}>
              <input class="nhsuk-input" type="text" id="place" name="place" value={values.place ?? ''} maxlength={200} />
            </Field>
            <SiteField label="Site it is about" sites={sites} value={values.site} problem={problem} />
            <DateField value={values.date} today={today} problem={problem} />
            <Field id="groups" label="Community groups taking part (optional)" hint="Separated by commas, for example: older people, carers" problem={problem}>
              <input class="nhsuk-input" type="text" id="groups" name="groups" value={values.groups ?? ''} />
            </Field>
            <Field id="notes" label="Notes or transcript" problem={problem}>
              <textarea class="nhsuk-textarea" id="notes" name="notes" rows={12} {...describedBy('notes', problem)}>
                {values.notes ?? ''}
              </textarea>
            </Field>
            <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
              Save and split into excerpts
            </button>
          </form>
        </div>
      </div>
    </InsightFrame>
  )
}
