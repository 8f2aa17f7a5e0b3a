/** One driver of the diagram, for a lead to change: its title and description, its measures, and what goes under it. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { KIND_LABELS, type DriverDiagram, type DriverView } from '../../../app/implement/drivers.ts'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { ChoicesField, Done, InputField, Problem, SelectField, SubmitButton, TextareaField, type FormValues } from './form-parts.tsx'
import { aimPath, crumbs, driverPath, programmePath } from './implement-paths.tsx'

/** Which form on the page a refusal belongs to. */
export type DriverForm = 'edit' | 'link' | 'add'

interface DriverPageProps {
  readonly scope: ProgrammeScope
  readonly diagram: DriverDiagram
  readonly driver: DriverView
  readonly done?: string | undefined
  readonly problem?: FormProblem | undefined
  readonly form?: DriverForm | undefined
  readonly values?: FormValues
}

export function DriverPage({ scope, diagram, driver, done, problem: refused, form, values = {} }: DriverPageProps) {
  // Nothing goes under a change idea, so its page has no form to add one: a refusal points at the note saying so.
  const problem = refused && form === 'add' && driver.kind === 'change_idea' ? { ...refused, field: 'add' } : refused
  const path = driverPath(scope, driver.id)
  const parent = diagram.drivers.find((d) => d.id === driver.parentId)
  const own = (f: DriverForm) => (form === f ? problem : undefined)
  const typed = (f: DriverForm, key: string, stored: string) => (form === f ? values[key] : stored)
  const unlinked = diagram.measures.filter((m) => !driver.measures.some((l) => l.code === m.code))
  return (
    <Layout title={`${problem ? 'Error: ' : ''}${driver.title} – Driver diagram`} breadcrumbs={crumbs(scope, { text: 'Aim and driver diagram', href: aimPath(scope) })}>
      <Problem problem={problem} />
      <Done text={done} />
      <span class="nhsuk-caption-l">
        {KIND_LABELS[driver.kind]}
        {parent ? ` under “${parent.title}”` : ''}
      </span>
      <h1>{driver.title}</h1>
      <p>Change what this {KIND_LABELS[driver.kind].toLowerCase()} says, link the measures that show whether it is happening, or add what goes under it.</p>
      <h2 id="change">Title and description</h2>
      <form method="post" action={path} novalidate>
        <CsrfField />
        <InputField id="title" label="Title" hint="Up to 200 characters." problem={own('edit')} value={typed('edit', 'title', driver.title)} />
        <TextareaField id="description" label="Description (optional)" problem={own('edit')} value={typed('edit', 'description', driver.description)} rows={2} max={2000} />
        <SubmitButton text="Save" />
      </form>
      <h2 id="measures">Measures</h2>
      {driver.measures.length === 0 ? <p>No measures linked yet.</p> : null}
      <ul class="nhsuk-list">
        {driver.measures.map((m) => (
          <li>
            {m.name}
            <form method="post" action={`${path}/measures/remove`} class="lhs-remove">
              <CsrfField />
              <input type="hidden" name="measure" value={m.code} />
              <button type="submit" class="lhs-link-button">
                Unlink {m.name}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {unlinked.length > 0 ? (
        <form method="post" action={`${path}/measures`} class="lhs-inline-form" novalidate>
          <CsrfField />
          <SelectField id="measure" label="Link a measure of the programme" problem={own('link')} value={form === 'link' ? values.measure : undefined} choices={unlinked.map((m) => ({ value: m.code, text: m.name }))} />
          <div class="nhsuk-form-group">
            <SubmitButton text="Link measure" secondary />
          </div>
        </form>
      ) : null}
      {driver.kind === 'change_idea' ? (
        <>
          <h2 id="add">Under it</h2>
          <p>Nothing goes under a change idea: it is the change being tested. Add secondary drivers and change ideas under a primary or secondary driver.</p>
        </>
      ) : <AddUnder scope={scope} driver={driver} problem={own('add')} values={form === 'add' ? values : {}} />}
      <h2 id="remove">Remove</h2>
      <p>
        <a href={`${path}/remove`}>Remove “{driver.title}”</a>
        {diagram.drivers.some((d) => d.parentId === driver.id) ? ' and everything under it' : ''}.
      </p>
      <p>
        <a href={`${aimPath(scope)}#driver-${driver.id}`}>Back to the driver diagram</a>
      </p>
    </Layout>
  )
}

function AddUnder({ scope, driver, problem, values }: { scope: ProgrammeScope; driver: DriverView; problem: FormProblem | undefined; values: FormValues }) {
  const kinds = driver.kind === 'primary' ? (['secondary', 'change_idea'] as const) : (['change_idea'] as const)
  return (
    <>
      <h2 id="add">Add under “{driver.title}”</h2>
      <p>A secondary driver is a more specific thing that has to be true; a change idea is a change you could test to make it true.</p>
      <form method="post" action={`${programmePath(scope)}/drivers`} novalidate>
        <CsrfField />
        <input type="hidden" name="parent" value={String(driver.id)} />
        {kinds.length === 1 ? (
          <input type="hidden" name="kind" value={kinds[0]} />
        ) : (
          <ChoicesField id="kind" legend="What are you adding?" problem={problem} values={[values.kind ?? kinds[0]]} choices={kinds.map((k) => ({ value: k, text: KIND_LABELS[k] }))} />
        )}
        <InputField id="child-title" label="Title" hint="Up to 200 characters." problem={problem} value={values['child-title']} />
        <TextareaField id="child-description" label="Description (optional)" problem={problem} value={values['child-description']} rows={2} max={2000} />
        <SubmitButton text={kinds.length === 1 ? 'Add change idea' : 'Add'} />
      </form>
    </>
  )
}
