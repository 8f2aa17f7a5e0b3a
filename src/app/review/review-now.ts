/** A lead asks for the programme's (or one action's) reviews to be worked out again now, audited. */
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { reviewActions, type ActionReviewOutcome } from './review-actions.ts'

export async function reviewNow(deps: AppDeps, actor: Actor, scope: ProgrammeScope, actionId?: number): Promise<ActionReviewOutcome[]> {
  const outcomes = await reviewActions(deps, scope.organisation.id, actionId === undefined ? { programmeId: scope.programme.id } : { programmeId: scope.programme.id, actionIds: [actionId] })
  await audit(deps, actor, {
    organisationId: scope.organisation.id,
    action: 'review.run',
    target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}${actionId === undefined ? '' : `/action:${actionId}`}`,
    before: null,
    after: { actions: outcomes.length, changed: outcomes.filter((o) => o.changed).length },
  })
  return outcomes
}
