/** An import on behalf of someone: the file is imported, the attempt is written to the audit trail, and new observations refresh the programme's findings and the reviews of the actions they touch. */
import { hasErrors } from '../../core/issues.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { AppDeps } from '../deps.ts'
import { importFile, type ImportFileRequest } from './import-file.ts'
import { getProgrammeScope } from '../catalogue.ts'
import { refreshAfterImport } from './after-import.ts'
import type { ImportReport } from './import-observations.ts'

export async function importFileAs(deps: AppDeps, actor: Actor, organisationId: number, request: Omit<ImportFileRequest, 'createdBy'>): Promise<ImportReport> {
  const report = await importFile(deps, { ...request, createdBy: actor.name })
  const errors = report.issues.filter((i) => i.severity === 'error').length
  await audit(deps, actor, {
    organisationId,
    action: hasErrors(report.issues) ? `import.${request.kind}.rejected` : `import.${request.kind}`,
    target: `organisation:${request.organisation}/programme:${request.programme}/file:${request.fileName.slice(0, 200)}`,
    after: { bytes: request.content.byteLength, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, errors },
  })
  // New numbers: the programme's findings are worked out again and the affected actions reviewed.
  if (request.kind === 'observations' && report.importId !== null) await refreshAfterImport(deps, await getProgrammeScope(deps, request.organisation, request.programme), report.importId)
  return report
}
