/** Import insight from a file: CSV, Excel or FHIR QuestionnaireResponse; every problem listed; nothing stored while there is an error. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { InsightImportReport } from '../../../app/insight/import-insights.ts'
import type { Role } from '../../../core/access.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { Field, type FormProblem } from '../form-field.tsx'
import { IssueTable } from '../import-page.tsx'
import { CsrfField } from '../layout.tsx'
import { InsightFrame } from './insight-frame.tsx'

const COLUMNS: readonly [string, string][] = [
  ['text', 'what the person said (required)'],
  ['date', 'when, as YYYY-MM-DD or an Excel date (required)'],
  ['site', 'the site code; blank for the whole organisation'],
  ['source', 'patient, carer, staff, community or interview (default patient)'],
  ['fft', 'Friends and Family Test answer: 1 to 6, or the words, such as "Very good"'],
  ['age_band, ethnicity, sex, imd_quintile', 'community groups; blank means not stated'],
  ['tags', 'words separated by ; or ,'],
]

interface InsightImportPageProps {
  readonly scope: ProgrammeScope
  readonly role: Role
  readonly problem?: FormProblem | undefined
  readonly fileName?: string
  readonly report?: InsightImportReport
}

export function InsightImportPage({ scope, role, problem, fileName, report }: InsightImportPageProps) {
  const errors = report?.issues.filter((i) => i.severity === 'error') ?? []
  const warnings = report?.issues.filter((i) => i.severity === 'warning') ?? []
  return (
    <InsightFrame scope={scope} role={role} view="import" title="Import insight" error={problem !== undefined || errors.length > 0}>
      {problem ? <ErrorSummary items={[{ href: '#file', text: problem.message }]} /> : null}
      {errors.length > 0 ? <ErrorSummary items={[{ href: '#issues', text: `${fileName}: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix. Nothing was imported.` }]} /> : null}
      {report && errors.length === 0 ? (
        <div class="nhsuk-panel lhs-success" role="status">
          <h2 class="nhsuk-panel__title">Imported {fileName}</h2>
          <div class="nhsuk-panel__body">
            {report.records.toLocaleString('en-GB')} records, {report.excerpts.toLocaleString('en-GB')} excerpts.{' '}
            {Object.keys(report.redacted).length > 0
              ? `Removed before saving: ${Object.entries(report.redacted)
                  .map(([type, n]) => `${n} ${type.replace('_', ' ')}`)
                  .join(', ')}.`
              : 'No identifiers were found.'}
          </div>
        </div>
      ) : null}
      {errors.length > 0 ? <IssueTable title={`Problems in ${fileName}`} issues={report?.issues ?? []} /> : warnings.length > 0 ? <IssueTable title="Warnings" issues={warnings} /> : null}
      <p>
        Feedback exported from another system (such as Friends and Family Test returns) or notes kept in a spreadsheet. Names, NHS numbers, phone numbers, email and postal addresses are
        removed from every text before it is saved. Importing the same file twice stores it twice.
      </p>
      <h2>CSV or Excel columns</h2>
      <dl class="nhsuk-summary-list">
        {COLUMNS.map(([column, meaning]) => (
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">
              <code>{column}</code>
            </dt>
            <dd class="nhsuk-summary-list__value">{meaning}</dd>
          </div>
        ))}
      </dl>
      <h2>FHIR</h2>
      <p>
        A FHIR R4 Bundle (.json) or NDJSON file (.ndjson) of QuestionnaireResponse resources answering <a href="questionnaire.json">the LHS feedback Questionnaire</a> (link ids fft, comment,
        site, source-type, age-band, ethnicity, sex, imd-quintile, tags). Only completed or amended responses are imported; a subject, author or encounter is ignored and never stored.
      </p>
      <form method="post" enctype="multipart/form-data" novalidate>
        <CsrfField />
        <Field id="file" label="File (.csv, .xlsx, .json or .ndjson)" problem={problem}>
          <input class="nhsuk-file-upload" type="file" id="file" name="file" accept=".csv,.xlsx,.json,.ndjson" />
        </Field>
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Import
        </button>
      </form>
    </InsightFrame>
  )
}
