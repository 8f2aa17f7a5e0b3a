/** The summary table printed at the end of an import. */
import type { ImportReport } from '../app/gather/import-observations.ts'

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
