/** The codebook: themes as a tree with definitions and examples; for analysts, ready-made frames, new themes, and REFI-QDA import and export. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { FRAMES, type ThemeRow } from '../../../app/insight/codebook.ts'
import type { Issue } from '../../../core/issues.ts'
import { issueLocation } from '../../../core/issues.ts'
import type { Role } from '../../../core/access.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { Field, describedBy, type FormProblem } from '../form-field.tsx'
import { CsrfField } from '../layout.tsx'
import { Done, InsightFrame } from './insight-frame.tsx'

interface CodebookPageProps {
  readonly scope: ProgrammeScope
  readonly role: Role
  readonly themes: readonly ThemeRow[]
  readonly canEdit: boolean
  readonly problem?: FormProblem | undefined
  readonly issues?: readonly Issue[]
  readonly done?: string | undefined
}

export function CodebookPage({ scope, role, themes, canEdit, problem, issues = [], done }: CodebookPageProps) {
  const children = (parentId: number | null) => themes.filter((t) => t.parentId === parentId)
  const Tree = ({ parentId }: { parentId: number | null }) => {
    const list = children(parentId)
    if (list.length === 0) return null
    return (
      <ul class="lhs-codebook">
        {list.map((t) => (
          <li>
            <strong>{t.name}</strong>
            {canEdit ? (
              <>
                {' '}
                <a class="nhsuk-body-s" href={`codebook/${t.id}`}>
                  Change<span class="nhsuk-u-visually-hidden"> {t.name}</span>
                </a>
              </>
            ) : null}
            {t.definition ? <span class="lhs-muted">: {t.definition}</span> : null}
            {t.examples.length > 0 ? <span class="nhsuk-body-s lhs-muted"> For example: {t.examples.map((e) => `“${e}”`).join('; ')}</span> : null}
            <Tree parentId={t.id} />
          </li>
        ))}
      </ul>
    )
  }
  const errors = issues.filter((i) => i.severity === 'error')
  return (
    <InsightFrame scope={scope} role={role} view="codebook" title="Codebook" error={problem !== undefined || errors.length > 0}>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      {errors.length > 0 ? <ErrorSummary items={errors.slice(0, 20).map((i) => ({ href: '#qdc-file', text: `${issueLocation(i)}${i.message}` }))} /> : null}
      <Done message={done} />
      <p>
        The themes excerpts are coded into, with what each means. {themes.length.toLocaleString('en-GB')} themes.{' '}
        <a href="codebook.qdc" download={`${scope.programme.code}-codebook.qdc`}>
          Download the codebook for NVivo, QualCoder, ATLAS.ti or MAXQDA (REFI-QDA .qdc)
        </a>
      </p>
      {themes.length === 0 ? <p>The codebook is empty.</p> : <Tree parentId={null} />}
      {canEdit ? (
        <>
          <h2>Start from a ready-made framework</h2>
          <form method="post" action="codebook/frames" class="lhs-inline-form">
            <CsrfField />
            <div class="nhsuk-form-group lhs-inline">
              <label class="nhsuk-label" for="frame">
                Framework
              </label>
              <select class="nhsuk-select" id="frame" name="frame">
                {FRAMES.map((f) => (
                  <option value={f.key}>{f.name}</option>
                ))}
              </select>
            </div>
            <button class="nhsuk-button nhsuk-button--secondary" type="submit">
              Add to the codebook
            </button>
          </form>
          <h2>Add a theme</h2>
          <form method="post" action="codebook" novalidate>
            <CsrfField />
            <Field id="parent" label="Under" problem={problem}>
              <select class="nhsuk-select" id="parent" name="parent">
                <option value="">Top level</option>
                {themes.map((t) => (
                  <option value={String(t.id)}>{t.name}</option>
                ))}
              </select>
            </Field>
            <ThemeFields problem={problem} />
            <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
              Add theme
            </button>
          </form>
          <h2>Import a codebook</h2>
          <form method="post" action="codebook/import" enctype="multipart/form-data" novalidate>
            <CsrfField />
            <Field id="qdc-file" label="REFI-QDA codebook file (.qdc)" hint="Themes already here (the same guid) are updated; new ones are added. Nothing changes if the file has an error." problem={problem}>
              <input class="nhsuk-file-upload" type="file" id="qdc-file" name="file" accept=".qdc,.xml" aria-describedby="qdc-file-hint" />
            </Field>
            <button class="nhsuk-button nhsuk-button--secondary" type="submit">
              Import
            </button>
          </form>
          <p>
            <a href="codebook/proposals">Suggest new themes from the excerpts nobody has coded yet</a>
          </p>
        </>
      ) : null}
    </InsightFrame>
  )
}

export function ThemeFields({ problem, values }: { problem?: FormProblem | undefined; values?: { name: string; definition: string; examples: readonly string[] } }) {
  return (
    <>
      <Field id="name" label="Name" problem={problem}>
        <input class="nhsuk-input" type="text" id="name" name="name" maxlength={200} value={values?.name ?? ''} {...describedBy('name', problem)} />
      </Field>
      <Field id="definition" label="What it means (optional)" problem={problem}>
        <textarea class="nhsuk-textarea" id="definition" name="definition" rows={3} maxlength={4000} {...describedBy('definition', problem)}>
          {values?.definition ?? ''}
        </textarea>
      </Field>
      <Field id="examples" label="Examples (optional)" hint="One per line" problem={problem}>
        <textarea class="nhsuk-textarea" id="examples" name="examples" rows={3} aria-describedby="examples-hint">
          {values?.examples.join('\n') ?? ''}
        </textarea>
      </Field>
    </>
  )
}
