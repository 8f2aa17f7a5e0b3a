/** The organisation's disclosure policy: the four presets as radio buttons, each with the statement printed on outputs. */
import type { DisclosurePolicy } from '../../../core/disclosure/index.ts'
import { ErrorMessage, ErrorSummary } from '../error-summary.tsx'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'

interface DisclosurePageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly policies: readonly DisclosurePolicy[]
  /** The id checked: the saved policy, or what was sent when it was refused. */
  readonly chosen: string
  readonly saved?: DisclosurePolicy | undefined
  readonly problem?: FormProblem | undefined
}

export function DisclosurePage({ organisation, policies, chosen, saved, problem }: DisclosurePageProps) {
  const firstId = `policy-${policies[0]?.id ?? ''}`
  return (
    <Layout title={`${problem ? 'Error: ' : ''}Disclosure control – ${organisation.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }]}>
      <span class="nhsuk-caption-l">{organisation.name}</span>
      <h1>Disclosure control</h1>
      {problem ? <ErrorSummary items={[{ href: `#${firstId}`, text: problem.message }]} /> : null}
      {saved ? (
        <div class="nhsuk-inset-text" role="status">
          <p>Saved: everything {organisation.name} shares outside now follows the {saved.name} convention.</p>
        </div>
      ) : null}
      <p>
        Small numbers can identify people. Everything that leaves {organisation.name} (external briefings, lessons and figures shared with networks, FHIR exports) goes through
        the policy chosen here: small counts are shown as *, further counts are hidden where a * could be worked out from a total, and the policy is printed on every output.
        Views inside the organisation keep exact numbers. No quote leaves from a group smaller than the policy's threshold.
      </p>
      <form method="post" action={`/organisations/${organisation.code}/disclosure`} novalidate>
        <CsrfField />
        <div class={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
          <fieldset class="nhsuk-fieldset" aria-describedby={problem ? 'policy-error' : undefined}>
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 class="nhsuk-fieldset__heading">Which convention should outputs follow?</h2>
            </legend>
            {problem ? <ErrorMessage id="policy-error" message={problem.message} /> : null}
            <div class="nhsuk-radios">
              {policies.map((policy) => (
                <div class="nhsuk-radios__item">
                  <input class="nhsuk-radios__input" id={`policy-${policy.id}`} name="policy" type="radio" value={policy.id} checked={chosen === policy.id} aria-describedby={`policy-${policy.id}-hint`} />
                  <label class="nhsuk-label nhsuk-radios__label" for={`policy-${policy.id}`}>
                    {policy.name}
                  </label>
                  <div class="nhsuk-hint nhsuk-radios__hint" id={`policy-${policy.id}-hint`}>
                    {policy.statement} Smallest group shown or quoted: {policy.threshold}.
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button class="nhsuk-button" type="submit">
          Save policy
        </button>
      </form>
      <p>
        How each policy works, and the test that no hidden count can be worked out from the totals beside it, are set out in the methods page on disclosure control
        (docs/methods/disclosure.md).
      </p>
    </Layout>
  )
}
