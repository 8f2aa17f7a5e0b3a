/**
 * What new observations set off, whichever way they arrived: the precomputed analysis of the series
 * they touched is refreshed (in the background when there is a job queue), the programme's findings are worked out
 * again, the affected actions reviewed, and briefings scheduled "after new data" queued.
 */
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { reviewAfterImport } from '../review/review-after-import.ts'
import { recomputeFindings } from '../triangulate/compute.ts'
import { briefingsAfterImport } from '../share/share-jobs.ts'
import { refreshAnalysisAfterChange } from '../analyse/refresh-analysis.ts'

export async function refreshAfterImport(deps: AppDeps, scope: ProgrammeScope, importId: number): Promise<void> {
  await refreshAnalysisAfterChange(deps, scope.organisation.id)
  await recomputeFindings(deps, scope)
  await reviewAfterImport(deps, scope.organisation.id, importId)
  await briefingsAfterImport(deps, scope.organisation.id)
}
