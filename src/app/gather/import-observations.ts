/** Import an observation file (CSV or XLSX): validate everything, then write it in one transaction. */
import { hasErrors, type Issue, type Parsed } from '../../core/issues.ts'
import type { ObservationInput } from '../../core/model.ts'
import { parseObservationsCsv, parseObservationsCsvStream, parseObservationsXlsx, type ObservationFileContext } from '../../ingest/index.ts'
import { findGaps, findOutliers } from '../../storage/data-quality.ts'
import { finishImport, startImport } from '../../storage/imports.ts'
import { upsertObservations } from '../../storage/observations.ts'
import { listSites } from '../../storage/sites.ts'
import { getProgrammeScope, listProgrammeMeasures } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { qualityIssues } from './quality-issues.ts'

export type FileFormat = 'csv' | 'xlsx'

export interface ImportObservationsRequest {
  readonly organisation: string
  readonly programme: string
  readonly fileName: string
  readonly format: FileFormat
  /** The whole file, or a stream of chunks (CSV only) so progress can be shown while reading. */
  readonly content: Uint8Array | AsyncIterable<Uint8Array | string>
  readonly createdBy: string
  readonly onProgress?: ImportProgress
}

export interface ImportProgress {
  /** `checking`: every row is written and the data-quality checks (gaps, outliers) start. */
  (stage: 'reading' | 'writing' | 'checking', done: number, total: number): void
}

export interface ImportReport {
  readonly importId: number | null
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  readonly issues: readonly Issue[]
}

export async function importObservations(deps: AppDeps, request: ImportObservationsRequest): Promise<ImportReport> {
  const scope = await getProgrammeScope(deps, request.organisation, request.programme)
  const db = deps.store.db
  const measures = await listProgrammeMeasures(deps, scope)
  const sites = await listSites(db, scope.organisation.id)
  const context: ObservationFileContext = {
    file: request.fileName,
    measures: new Map(measures.map((m) => [m.code, { kind: m.kind, period: m.period, rateMultiplier: m.rateMultiplier }])),
    sites: new Set(sites.filter((s) => s.kind !== 'system').map((s) => s.code)),
  }
  const parsed = await parse(request, context)
  if (hasErrors(parsed.issues)) return { importId: null, inserted: 0, updated: 0, unchanged: 0, issues: parsed.issues }

  const rows = parsed.value
  const rootSite = sites.find((s) => s.kind === 'system' && s.code === scope.organisation.code)
  if (!rootSite) throw new Error(`organisation ${scope.organisation.code} has no root site`)
  const organisationId = scope.organisation.id
  return db.transaction().execute(async (trx) => {
    const now = deps.clock()
    request.onProgress?.('writing', 0, rows.length)
    const importId = await startImport(trx, organisationId, scope.programme.id, 'observations', request.fileName, request.createdBy, now)
    const counts = await upsertObservations(
      trx,
      {
        organisationId,
        measureIds: new Map(measures.map((m) => [m.code, m.id])),
        siteIds: new Map(sites.map((s) => [s.code, s.id])),
        rootSiteId: rootSite.id,
        importId,
        source: `file:${request.fileName}`,
        importedAt: now,
        ...(request.onProgress ? { onProgress: (done: number) => request.onProgress?.('writing', done, rows.length) } : {}),
      },
      rows,
    )
    request.onProgress?.('checking', rows.length, rows.length)
    const [gaps, outliers] = await Promise.all([findGaps(trx, organisationId, importId), findOutliers(trx, organisationId, importId)])
    const issues = [...parsed.issues, ...qualityIssues(gaps, outliers, { measures, sites, fileName: request.fileName })]
    await finishImport(trx, organisationId, importId, counts, issues)
    return { importId, ...counts, issues }
  })
}

async function parse(request: ImportObservationsRequest, context: ObservationFileContext): Promise<Parsed<ObservationInput[]>> {
  const { content } = request
  if (request.format === 'xlsx') {
    if (!(content instanceof Uint8Array)) throw new Error('an XLSX import needs the whole file as bytes')
    return parseObservationsXlsx(content, context)
  }
  if (content instanceof Uint8Array) return parseObservationsCsv(content, context)
  const progress = request.onProgress
  return parseObservationsCsvStream(content, context, progress ? (bytes) => progress('reading', bytes, 0) : undefined)
}
