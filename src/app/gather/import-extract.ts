/**
 * Import a patient-level extract (CSV or Parquet) as observations: the chosen measures' stored
 * extract definitions are aggregated in DuckDB (ingest/extract), and only the aggregates are
 * written, in one transaction with the import recorded, data quality checked and the attempt
 * audited; new numbers then refresh the programme as any import does. The patient-level rows are
 * never stored: not in the database, not in a file. @see docs/methods/extracts.md
 */
import { AppError } from '../../core/errors.ts'
import { parseExtractDefinition, type ExtractMeasure } from '../../core/extract/index.ts'
import { hasErrors, type Issue } from '../../core/issues.ts'
import { aggregateExtract, type ExtractStage } from '../../ingest/extract/aggregate-extract.ts'
import { findGaps, findOutliers } from '../../storage/data-quality.ts'
import { finishImport, startImport } from '../../storage/imports.ts'
import { listExtractDefinitions } from '../../storage/measure-extracts.ts'
import { upsertObservations } from '../../storage/observations.ts'
import { listSites } from '../../storage/sites.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getProgrammeScope, listProgrammeMeasures, type MeasureRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { refreshAfterImport } from './after-import.ts'
import { storedFileName } from './import-file.ts'
import type { ImportReport } from './import-observations.ts'
import { qualityIssues } from './quality-issues.ts'

export interface ExtractImportRequest {
  readonly organisation: string
  readonly programme: string
  /** Absolute path of the extract; it is read where it is, never copied. */
  readonly path: string
  readonly fileName: string
  /** Codes of the measures to work out; each must have an extract definition. */
  readonly measures: readonly string[]
  readonly onProgress?: (stage: ExtractStage, fraction: number) => void
}

export interface ExtractImportReport extends ImportReport {
  /** Rows in the extract (none of them stored). */
  readonly sourceRows: number
  /** Observations worked out from them. */
  readonly observations: number
  /** Time spent aggregating in DuckDB. */
  readonly aggregationSeconds: number
}

export async function importExtract(deps: AppDeps, actor: Actor, request: ExtractImportRequest): Promise<ExtractImportReport> {
  const scope = await getProgrammeScope(deps, request.organisation, request.programme)
  const fileName = storedFileName(request.fileName)
  const db = deps.store.db
  const organisationId = scope.organisation.id
  const [measures, definitions, sites] = await Promise.all([listProgrammeMeasures(deps, scope), listExtractDefinitions(db, organisationId, scope.programme.id), listSites(db, organisationId)])
  const chosen = extractMeasures(measures, definitions, request.measures)
  const aggregation = await aggregateExtract(request.path, chosen, {
    fileName,
    sites: new Set(sites.filter((s) => s.kind !== 'system').map((s) => s.code)),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  })
  const target = `organisation:${scope.organisation.code}/programme:${scope.programme.code}/file:${fileName.slice(0, 200)}`
  const summary = { measures: chosen.map((m) => m.code), sourceRows: aggregation.sourceRows }
  const base = { sourceRows: aggregation.sourceRows, observations: aggregation.rows.length, aggregationSeconds: aggregation.seconds }
  if (hasErrors(aggregation.issues)) {
    const errors = aggregation.issues.filter((i) => i.severity === 'error').length
    await audit(deps, actor, { organisationId, action: 'import.extract.rejected', target, after: { ...summary, inserted: 0, updated: 0, unchanged: 0, errors } })
    return { importId: null, inserted: 0, updated: 0, unchanged: 0, issues: aggregation.issues, ...base }
  }
  const rootSite = sites.find((s) => s.kind === 'system' && s.code === scope.organisation.code)
  if (!rootSite) throw new Error(`organisation ${scope.organisation.code} has no root site`)
  const report = await db.transaction().execute(async (trx) => {
    const now = deps.clock()
    const importId = await startImport(trx, organisationId, scope.programme.id, 'observations', fileName, actor.name, now)
    const context = { organisationId, measureIds: new Map(measures.map((m) => [m.code, m.id])), siteIds: new Map(sites.map((s) => [s.code, s.id])), rootSiteId: rootSite.id, importId, source: `extract:${fileName}`, importedAt: now }
    const counts = await upsertObservations(trx, context, aggregation.rows)
    const [gaps, outliers] = await Promise.all([findGaps(trx, organisationId, importId), findOutliers(trx, organisationId, importId)])
    const issues: Issue[] = [...aggregation.issues, ...qualityIssues(gaps, outliers, { measures, sites, fileName })]
    await finishImport(trx, organisationId, importId, counts, issues)
    await audit(deps, actor, { organisationId, action: 'import.extract', target, after: { ...summary, ...counts, errors: 0 } }, trx)
    return { importId, ...counts, issues }
  })
  await refreshAfterImport(deps, scope, report.importId)
  return { ...report, ...base }
}

/** The requested measures with their definitions checked again against the measure as it is now; an `invalid_request` naming what is wrong. */
function extractMeasures(measures: readonly MeasureRow[], definitions: ReadonlyMap<string, unknown>, codes: readonly string[]): ExtractMeasure[] {
  if (codes.length === 0) throw new AppError('invalid_request', `Name the measures to work out from the extract (measures with an extract definition: ${[...definitions.keys()].join(', ') || 'none yet'}).`)
  const byCode = new Map(measures.map((m) => [m.code, m]))
  const withDefinition = [...definitions.keys()].join(', ') || 'none yet: add an "extract" object to the measure in a measures JSON file'
  const issues: Issue[] = []
  const chosen: ExtractMeasure[] = []
  for (const code of new Set(codes)) {
    const measure = byCode.get(code)
    const raw = definitions.get(code)
    if (measure === undefined || raw === undefined) {
      const problem = measure === undefined ? `No measure with code "${code}" in this programme` : `Measure "${code}" has no extract definition`
      issues.push({ severity: 'error', code: measure === undefined ? 'unknown_measure' : 'no_extract_definition', message: `${problem} (measures with one: ${withDefinition}).`, value: code })
      continue
    }
    const parsed = parseExtractDefinition(raw, { code, kind: measure.kind })
    if (!parsed.ok) {
      for (const p of parsed.problems) issues.push({ severity: 'error', code: p.code, message: `${p.problem}: the stored definition no longer fits the measure (expected ${p.expected}); import the measure's definition again.`, column: p.field })
      continue
    }
    chosen.push({ code, kind: measure.kind, period: measure.period, rateMultiplier: measure.rateMultiplier, definition: parsed.definition })
  }
  if (issues.length > 0) throw new AppError('invalid_request', issues.map((i) => i.message).join(' '), issues)
  return chosen
}
