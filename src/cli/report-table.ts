/** The summary table printed at the end of an import. */
import type { ImportReport } from '../app/gather/import-observations.ts'
import { hasErrors } from '../core/issues.ts'
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.ts'

export function formatReport(file: string, report: ImportReport): string {
  const errors = report.issues.filter((i) => i.severity === 'error').length
  const warnings = report.issues.length - errors
  const rows: [string, string][] = [
    ['File', file],
    ['Inserted', report.inserted.toLocaleString('en-GB')],
    ['Updated', report.updated.toLocaleString('en-GB')],
    ['Unchanged', report.unchanged.toLocaleString('en-GB')],
    ['Errors', String(errors)],
    ['Warnings', String(warnings)],
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  const lines = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)
  const verdict = errors > 0 ? `Nothing was imported: fix the ${errors} error${errors === 1 ? '' : 's'} above and run it again.` : 'Import complete.'
  return `${lines.join('\n')}\n${verdict}\n`
}

/**
 * Print an observation or measure import's outcome: as JSON (counts and issues), or each issue on
 * stderr and the summary table on stdout. The exit code is a usage error when any issue is an error.
 */
export function printImportReport(io: CliIo, fileName: string, report: ImportReport, json: boolean | undefined): number {
  if (json) io.stdout(JSON.stringify({ inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, issues: report.issues }, null, 2) + '\n')
  else {
    for (const issue of report.issues) io.stderr(`${issue.severity}: ${issue.message}\n`)
    io.stdout(formatReport(fileName, report))
  }
  return hasErrors(report.issues) ? EXIT_USAGE : EXIT_OK
}
