/** Asking before a driver is removed: what goes with it, and a box to tick when things sit under it. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { KIND_LABELS, type DriverView } from '../../../app/implement/drivers.ts'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { ChoicesField, Problem, SubmitButton } from './form-parts.tsx'
import { aimPath, crumbs, driverPath } from './implement-paths.tsx'
import { WarningCallout } from '../warning-callout.tsx'

export function DriverRemovePage({ scope, driver, under, problem }: { scope: ProgrammeScope; driver: DriverView; under: readonly DriverView[]; problem?: FormProblem | undefined }) {
  return (
    <Layout title={`${problem ? 'Error: ' : ''}Remove ${driver.title} – Driver diagram`} breadcrumbs={crumbs(scope, { text: 'Aim and driver diagram', href: aimPath(scope) })}>
      <Problem problem={problem} />
      <span class="nhsuk-caption-l">{KIND_LABELS[driver.kind]}</span>
      <h1>Remove “{driver.title}”?</h1>
      {under.length === 0 ? (
        <p>It has nothing under it. Its links to measures go with it. Actions that test it keep their record, without the link.</p>
      ) : (
        <>
          <WarningCallout label={`${under.length} ${under.length === 1 ? 'item goes' : 'items go'} with it`}>
            <ul>
              {under.map((d) => (
                <li>
                  {KIND_LABELS[d.kind]}: {d.title}
                </li>
              ))}
            </ul>
          </WarningCallout>
          <p>Their links to measures go too. Actions that test a removed change idea keep their record, without the link.</p>
        </>
      )}
      <form method="post" action={`${driverPath(scope, driver.id)}/remove`} novalidate>
        <CsrfField />
        {under.length === 0 ? (
          <input type="hidden" name="confirm" value="yes" />
        ) : (
          <ChoicesField id="confirm" legend="Confirm" problem={problem} values={[]} multiple choices={[{ value: 'yes', text: `Remove “${driver.title}” and the ${under.length === 1 ? 'item' : `${under.length} items`} under it` }]} />
        )}
        <SubmitButton text="Remove" />
      </form>
      <p>
        <a href={driverPath(scope, driver.id)}>Cancel and keep it</a>
      </p>
    </Layout>
  )
}
