/** What new observations set off, whichever way they arrived: the programme's findings are worked out again and the affected actions reviewed. */
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { reviewAfterImport } from '../review/review-after-import.ts'
import { recomputeFindings } from '../triangulate/compute.ts'

export async function refreshAfterImport(deps: AppDeps, scope: ProgrammeScope, importId: number): Promise<void> {
  await recomputeFindings(deps, scope)
  await reviewAfterImport(deps, scope.organisation.id, importId)
}
