/** Findings named by id in a decide form or request: each must be a finding of the programme. */
import { listProgrammeFindings, type FindingView } from '../triangulate/findings.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import type { FieldChecks } from './field-checks.ts'

/** The programme's findings, current or not, by id. */
export async function programmeFindingsById(deps: AppDeps, scope: ProgrammeScope): Promise<Map<number, FindingView>> {
  return new Map((await listProgrammeFindings(deps, scope, { old: true })).map((f) => [f.id, f]))
}

/** The findings with these ids, in the order given; an id that is not one of the programme's findings is a problem on `field`. */
export function findingsOf(checks: FieldChecks, field: string, scope: ProgrammeScope, byId: ReadonlyMap<number, FindingView>, ids: readonly number[]): FindingView[] {
  const found: FindingView[] = []
  for (const id of ids) {
    const finding = byId.get(id)
    if (finding) found.push(finding)
    else checks.fail(field, `Finding ${id} is not a finding of ${scope.programme.name} (expected one of the findings listed for this programme).`, String(id))
  }
  return found
}
