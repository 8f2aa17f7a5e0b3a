/** Recompute a programme's findings on request, in one transaction, audited with the counts. */
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { recomputeFindings, type Computation } from './compute.ts'

export async function recomputeFindingsAudited(deps: AppDeps, actor: Actor, scope: ProgrammeScope): Promise<Computation> {
  return inTransaction(deps, async (tx) => {
    const result = await recomputeFindings(tx, scope)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'findings.recompute', target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}`, after: { signals: result.signals.length, findings: result.findings.length } }, tx.store.db)
    return result
  })
}
