/** Upload a file of measures or observations and read the validation report. */
import type { ImportReport } from '../../app/gather/import-observations.ts'
import type { ProgrammeScope } from '../../app/catalogue.ts'
import { ErrorSummary } from './error-summary.tsx'
import { CsrfField, Layout } from './layout.tsx'

export interface ImportPageProps {
  readonly scope: ProgrammeScope
  /** Shown to the user; may be a fraction. */
  readonly uploadLimitMb: string
  readonly result?: { fileName: string; report: ImportReport } | undefined
  /** A problem with the request itself (no file, wrong type), shown as an error message. */
  readonly formError?: string | undefined
}

const HEADER = 'measure,period,site,dimension,group,numerator,denominator,value'

export function ImportPage({ scope, uploadLimitMb, result, formError }: ImportPageProps) {
  const base = `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
  const errors = result?.report.issues.filter((i) => i.severity === 'error') ?? []
  const warnings = result?.report.issues.filter((i) => i.severity === 'warning') ?? []
  return (
    <Layout title={`Import data – ${scope.programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: base }]}>
      {formError ? <ErrorSummary items={[{ href: '#file', text: formError }]} /> : null}
      {result && errors.length > 0 ? <ErrorSummary items={[{ href: '#issues', text: `${result.fileName} has ${errors.length} error${errors.length === 1 ? '' : 's'}. Nothing was imported.` }]} /> : null}
      {result && errors.length === 0 ? <Success fileName={result.fileName} report={result.report} /> : null}
      <h1>Import data</h1>
      {result && result.report.issues.length > 0 ? <IssueTable title={errors.length > 0 ? 'Problems found' : 'Warnings'} issues={[...errors, ...warnings]} /> : null}
      <form method="post" enctype="multipart/form-data" novalidate>
        <CsrfField />
        <div class="nhsuk-form-group">
          <fieldset class="nhsuk-fieldset">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What does the file hold?</legend>
            <div class="nhsuk-radios">
              <Radio id="kind-observations" value="observations" label="Observations (CSV or Excel .xlsx)" hint={`One row per value, with the header ${HEADER.replaceAll(',', ', ')}`} checked />
              <Radio id="kind-measures" value="measures" label="Measure definitions (CSV or JSON)" hint="One row per measure: code, name, type, kind, direction, period and so on" />
            </div>
          </fieldset>
        </div>
        <div class={`nhsuk-form-group${formError ? ' nhsuk-form-group--error' : ''}`}>
          <label class="nhsuk-label" for="file">
            File
          </label>
          <div class="nhsuk-hint" id="file-hint">
            Up to {uploadLimitMb} MB. Nothing is written unless the whole file is correct; importing the same file again changes nothing.
          </div>
          {formError ? (
            <span class="nhsuk-error-message" id="file-error">
              <span class="nhsuk-u-visually-hidden">Error:</span> {formError}
            </span>
          ) : null}
          <input class="nhsuk-file-upload" id="file" name="file" type="file" accept=".csv,.xlsx,.json" aria-describedby={formError ? 'file-hint file-error' : 'file-hint'} required />
        </div>
        <button class="nhsuk-button" type="submit">
          Check and import
        </button>
      </form>
      <details class="nhsuk-details">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">How to lay out an observation file</span>
        </summary>
        <div class="nhsuk-details__text">
          <p>
            The first line must be exactly <code class="lhs-wrap">{HEADER}</code>.
          </p>
          <ul>
            <li>measure: the code of one of this programme's measures</li>
            <li>period: the first day of the period as YYYY-MM-DD (a Monday for weekly measures)</li>
            <li>site: a site code, or empty for the whole organisation</li>
            <li>dimension and group: both empty for all people, or for example imd_quintile and 1</li>
            <li>numerator and denominator: for proportions and rates; value: for counts and averages (worked out for you when empty)</li>
          </ul>
        </div>
      </details>
    </Layout>
  )
}

function Radio({ id, value, label, hint, checked = false }: { id: string; value: string; label: string; hint: string; checked?: boolean }) {
  return (
    <div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id={id} name="kind" type="radio" value={value} checked={checked} aria-describedby={`${id}-hint`} />
      <label class="nhsuk-label nhsuk-radios__label" for={id}>
        {label}
      </label>
      <div class="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
        {hint}
      </div>
    </div>
  )
}


function Success({ fileName, report }: { fileName: string; report: ImportReport }) {
  return (
    <div class="nhsuk-panel lhs-success" role="status">
      <h2 class="nhsuk-panel__title">Imported {fileName}</h2>
      <div class="nhsuk-panel__body">
        {report.inserted.toLocaleString('en-GB')} added, {report.updated.toLocaleString('en-GB')} updated, {report.unchanged.toLocaleString('en-GB')} unchanged.
      </div>
    </div>
  )
}

export function IssueTable({ title, issues }: { title: string; issues: ImportReport['issues'] }) {
  return (
    <div class="lhs-table-scroll" id="issues" tabindex={0} role="region" aria-label={title}>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">{title}</caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th scope="col" class="nhsuk-table__header">Line</th>
            <th scope="col" class="nhsuk-table__header">Column</th>
            <th scope="col" class="nhsuk-table__header">Value</th>
            <th scope="col" class="nhsuk-table__header">Problem</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {issues.map((issue) => (
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">{issue.line ?? ''}</td>
              <td class="nhsuk-table__cell">{issue.column ?? ''}</td>
              <td class="nhsuk-table__cell">{issue.value === undefined ? '' : issue.value === '' ? <span class="lhs-muted">(empty)</span> : <code class="lhs-nowrap">{issue.value}</code>}</td>
              <td class="nhsuk-table__cell">
                {issue.severity === 'warning' ? <strong class="nhsuk-tag nhsuk-tag--yellow lhs-tag">Warning</strong> : <strong class="nhsuk-tag nhsuk-tag--red lhs-tag">Error</strong>} {issue.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
