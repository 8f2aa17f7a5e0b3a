/** An import on behalf of someone: the file is imported, then the attempt is written to the audit trail. */
import { hasErrors } from '../../core/issues.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { AppDeps } from '../deps.ts'
import { importFile, type ImportFileRequest } from './import-file.ts'
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
  return report
}
