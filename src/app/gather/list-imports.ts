/** Recent imports of a programme, newest first. */
import { listImports, type ImportRecord } from '../../storage/imports.ts'
import { getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export async function listProgrammeImports(deps: AppDeps, organisation: string, programme: string): Promise<ImportRecord[]> {
  const scope = await getProgrammeScope(deps, organisation, programme)
  return listImports(deps.store.db, scope.organisation.id, scope.programme.id)
}
