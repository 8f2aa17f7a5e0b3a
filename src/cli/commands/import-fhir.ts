/** `lhs import fhir FILE --programme CODE [--organisation CODE] [--json]`: FHIR R4 summary MeasureReports as observations, all or nothing. */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { listOrganisations } from '../../app/catalogue.ts'
import { importFhir } from '../../app/gather/import-fhir.ts'
import { readConfig } from '../config.ts'
import { UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { printImportReport } from '../report-table.ts'

export async function importFhirFile(io: CliIo, file: string, values: { programme?: string | undefined; organisation?: string | undefined; json?: boolean | undefined }): Promise<number> {
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisations = await listOrganisations(deps)
    const organisation = values.organisation ?? (organisations.length === 1 ? organisations[0]?.code : undefined)
    if (!organisation) throw new UsageError(`import fhir: give the organisation with --organisation CODE (organisations: ${organisations.map((o) => o.code).join(', ') || 'none yet'}).`)
    const report = await importFhir(deps, CLI_ACTOR, { organisation, programme: values.programme ?? '', fileName: basename(file), content: new Uint8Array(await readFile(file)) })
    return printImportReport(io, basename(file), report, values.json)
  } finally {
    await deps.store.close()
  }
}
