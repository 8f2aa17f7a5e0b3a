/**
 * Import insight from a file: CSV or XLSX (columns text, date, site, source, fft, group columns,
 * tags) or FHIR R4 QuestionnaireResponse resources (a Bundle as .json, or NDJSON). Every problem is
 * reported with file, line and column and, if any is an error, nothing is written; otherwise the
 * records are de-identified and written with the import's record in one transaction. Audited
 * either way, with counts only. A successful import refreshes the programme's findings.
 */
import { AppError } from '../../core/errors.ts'
import { hasErrors, type Issue, type Parsed } from '../../core/issues.ts'
import type { InsightInput } from '../../core/insight/model.ts'
import { FEEDBACK_QUESTIONNAIRE, parseInsightsCsv, parseInsightsXlsx, parseQuestionnaireResponses, type InsightFileOptions } from '../../ingest/index.ts'
import { finishImport, startImport } from '../../storage/imports.ts'
import { listSites } from '../../storage/sites.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { storedFileName } from '../gather/import-file.ts'
import { recomputeFindings } from '../triangulate/compute.ts'
import { inTransaction } from '../transaction.ts'
import { deidentify, storeInsights } from './store-insights.ts'

/** The FHIR Questionnaire imported responses answer, for people building forms against it. */
export const FEEDBACK_FHIR_QUESTIONNAIRE = FEEDBACK_QUESTIONNAIRE

export type InsightFileFormat = 'csv' | 'xlsx' | 'fhir'

export interface InsightImportReport {
  readonly importId: number | null
  readonly records: number
  readonly excerpts: number
  readonly redacted: Readonly<Record<string, number>>
  readonly issues: readonly Issue[]
}

/** The format from the file name: .csv, .xlsx, or .json / .ndjson for FHIR. */
export function insightFormatOf(fileName: string): InsightFileFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'csv' || extension === 'xlsx') return extension
  if (extension === 'json' || extension === 'ndjson') return 'fhir'
  throw new AppError('invalid_request', `${storedFileName(fileName)}: an insight file must end in .csv, .xlsx, .json (a FHIR Bundle) or .ndjson (FHIR resources, one per line).`)
}

export async function importInsights(deps: AppDeps, actor: Actor, scope: ProgrammeScope, fileName: string, content: Uint8Array): Promise<InsightImportReport> {
  const format = insightFormatOf(fileName)
  const file = storedFileName(fileName)
  const sites = await listSites(deps.store.db, scope.organisation.id)
  const options: InsightFileOptions = { file, sites: new Set(sites.filter((s) => s.kind !== 'system').map((s) => s.code)), today: deps.clock().toISOString().slice(0, 10) }
  const raw: Parsed<InsightInput[]> = format === 'csv' ? parseInsightsCsv(content, options) : format === 'xlsx' ? await parseInsightsXlsx(content, options) : parseQuestionnaireResponses(content, options)
  // An issue may quote the cell it is about: de-identified like the text, since issues are shown, returned and stored.
  const parsed = { value: raw.value, issues: raw.issues.map(deidentifyIssue) }
  const target = `organisation:${scope.organisation.code}/programme:${scope.programme.code}/file:${file.slice(0, 200)}`
  if (hasErrors(parsed.issues)) {
    const errors = parsed.issues.filter((i) => i.severity === 'error').length
    await audit(deps, actor, { organisationId: scope.organisation.id, action: 'import.insights.rejected', target, after: { bytes: content.byteLength, errors } })
    return { importId: null, records: 0, excerpts: 0, redacted: {}, issues: parsed.issues }
  }
  const report = await inTransaction(deps, async (tx) => {
    const importId = await startImport(tx.store.db, scope.organisation.id, scope.programme.id, 'insights', file, actor.name, deps.clock())
    const counts = await storeInsights(tx, scope, parsed.value, { createdBy: actor.name, importId })
    await finishImport(tx.store.db, scope.organisation.id, importId, { inserted: counts.records, updated: 0, unchanged: 0 }, parsed.issues)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'import.insights', target, after: { bytes: content.byteLength, records: counts.records, excerpts: counts.excerpts, redacted: counts.redacted } }, tx.store.db)
    return { importId, records: counts.records, excerpts: counts.excerpts, redacted: counts.redacted, issues: parsed.issues }
  })
  // New insight: the programme's findings are worked out again straight away.
  await recomputeFindings(deps, scope)
  return report
}

function deidentifyIssue(issue: Issue): Issue {
  return { ...issue, message: deidentify(issue.message), ...(issue.value === undefined ? {} : { value: deidentify(issue.value) }) }
}
