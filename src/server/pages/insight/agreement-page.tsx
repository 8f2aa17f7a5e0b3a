/** How far coders agree: Cohen's kappa per theme for two coders, and the machine coder's runs. */
import type { AgreementReport } from '../../../app/insight/agreement.ts'
import { MACHINE_CODER } from '../../../app/insight/agreement.ts'
import type { SuggestionRun } from '../../../app/insight/suggestions.ts'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { Role } from '../../../core/access.ts'
import { CsrfField } from '../layout.tsx'
import { Done, InsightFrame } from './insight-frame.tsx'

const coderName = (coder: string) => (coder === MACHINE_CODER ? 'the machine coder' : coder)
const fixed = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits))

export function AgreementPage({ scope, role, report, run }: { scope: ProgrammeScope; role: Role; report: AgreementReport; run?: SuggestionRun | undefined }) {
  const { result } = report
  const shared = report.pairs.filter((p) => p.excerpts > 0).sort((a, b) => b.excerpts - a.excerpts)
  return (
    <InsightFrame scope={scope} role={role} view="agreement" title="Agreement between coders">
      <Done message={run ? `The machine coder looked at ${run.uncoded} uncoded excerpts, learning from ${run.learnedFrom} coded ones, and suggested themes for ${run.suggested} of them (${run.suggestions} suggestions). People accept or reject them on the coding page.` : undefined} />
      <p>
        Cohen's kappa compares two coders on the excerpts both of them coded: 1 is perfect agreement, 0 is what chance alone would give. It is worked out per theme from how often each coder
        applied it, with a worked example in the repository's docs/methods/kappa.md.
      </p>
      {shared.length === 0 ? (
        <p>No two coders have coded the same excerpt yet. Ask a second person to code some excerpts already coded.</p>
      ) : (
        <form method="get" class="lhs-inline-form">
          <div class="nhsuk-form-group lhs-inline">
            <label class="nhsuk-label" for="pair">
              Coders to compare
            </label>
            <select class="nhsuk-select" id="pair" name="pair">
              {shared.map((p) => (
                <option value={p.coders.join('|')} selected={result !== null && result.coders.join('|') === p.coders.join('|')}>
                  {coderName(p.coders[0])} and {coderName(p.coders[1])} ({p.excerpts} excerpts in common)
                </option>
              ))}
            </select>
          </div>
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">
            Compare
          </button>
        </form>
      )}
      {result ? (
        <>
          <h2>
            {coderName(result.coders[0])} and {coderName(result.coders[1])}
          </h2>
          <p>
            On the {result.excerptIds.length} excerpts both coded, over every theme: kappa <strong>{fixed(result.pooled.kappa)}</strong>
            {result.pooled.strength ? ` (${result.pooled.strength} agreement)` : ''}, observed agreement {fixed(result.pooled.observed === null ? null : result.pooled.observed * 100, 0)}%.
          </p>
          <table class="nhsuk-table-responsive">
            <caption class="nhsuk-table__caption">Agreement per theme</caption>
            <thead class="nhsuk-table__head">
              <tr>
                <th scope="col">Theme</th>
                <th scope="col" class="nhsuk-table__header--numeric">Both</th>
                <th scope="col" class="nhsuk-table__header--numeric">First only</th>
                <th scope="col" class="nhsuk-table__header--numeric">Second only</th>
                <th scope="col" class="nhsuk-table__header--numeric">Neither</th>
                <th scope="col" class="nhsuk-table__header--numeric">Kappa</th>
                <th scope="col">Agreement</th>
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {result.themes.map((t) => (
                <tr>
                  <td>{report.themes.get(t.themeId)?.name ?? `Theme ${t.themeId}`}</td>
                  <td class="nhsuk-table__cell--numeric">{t.both}</td>
                  <td class="nhsuk-table__cell--numeric">{t.firstOnly}</td>
                  <td class="nhsuk-table__cell--numeric">{t.secondOnly}</td>
                  <td class="nhsuk-table__cell--numeric">{t.neither}</td>
                  <td class="nhsuk-table__cell--numeric">{fixed(t.kappa)}</td>
                  <td>{t.strength ?? t.reason?.message ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>Machine suggestions</h2>
      <p>
        The machine coder suggests themes for excerpts nobody has coded yet, from the excerpts people coded that read most alike. Suggestions count nowhere until a person accepts them on the
        coding page, and its agreement with people is shown above like any coder's. Nothing leaves this server.
      </p>
      <form method="post" action="suggestions">
        <CsrfField />
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">
          Suggest themes for uncoded excerpts
        </button>
      </form>
    </InsightFrame>
  )
}
