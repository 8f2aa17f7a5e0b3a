/** The answer to a file import, shared by the measure, observation and FHIR import routes. */
import type { ImportReport } from '../../app/gather/import-observations.ts'
import { AppError } from '../../core/errors.ts'
import { hasErrors } from '../../core/issues.ts'

/**
 * The JSON body for a written import: counts and every warning. When the file has errors nothing
 * was written, and this throws `invalid_file` (422) carrying every issue instead.
 */
export function importReportBody(fileName: string, report: ImportReport) {
  if (hasErrors(report.issues)) {
    const count = report.issues.filter((i) => i.severity === 'error').length
    throw new AppError('invalid_file', `${fileName} has ${count} error${count === 1 ? '' : 's'}; nothing was imported.`, report.issues)
  }
  return { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, issues: [...report.issues] }
}
