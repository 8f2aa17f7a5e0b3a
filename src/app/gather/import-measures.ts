/** Import measure definitions (CSV or JSON) into a programme, in one transaction. */
import { hasErrors, type Issue } from '../../core/issues.ts'
import { parseMeasuresCsv, parseMeasuresJson } from '../../ingest/index.ts'
import { upsertMeasures } from '../../storage/measures.ts'
import { finishImport, startImport } from '../../storage/imports.ts'
import { getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import type { ImportReport } from './import-observations.ts'

export interface ImportMeasuresRequest {
  readonly organisation: string
  readonly programme: string
  readonly fileName: string
  readonly format: 'csv' | 'json'
  readonly content: Uint8Array | string
  readonly createdBy: string
}

export async function importMeasures(deps: AppDeps, request: ImportMeasuresRequest): Promise<ImportReport> {
  const scope = await getProgrammeScope(deps, request.organisation, request.programme)
  const text = typeof request.content === 'string' ? request.content : new TextDecoder().decode(request.content)
  const parsed = request.format === 'json' ? parseMeasuresJson(text, request.fileName) : parseMeasuresCsv(text, request.fileName)
  const issues: readonly Issue[] = parsed.issues
  if (hasErrors(issues)) return { importId: null, inserted: 0, updated: 0, unchanged: 0, issues }
  return deps.store.db.transaction().execute(async (trx) => {
    const organisationId = scope.organisation.id
    const importId = await startImport(trx, organisationId, scope.programme.id, 'measures', request.fileName, request.createdBy, deps.clock())
    const counts = await upsertMeasures(trx, organisationId, scope.programme.id, parsed.value)
    await finishImport(trx, organisationId, importId, counts, issues)
    return { importId, ...counts, issues }
  })
}
