/**
 * `lhs import extract FILE --programme CODE --measure CODE [--measure CODE …] [--organisation CODE] [--json]`:
 * a patient-level extract (CSV or Parquet) aggregated in DuckDB by the measures' extract
 * definitions; only the aggregates are imported, all or nothing. Progress on stderr in a terminal.
 */
import { basename } from 'node:path'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { listOrganisations } from '../../app/catalogue.ts'
import { importExtract, type ExtractImportReport } from '../../app/gather/import-extract.ts'
import { extractFormatOf } from '../../ingest/extract/extract-file.ts'
import { readConfig } from '../config.ts'
import { UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { createProgress } from '../progress.ts'
import { printImportReport } from '../report-table.ts'

export interface ExtractOptions {
  readonly programme?: string | undefined
  readonly organisation?: string | undefined
  readonly measure?: readonly string[] | undefined
  readonly json?: boolean | undefined
}

/** `file` is absolute and `size` its bytes (for the progress bar). */
export async function importExtractFile(io: CliIo, file: string, size: number, values: ExtractOptions): Promise<number> {
  if (extractFormatOf(file) === undefined) throw new UsageError(`import extract: ${basename(file)} must end in .csv or .parquet.`)
  const measures = values.measure ?? []
  if (measures.length === 0) throw new UsageError('import extract: name each measure to work out with --measure CODE (repeat it for several).')
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisations = await listOrganisations(deps)
    const organisation = values.organisation ?? (organisations.length === 1 ? organisations[0]?.code : undefined)
    if (!organisation) throw new UsageError(`import extract: give the organisation with --organisation CODE (organisations: ${organisations.map((o) => o.code).join(', ') || 'none yet'}).`)
    const progress = createProgress(io, size)
    let report: ExtractImportReport
    try {
      // DuckDB's progress through the file, shown as bytes of it.
      const onProgress = (_stage: string, fraction: number) => progress.update('reading', Math.round(fraction * size), size)
      report = await importExtract(deps, CLI_ACTOR, { organisation, programme: values.programme ?? '', path: file, fileName: basename(file), measures, onProgress })
    } finally {
      progress.stop()
    }
    if (!values.json && report.importId !== null) {
      const rows = report.sourceRows.toLocaleString('en-GB')
      io.stdout(`${basename(file)}: ${rows} rows aggregated into ${report.observations.toLocaleString('en-GB')} observations in ${report.aggregationSeconds.toFixed(1)} s; no patient-level row was stored.\n`)
    }
    return printImportReport(io, basename(file), report, values.json)
  } finally {
    await deps.store.close()
  }
}
