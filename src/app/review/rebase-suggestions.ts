/**
 * Rebases the review engine suggests at an action's change date: a lead accepts one (the series'
 * limits are then recalculated from that date, with the action as the recorded reason) or declines
 * it. Each decision is one transaction with its audit entry.
 */
import { AppError } from '../../core/errors.ts'
import { acceptRebaseSuggestion, declineRebaseSuggestion, listRebaseSuggestions, type RebaseSuggestion } from '../../storage/rebases.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export interface SuggestionView extends RebaseSuggestion {
  readonly measure: string
  readonly measureName: string
  readonly site: string | null
  readonly siteName: string | null
}

/** The programme's waiting suggestions (optionally one action's), with measure and site names. */
export async function listSuggestions(deps: AppDeps, scope: ProgrammeScope, actionId?: number): Promise<SuggestionView[]> {
  const db = deps.store.db
  const org = scope.organisation.id
  const suggestions = await listRebaseSuggestions(db, org, actionId === undefined ? {} : { actionId })
  if (suggestions.length === 0) return []
  const [measures, sites] = await Promise.all([
    db.selectFrom('measures').select(['id', 'code', 'name']).where('organisation_id', '=', org).where('programme_id', '=', scope.programme.id).execute(),
    db.selectFrom('sites').select(['id', 'code', 'name']).where('organisation_id', '=', org).execute(),
  ])
  return suggestions.flatMap((s) => {
    const measure = measures.find((m) => m.id === s.measureId)
    if (measure === undefined) return []
    const site = sites.find((x) => x.id === s.siteId)
    return [{ ...s, measure: measure.code, measureName: measure.name, site: site?.code ?? null, siteName: site?.name ?? null }]
  })
}

export async function decideSuggestion(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, decision: 'accept' | 'decline'): Promise<SuggestionView> {
  return inTransaction(deps, async (tx) => {
    const suggestion = (await listSuggestions(tx, scope)).find((s) => s.id === id)
    if (suggestion === undefined) throw new AppError('not_found', `No suggested rebase ${id} is waiting in this programme (it may have been accepted or declined already).`)
    const org = scope.organisation.id
    if (decision === 'accept') await acceptRebaseSuggestion(tx.store.db, org, id, actor.name)
    else await declineRebaseSuggestion(tx.store.db, org, id)
    await audit(deps, actor, {
      organisationId: org,
      action: decision === 'accept' ? 'rebase.accept' : 'rebase.decline',
      target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}/measure:${suggestion.measure}/rebase:${suggestion.date}`,
      before: { status: 'suggested', reason: suggestion.reason, site: suggestion.site, action: suggestion.actionId },
      after: decision === 'accept' ? { status: 'accepted' } : null,
    }, tx.store.db)
    return suggestion
  })
}
