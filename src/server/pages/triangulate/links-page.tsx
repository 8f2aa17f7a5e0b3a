/** Which themes speak to which measure: the links triangulation uses, suggestions from co-occurrence, and forms to change them. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { LinkView } from '../../../app/triangulate/links.ts'
import { ErrorSummary } from '../error-summary.tsx'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'

export function LinksPage({ scope, view, canEdit, problem, done }: { scope: ProgrammeScope; view: LinkView; canEdit: boolean; problem?: FormProblem | undefined; done?: string | undefined }) {
  const { organisation, programme } = scope
  const base = `/organisations/${organisation.code}/programmes/${programme.code}`
  const themeName = new Map(view.themes.map((t) => [t.id, t.name]))
  const measureName = new Map(view.measures.map((m) => [m.code, m.name]))
  return (
    <Layout title={`${problem ? 'Error: ' : ''}Measures and themes – ${programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: programme.name, href: base }, { text: 'Findings', href: `${base}/findings` }]}>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      {done ? (
        <div class="nhsuk-inset-text" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <span class="nhsuk-caption-l">{programme.name}</span>
      <h1>Measures and themes</h1>
      <p>Which themes in the codebook speak to which measure. Findings put a measure's signals beside what people said under its linked themes (and their sub-themes).</p>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">Links</caption>
        <thead class="nhsuk-table__head">
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Linked themes</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {view.measures.map((m) => {
            const linked = view.links.filter((l) => l.measure === m.code)
            return (
              <tr>
                <td>{m.name}</td>
                <td>
                  {linked.length === 0 ? <span class="lhs-muted">none</span> : null}
                  <ul class="nhsuk-list">
                    {linked.map((l) => (
                      <li>
                        {themeName.get(l.themeId) ?? `Theme ${l.themeId}`}
                        {canEdit ? (
                          <form method="post" action={`${base}/links/remove`} class="lhs-remove">
                            <CsrfField />
                            <input type="hidden" name="measure" value={m.code} />
                            <input type="hidden" name="theme" value={String(l.themeId)} />
                            <button type="submit" class="lhs-link-button">
                              Remove the link to {themeName.get(l.themeId)}
                            </button>
                          </form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {view.suggestions.length > 0 ? (
        <>
          <h2>Suggested links</h2>
          <p>Themes people mention in the same sites and groups where a measure shows a signal. Add one only if it makes sense.</p>
          <ul>
            {view.suggestions.map((s) => (
              <li>
                {measureName.get(s.measure) ?? s.measure} ↔ {themeName.get(s.themeId) ?? s.themeId}: {s.excerpts} excerpts in {s.places} places with a signal
                {canEdit ? (
                  <form method="post" action={`${base}/links`} class="lhs-remove">
                    <CsrfField />
                    <input type="hidden" name="measure" value={s.measure} />
                    <input type="hidden" name="theme" value={String(s.themeId)} />
                    <button type="submit" class="lhs-link-button">
                      Add this link
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? (
        <>
          <h2>Add a link</h2>
          <form method="post" action={`${base}/links`} class="lhs-inline-form">
            <CsrfField />
            <div class="nhsuk-form-group lhs-inline">
              <label class="nhsuk-label" for="measure">
                Measure
              </label>
              <select class="nhsuk-select" id="measure" name="measure">
                {view.measures.map((m) => (
                  <option value={m.code}>{m.name}</option>
                ))}
              </select>
            </div>
            <div class="nhsuk-form-group lhs-inline">
              <label class="nhsuk-label" for="theme">
                Theme
              </label>
              <select class="nhsuk-select" id="theme" name="theme">
                {view.themes.map((t) => (
                  <option value={String(t.id)}>{t.name}</option>
                ))}
              </select>
            </div>
            <button class="nhsuk-button nhsuk-button--secondary" type="submit">
              Link
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  )
}
