/**
 * Adding a prediction in two steps: first what kind and which measure (so the page can offer that
 * measure's community groups and units), then where, for whom, which way, how much and by when.
 */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { PredictionFormOptions } from '../../../app/implement/action-options.ts'
import type { ActionDetail } from '../../../app/implement/action-views.ts'
import type { MeasureRef } from '../../../app/implement/measure-ref.ts'
import { ROLE_LABELS, ROLES } from '../../../app/implement/predictions.ts'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { groupText, siteText, sizeHint } from './action-text.tsx'
import { ChoicesField, InputField, Problem, SelectField, SubmitButton, type FormValues } from './form-parts.tsx'
import { actionPath, actionsPath, crumbs } from './implement-paths.tsx'

interface PredictionPageProps {
  readonly scope: ProgrammeScope
  readonly action: ActionDetail
  readonly options: PredictionFormOptions
  /** Chosen in the first step (both needed for the second). */
  readonly role: 'primary' | 'balancing' | undefined
  readonly measure: MeasureRef | undefined
  readonly values: FormValues
  readonly problem?: FormProblem | undefined
}

const ROLE_HINTS = { primary: 'A measure this change should move, such as blood pressure control.', balancing: 'A measure that might get worse because of the change, such as waiting times.' } as const

export function PredictionPage(props: PredictionPageProps) {
  const { scope, action, role, measure, problem } = props
  const path = `${actionPath(scope, action.id)}/predictions`
  return (
    <Layout title={`${problem ? 'Error: ' : ''}Add a prediction – ${action.title}`} breadcrumbs={crumbs(scope, { text: 'Actions', href: actionsPath(scope) }, { text: action.title, href: actionPath(scope, action.id) })}>
      <Problem problem={problem} />
      <span class="nhsuk-caption-l">{action.title}</span>
      <h1>Add a prediction</h1>
      <p>A prediction says what this change should do to a measure (or what harm to watch for), so the data from the change date can show whether it works.</p>
      {role && measure ? <Details {...props} role={role} measure={measure} path={path} /> : <Choose {...props} path={`${path}/new`} />}
      <p>
        <a href={actionPath(scope, action.id)}>Cancel and go back to the action</a>
      </p>
    </Layout>
  )
}

function Choose({ options, values, problem, path }: PredictionPageProps & { path: string }) {
  return (
    <form method="get" action={path} novalidate>
      <ChoicesField id="role" legend="What kind of prediction?" problem={problem} values={[values.role ?? 'primary']} choices={ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], hint: ROLE_HINTS[r] }))} />
      <SelectField id="measure" label="Measure" problem={problem} value={values.measure} choices={options.measures.map((m) => ({ value: m.code, text: `${m.name} (${m.type})` }))} />
      <SubmitButton text="Continue" />
    </form>
  )
}

function Details({ action, options, role, measure, values, problem, path }: PredictionPageProps & { role: 'primary' | 'balancing'; measure: MeasureRef; path: string }) {
  const better = measure.direction === 'neutral' ? 'Neither way is better for this measure.' : `Higher is ${measure.direction === 'increase' ? 'better' : 'worse'} for this measure.`
  return (
    <>
      <dl class="nhsuk-summary-list">
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">Kind and measure</dt>
          <dd class="nhsuk-summary-list__value">
            {ROLE_LABELS[role]}: {measure.name}
          </dd>
          <dd class="nhsuk-summary-list__actions">
            <a href={`${path}/new?role=${role}&measure=${encodeURIComponent(measure.code)}`}>
              Change<span class="nhsuk-u-visually-hidden"> the kind and measure</span>
            </a>
          </dd>
        </div>
      </dl>
      <form method="post" action={path} novalidate>
        <CsrfField />
        <input type="hidden" name="role" value={role} />
        <input type="hidden" name="measure" value={measure.code} />
        <SelectField id="site" label="Where" hint="One site, or the whole organisation." problem={problem} value={values.site} choices={options.sites.map((s) => ({ value: s.wholeOrganisation ? '' : s.code, text: siteText(s) }))} />
        <SelectField id="group" label="Who" hint={`All people, or one community group ${measure.name} has data for.`} problem={problem} value={values.group} choices={[{ value: '', text: 'All people' }, ...options.groups.map((g) => ({ value: `${g.dimension}:${g.group}`, text: groupText(g.dimension, g.group) }))]} />
        <ChoicesField
          id="direction"
          legend={role === 'primary' ? 'Which way should it go?' : 'Which way would be harm?'}
          hint={better}
          problem={problem}
          values={[values.direction ?? '']}
          choices={[
            { value: 'increase', text: role === 'primary' ? 'Up' : 'Harm if it goes up' },
            { value: 'decrease', text: role === 'primary' ? 'Down' : 'Harm if it goes down' },
          ]}
        />
        <InputField id="expectedSize" label="By how much (optional)" hint={sizeHint(measure)} problem={problem} value={values.expectedSize} width={5} />
        <InputField id="byDate" label="By when (optional)" hint={`When it should show, on or after the change date (${action.startDate}).`} problem={problem} value={values.byDate} type="date" width={10} />
        <SubmitButton text="Add prediction" />
      </form>
    </>
  )
}
