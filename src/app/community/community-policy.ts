/** The disclosure policy an organisation applies to what it shares with its networks: the one it chose for everything that leaves it. */
import type { DisclosurePolicy } from '../../core/disclosure/index.ts'
import type { AppDeps } from '../deps.ts'
import { getDisclosurePolicy } from '../share/disclosure-setting.ts'

export function communityPolicy(deps: AppDeps, organisationId: number): Promise<DisclosurePolicy> {
  return getDisclosurePolicy(deps, organisationId)
}
