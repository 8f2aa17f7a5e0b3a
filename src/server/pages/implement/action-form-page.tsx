/** Starting an action (often from a decision) or changing one: what, why, who, where, from when, review when, status. */
import type { ActionFormOptions } from '../../../app/implement/action-options.ts'
import { ACTION_STATUSES, STATUS_LABELS } from '../../../app/implement/action-views.ts'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { ChoicesField, InputField, Problem, SelectField, SubmitButton, TextareaField, type FormValues } from './form-parts.tsx'
import { actionPath, actionsPath, crumbs } from './implement-paths.tsx'

interface ActionFormPageProps {
  readonly scope: ProgrammeScope
  readonly options: ActionFormOptions
  /** Absent for a new action. */
  readonly action?: { readonly id: number; readonly title: string } | undefined
  readonly values: FormValues
  readonly sites: readonly string[]
  readonly problem?: FormProblem | undefined
}

export function ActionFormPage({ scope, options, action, values, sites, problem }: ActionFormPageProps) {
  const heading = action ? `Change “${action.title}”` : 'Start an action'
  const back = action ? actionPath(scope, action.id) : actionsPath(scope)
  return (
    <Layout title={`${problem ? 'Error: ' : ''}${heading} – ${scope.programme.name}`} breadcrumbs={crumbs(scope, { text: 'Actions', href: actionsPath(scope) })}>
      <Problem problem={problem} />
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>{heading}</h1>
      <p>
        Say what will change, who owns it, where and from which date. The change date matters: the data before it is compared with the data from it to see whether the change works.
        {action ? ' If someone else changed the action since you opened this page, nothing is saved and you are asked to reload it.' : ' Add what it should move (its predictions) on the next page.'}
      </p>
      <form method="post" action={action ? `${back}/edit` : actionsPath(scope)} novalidate>
        <CsrfField />
        {action ? <input type="hidden" name="version" value={values.version ?? ''} /> : null}
        <InputField id="title" label="What is the change?" hint="A short title, up to 200 characters, such as “Lend home blood-pressure monitors”." problem={problem} value={values.title} />
        <TextareaField id="description" label="Description (optional)" hint="What will be done, and how." problem={problem} value={values.description} max={5000} />
        <SelectField id="decision" label="Decision it comes from" hint="The decision group’s decision this action carries out, if any." problem={problem} value={values.decision} choices={[{ value: '', text: 'None' }, ...options.decisions.map((d) => ({ value: String(d.id), text: d.title }))]} />
        <SelectField id="changeIdea" label="Change idea it tests" hint="From the driver diagram. Add change ideas on the aim and driver diagram page." problem={problem} value={values.changeIdea} choices={[{ value: '', text: 'None' }, ...options.changeIdeas.map((d) => ({ value: String(d.id), text: d.title }))]} />
        <SelectField id="owner" label="Owner" hint="A member of the organisation who runs the change and reports on it." problem={problem} value={values.owner} choices={[{ value: '', text: 'No owner yet' }, ...options.people.map((p) => ({ value: p.email, text: p.displayName ? `${p.displayName} (${p.email})` : p.email }))]} />
        <ChoicesField id="sites" legend="Where is the change made?" hint="Tick each site. Leave every box unticked if it is made across the whole organisation." problem={problem} values={sites} multiple choices={options.sites.map((s) => ({ value: s.code, text: s.name }))} />
        <InputField id="startDate" label="Change date" hint="The day the change starts, for example 2025-03-03." problem={problem} value={values.startDate} type="date" width={10} />
        <InputField id="reviewDate" label="Review date (optional)" hint="When the group will look at whether it works. On or after the change date." problem={problem} value={values.reviewDate} type="date" width={10} />
        <ChoicesField id="status" legend="Status" problem={problem} values={[values.status || 'planned']} choices={ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))} />
        <SubmitButton text={action ? 'Save changes' : 'Start the action'} />
      </form>
      <p>
        <a href={back}>Cancel</a>
      </p>
    </Layout>
  )
}
