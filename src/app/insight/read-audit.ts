/** Reading free text is audited: who read how many excerpts of which programme, and why (the page or filter), never the text itself. */
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export async function auditTextRead(deps: AppDeps, actor: Actor, scope: ProgrammeScope, purpose: string, excerptIds: readonly number[], filter: Readonly<Record<string, unknown>> = {}): Promise<void> {
  if (excerptIds.length === 0) return
  await audit(deps, actor, {
    organisationId: scope.organisation.id,
    action: 'insight.read',
    target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}/${purpose}`,
    after: { excerpts: excerptIds.length, ids: excerptIds.slice(0, 50), ...filter },
  })
}
