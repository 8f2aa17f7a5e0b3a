/**
 * Import FHIR R4 summary MeasureReports (a Bundle or NDJSON) as observations: check everything,
 * then write in one transaction with the import recorded and data quality checked, as CSV imports
 * are; the attempt is audited and new numbers refresh the programme's findings and reviews.
 * The import is recorded with kind `observations` (the imports table has no format column; the
 * source of each row is `fhir:<file>`).
 */
import { hasErrors } from '../../core/issues.ts'
import { parseMeasureReportBundle } from '../../ingest/parse-measure-report-bundle.ts'
import { findGaps, findOutliers } from '../../storage/data-quality.ts'
import { finishImport, startImport } from '../../storage/imports.ts'
import { upsertObservations } from '../../storage/observations.ts'
import { listSites } from '../../storage/sites.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getProgrammeScope, listProgrammeMeasures } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { refreshAfterImport } from './after-import.ts'
import { storedFileName } from './import-file.ts'
import type { ImportReport } from './import-observations.ts'
import { qualityIssues } from './quality-issues.ts'

export interface FhirImportRequest {
  readonly organisation: string
  readonly programme: string
  readonly fileName: string
  readonly content: Uint8Array | string
}

export async function importFhir(deps: AppDeps, actor: Actor, request: FhirImportRequest): Promise<ImportReport> {
  const scope = await getProgrammeScope(deps, request.organisation, request.programme)
  const fileName = storedFileName(request.fileName)
  const db = deps.store.db
  const organisationId = scope.organisation.id
  const measures = await listProgrammeMeasures(deps, scope)
  const sites = await listSites(db, organisationId)
  const parsed = parseMeasureReportBundle(request.content, {
    file: fileName,
    organisation: scope.organisation.code,
    measures: new Map(measures.map((m) => [m.code, { kind: m.kind, period: m.period, rateMultiplier: m.rateMultiplier }])),
    sites: new Set(sites.filter((s) => s.kind !== 'system').map((s) => s.code)),
  })
  const target = `organisation:${scope.organisation.code}/programme:${scope.programme.code}/file:${fileName.slice(0, 200)}`
  const bytes = typeof request.content === 'string' ? new TextEncoder().encode(request.content).byteLength : request.content.byteLength
  if (hasErrors(parsed.issues)) {
    const errors = parsed.issues.filter((i) => i.severity === 'error').length
    await audit(deps, actor, { organisationId, action: 'import.fhir.rejected', target, after: { bytes, inserted: 0, updated: 0, unchanged: 0, errors } })
    return { importId: null, inserted: 0, updated: 0, unchanged: 0, issues: parsed.issues }
  }
  const rootSite = sites.find((s) => s.kind === 'system' && s.code === scope.organisation.code)
  if (!rootSite) throw new Error(`organisation ${scope.organisation.code} has no root site`)
  const report = await db.transaction().execute(async (trx) => {
    const now = deps.clock()
    const importId = await startImport(trx, organisationId, scope.programme.id, 'observations', fileName, actor.name, now)
    const context = { organisationId, measureIds: new Map(measures.map((m) => [m.code, m.id])), siteIds: new Map(sites.map((s) => [s.code, s.id])), rootSiteId: rootSite.id, importId, source: `fhir:${fileName}`, importedAt: now }
    const counts = await upsertObservations(trx, context, parsed.value)
    const [gaps, outliers] = await Promise.all([findGaps(trx, organisationId, importId), findOutliers(trx, organisationId, importId)])
    const issues = [...parsed.issues, ...qualityIssues(gaps, outliers, { measures, sites, fileName })]
    await finishImport(trx, organisationId, importId, counts, issues)
    await audit(deps, actor, { organisationId, action: 'import.fhir', target, after: { bytes, ...counts, errors: 0 } }, trx)
    return { importId, ...counts, issues }
  })
  await refreshAfterImport(deps, scope, report.importId)
  return report
}
