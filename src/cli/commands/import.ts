/** `lhs import measures|observations|insights|fhir|extract FILE --programme CODE`: validate, then write all or nothing (insight de-identified first). */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { getProgrammeScope, listOrganisations } from '../../app/catalogue.ts'
import { importInsights, insightFormatOf } from '../../app/insight/import-insights.ts'
import { refreshAfterImport } from '../../app/gather/after-import.ts'
import type { AppDeps } from '../../app/deps.ts'
import { formatOf } from '../../app/gather/import-file.ts'
import { importMeasures } from '../../app/gather/import-measures.ts'
import { importObservations, type ImportReport } from '../../app/gather/import-observations.ts'
import { hasErrors } from '../../core/issues.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, EXIT_USAGE, readFailure, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { createProgress } from '../progress.ts'
import { printImportReport } from '../report-table.ts'
import { importFhirFile } from './import-fhir.ts'

const KINDS = ['measures', 'observations', 'insights', 'fhir', 'extract'] as const
type Kind = (typeof KINDS)[number]

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { programme: { type: 'string' }, organisation: { type: 'string' }, json: { type: 'boolean', default: false }, measure: { type: 'string', multiple: true } },
    strict: true,
    allowPositionals: true,
  })
  const [kind, fileArgument, ...extra] = positionals
  if (kind === undefined || !KINDS.includes(kind as Kind)) throw new UsageError(`import: say what to import: "lhs import measures FILE", "lhs import observations FILE" or "lhs import insights FILE" (got ${kind === undefined ? 'nothing' : `"${kind}"`}).`)
  if (fileArgument === undefined) throw new UsageError(`import ${kind}: give the file to import.`)
  const file = resolve(io.cwd, fileArgument)
  if (extra.length > 0) throw new UsageError(`import ${kind}: unexpected argument "${extra[0]}" (import one file at a time).`)
  if (!values.programme) throw new UsageError(`import ${kind}: give the programme with --programme CODE.`)
  const size = await stat(file).then(
    (s) => {
      if (s.isDirectory()) throw new UsageError(`import ${kind}: cannot read ${fileArgument} (it is a folder, not a file).`)
      return s.size
    },
    (error: unknown) => {
      throw new UsageError(`import ${kind}: cannot read ${fileArgument} (${readFailure(error)}).`)
    },
  )
  // Loaded when used: DuckDB's native module costs every other command (and the server) about 20 MB.
  if (kind === 'extract') return (await import('./import-extract.ts')).importExtractFile(io, file, size, values)
  if (values.measure !== undefined) throw new UsageError(`import ${kind}: --measure is only for "lhs import extract".`)
  if (kind === 'insights') return importInsightsFile(io, file, values)
  if (kind === 'fhir') return importFhirFile(io, file, values)
  const format = formatOf(file, kind as 'measures' | 'observations')

  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisation = values.organisation ?? (await defaultOrganisation(deps))
    const request = { organisation, programme: values.programme, fileName: basename(file), createdBy: 'cli' }
    let report: ImportReport
    if (kind === 'measures') {
      report = await importMeasures(deps, { ...request, format: format === 'json' ? 'json' : 'csv', content: await readFile(file) })
    } else {
      const progress = createProgress(io, size)
      try {
        const content = format === 'xlsx' ? new Uint8Array(await readFile(file)) : createReadStream(file)
        report = await importObservations(deps, { ...request, format: format === 'xlsx' ? 'xlsx' : 'csv', content, onProgress: progress.update })
      } finally {
        progress.stop()
      }
    }
    if (kind === 'observations' && report.importId !== null) await refreshAfterImport(deps, await getProgrammeScope(deps, organisation, values.programme), report.importId)
    return printImportReport(io, basename(file), report, values.json)
  } finally {
    await deps.store.close()
  }
}

async function defaultOrganisation(deps: AppDeps): Promise<string> {
  const organisations = await listOrganisations(deps)
  if (organisations.length === 1 && organisations[0]) return organisations[0].code
  const codes = organisations.map((o) => o.code).join(', ') || 'none yet'
  throw new UsageError(`give the organisation with --organisation CODE (organisations: ${codes}).`)
}

/** Insight files (CSV, XLSX, FHIR Bundle or NDJSON): every text de-identified before it is stored. */
async function importInsightsFile(io: CliIo, file: string, values: { programme?: string | undefined; organisation?: string | undefined; json?: boolean | undefined }): Promise<number> {
  insightFormatOf(file)
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisation = values.organisation ?? (await defaultOrganisation(deps))
    const scope = await getProgrammeScope(deps, organisation, values.programme ?? '')
    const report = await importInsights(deps, CLI_ACTOR, scope, basename(file), new Uint8Array(await readFile(file)))
    if (values.json) io.stdout(JSON.stringify({ records: report.records, excerpts: report.excerpts, redacted: report.redacted, issues: report.issues }, null, 2) + '\n')
    else {
      for (const issue of report.issues) io.stderr(`${issue.severity}: ${issue.message}\n`)
      const removed = Object.entries(report.redacted).map(([type, n]) => `${n} ${type.replace('_', ' ')}`).join(', ')
      io.stdout(report.importId === null ? `${basename(file)}: nothing imported.\n` : `${basename(file)}: ${report.records} records, ${report.excerpts} excerpts; ${removed === '' ? 'no identifiers found' : `removed before saving: ${removed}`}.\n`)
    }
    return hasErrors(report.issues) ? EXIT_USAGE : EXIT_OK
  } finally {
    await deps.store.close()
  }
}
