/** Fields the staff note and event forms share: which site it is about, and the date (today at the latest). */
import type { SiteRow } from '../../../app/catalogue.ts'
import { Field, describedBy, type FormProblem } from '../form-field.tsx'

/** A select of the sites, the whole organisation (value '') first as the list gives it. */
export function SiteField({ label, sites, value, problem }: { label: string; sites: readonly SiteRow[]; value: string | undefined; problem: FormProblem | undefined }) {
  return (
    <Field id="site" label={label} problem={problem}>
      <select class="nhsuk-select" id="site" name="site" {...describedBy('site', problem)}>
        {sites.map((s) => (
          <option value={s.kind === 'system' ? '' : s.code} selected={(value ?? '') === (s.kind === 'system' ? '' : s.code)}>
            {s.kind === 'system' ? `${s.name} (whole organisation)` : s.name}
          </option>
        ))}
      </select>
    </Field>
  )
}

export function DateField({ value, today, problem }: { value: string | undefined; today: string; problem: FormProblem | undefined }) {
  return (
    <Field id="date" label="Date" problem={problem}>
      <input class="nhsuk-input nhsuk-input--width-10" type="date" id="date" name="date" value={value ?? today} max={today} {...describedBy('date', problem)} />
    </Field>
  )
}
