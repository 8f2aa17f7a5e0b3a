/** Change or remove one theme of the codebook. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { ThemeRow } from '../../../app/insight/codebook.ts'
import type { Role } from '../../../core/access.ts'
import { ErrorSummary } from '../error-summary.tsx'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField } from '../layout.tsx'
import { ThemeFields } from './codebook-page.tsx'
import { InsightFrame } from './insight-frame.tsx'

export function ThemeEditPage({ scope, role, theme, coded, problem }: { scope: ProgrammeScope; role: Role; theme: ThemeRow; coded: number; problem?: FormProblem | undefined }) {
  return (
    <InsightFrame scope={scope} role={role} view="codebook" title={`Change “${theme.name}”`} error={problem !== undefined}>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      <form method="post" novalidate>
        <CsrfField />
        <ThemeFields problem={problem} values={theme} />
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Save
        </button>
      </form>
      <h2>Remove this theme</h2>
      <p>
        Removing it also removes its sub-themes and every coding with them ({coded.toLocaleString('en-GB')} excerpts are coded with it now). This cannot be undone; the removal is recorded in the audit
        trail.
      </p>
      <form method="post" action={`${theme.id}/remove`}>
        <CsrfField />
        <button class="nhsuk-button nhsuk-button--warning" type="submit">
          Remove “{theme.name}”
        </button>
      </form>
    </InsightFrame>
  )
}
