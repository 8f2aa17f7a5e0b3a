/** `lhs import fhir FILE --programme CODE [--organisation CODE] [--json]`: FHIR R4 summary MeasureReports as observations, all or nothing. */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { listOrganisations } from '../../app/catalogue.ts'
import { importFhir } from '../../app/gather/import-fhir.ts'
import { hasErrors } from '../../core/issues.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { formatReport } from '../report-table.ts'

export async function importFhirFile(io: CliIo, file: string, values: { programme?: string | undefined; organisation?: string | undefined; json?: boolean | undefined }): Promise<number> {
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisations = await listOrganisations(deps)
    const organisation = values.organisation ?? (organisations.length === 1 ? organisations[0]?.code : undefined)
    if (!organisation) throw new UsageError(`import fhir: give the organisation with --organisation CODE (organisations: ${organisations.map((o) => o.code).join(', ') || 'none yet'}).`)
    const report = await importFhir(deps, CLI_ACTOR, { organisation, programme: values.programme ?? '', fileName: basename(file), content: new Uint8Array(await readFile(file)) })
    if (values.json) io.stdout(JSON.stringify({ inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, issues: report.issues }, null, 2) + '\n')
    else {
      for (const issue of report.issues) io.stderr(`${issue.severity}: ${issue.message}\n`)
      io.stdout(formatReport(basename(file), report))
    }
    return hasErrors(report.issues) ? EXIT_USAGE : EXIT_OK
  } finally {
    await deps.store.close()
  }
}
