/** The organisation's disclosure policy: read by everything that leaves it, set by administrators (audited). */
import { DISCLOSURE_POLICIES, disclosurePolicy, type DisclosurePolicy } from '../../core/disclosure/index.ts'
import { AppError, invalidField } from '../../core/errors.ts'
import { findDisclosurePolicyId, updateDisclosurePolicy } from '../../storage/organisations.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getOrganisation } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

/** The policy the organisation applies to what it shares outside; `not_found` when there is no such organisation. */
export async function getDisclosurePolicy(deps: AppDeps, organisationId: number): Promise<DisclosurePolicy> {
  const id = await findDisclosurePolicyId(deps.store.db, organisationId)
  if (id === undefined) throw new AppError('not_found', `There is no organisation with id ${organisationId}.`)
  return disclosurePolicy(id)
}

export interface DisclosureChange {
  readonly policy: DisclosurePolicy
  /** False when the organisation already had this policy (nothing is written or audited). */
  readonly changed: boolean
}

/** Chooses the organisation's policy in one transaction with an audit entry; an unknown id is refused on the `policy` field. */
export async function setDisclosurePolicy(deps: AppDeps, actor: Actor, organisationCode: string, id: string): Promise<DisclosureChange> {
  const policy = DISCLOSURE_POLICIES.find((p) => p.id === id)
  if (policy === undefined) {
    const valid = DISCLOSURE_POLICIES.map((p) => `"${p.id}"`).join(', ')
    throw invalidField('policy', `Choose a disclosure policy: "${id}" is not one (expected one of ${valid}).`, id)
  }
  const organisation = await getOrganisation(deps, organisationCode)
  return inTransaction(deps, async (tx) => {
    const before = await updateDisclosurePolicy(tx.store.db, organisation.id, policy.id)
    if (before === undefined) throw new AppError('not_found', `No organisation with code "${organisationCode}".`)
    const changed = before !== policy.id
    if (changed) {
      await audit(tx, actor, { organisationId: organisation.id, action: 'organisation.disclosure_policy', target: `organisation:${organisation.code}`, before: { policy: before }, after: { policy: policy.id } }, tx.store.db)
    }
    return { policy, changed }
  })
}
