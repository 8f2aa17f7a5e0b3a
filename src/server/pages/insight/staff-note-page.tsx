/** The staff insight form: an observation or huddle note, its site, date and tags. */
import type { ProgrammeScope, SiteRow } from '../../../app/catalogue.ts'
import { STAFF_NOTE_KINDS } from '../../../app/insight/record-insight.ts'
import type { Role } from '../../../core/access.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { Field, describedBy, type FormProblem } from '../form-field.tsx'
import { CsrfField } from '../layout.tsx'
import { Done, InsightFrame } from './insight-frame.tsx'
import { DateField, SiteField } from './record-fields.tsx'

export interface StaffNoteValues {
  readonly kind?: string
  readonly text?: string
  readonly site?: string
  readonly date?: string
  readonly tags?: string
}

interface StaffNotePageProps {
  readonly scope: ProgrammeScope
  readonly role: Role
  readonly sites: readonly SiteRow[]
  readonly today: string
  readonly values?: StaffNoteValues
  readonly problem?: FormProblem | undefined
  readonly done?: string | undefined
}

export function StaffNotePage({ scope, role, sites, today, values = {}, problem, done }: StaffNotePageProps) {
  return (
    <InsightFrame scope={scope} role={role} view="staff" title="Add a staff note" error={problem !== undefined}>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      <Done message={done} />
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <p>Something you noticed, or what came up at a huddle, that the team should learn from. Names, NHS numbers and contact details are removed before the note is saved.</p>
          <form method="post" novalidate>
            <CsrfField />
            <div class="nhsuk-form-group">
              <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What kind of note is it?</legend>
                <div class="nhsuk-radios nhsuk-radios--inline">
                  {Object.entries(STAFF_NOTE_KINDS).map(([kind, label], i) => (
                    <div class="nhsuk-radios__item">
                      <input class="nhsuk-radios__input" id={i === 0 ? 'kind' : `kind-${kind}`} name="kind" type="radio" value={kind} checked={(values.kind ?? 'observation') === kind} />
                      <label class="nhsuk-label nhsuk-radios__label" for={i === 0 ? 'kind' : `kind-${kind}`}>
                        {label}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <Field id="text" label="Note" problem={problem}>
              <textarea class="nhsuk-textarea" id="text" name="text" rows={6} maxlength={20000} {...describedBy('text', problem)}>
                {values.text ?? ''}
              </textarea>
            </Field>
            <SiteField label="Site" sites={sites} value={values.site} problem={problem} />
            <DateField value={values.date} today={today} problem={problem} />
            <Field id="tags" label="Tags (optional)" hint="Words to find the note by, separated by commas, for example: evening clinics, monitors" problem={problem}>
              <input class="nhsuk-input" type="text" id="tags" name="tags" value={values.tags ?? ''} aria-describedby="tags-hint" />
            </Field>
            <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
              Save note
            </button>
          </form>
        </div>
      </div>
    </InsightFrame>
  )
}
