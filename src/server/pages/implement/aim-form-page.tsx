/** Changing a programme's aim: the statement, its measure, from what value to what value, by when. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { MeasureRef } from '../../../app/implement/measure-ref.ts'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { InputField, Problem, SelectField, SubmitButton, TextareaField, type FormValues } from './form-parts.tsx'
import { aimPath, crumbs } from './implement-paths.tsx'

interface AimFormPageProps {
  readonly scope: ProgrammeScope
  readonly measures: readonly MeasureRef[]
  /** The stored aim as form text, or what was typed. */
  readonly values: FormValues
  readonly problem?: FormProblem | undefined
}

export function AimFormPage({ scope, measures, values, problem }: AimFormPageProps) {
  return (
    <Layout title={`${problem ? 'Error: ' : ''}Change the aim – ${scope.programme.name}`} breadcrumbs={crumbs(scope, { text: 'Aim and driver diagram', href: aimPath(scope) })}>
      <Problem problem={problem} />
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>Change the aim</h1>
      <p>
        A good aim says what will improve, for whom, by how much and by when, such as “By March, raise the share of people with high blood pressure whose blood pressure is controlled
        from 58% to 70%”. Choose the measure that shows it, where it started and where it should get to.
      </p>
      <form method="post" action={aimPath(scope)} novalidate>
        <CsrfField />
        <input type="hidden" name="version" value={values.version ?? ''} />
        <TextareaField id="statement" label="What are we trying to achieve?" hint="Up to 1,000 characters." problem={problem} value={values.statement} rows={3} max={1000} />
        <SelectField id="measure" label="Measure" hint="The measure that will show whether the aim is met." problem={problem} value={values.measure} choices={[{ value: '', text: 'None yet' }, ...measures.map((m) => ({ value: m.code, text: m.name }))]} />
        <InputField id="baseline" label="From (where it started)" hint="For a percentage measure, type the percentage, such as 58. Leave empty if not known." problem={problem} value={values.baseline} width={10} />
        <InputField id="target" label="To (the value aimed for)" hint="For a percentage measure, type the percentage, such as 70." problem={problem} value={values.target} width={10} />
        <InputField id="by" label="By (date)" hint="For example 2026-03-31." problem={problem} value={values.by} type="date" width={10} />
        <SubmitButton text="Save the aim" />
      </form>
      <p>
        <a href={aimPath(scope)}>Cancel and go back to the aim</a>
      </p>
    </Layout>
  )
}
