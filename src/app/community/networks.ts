/** Networks an organisation may join, joining and leaving them (administrators; audited), and their shared measures. */
import { AppError } from '../../core/errors.ts'
import { deleteMember, findNetwork, insertMember, listNetworks, listSharedMeasures, memberNetworkIds, type NetworkRow, type SharedMeasureRow } from '../../storage/networks.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getOrganisation } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export type { NetworkRow, SharedMeasureRow }

export interface NetworkView extends NetworkRow {
  readonly member: boolean
}

/** Every network, each saying whether the organisation belongs to it. */
export async function networksOf(deps: AppDeps, organisationCode: string): Promise<NetworkView[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  const [networks, mine] = await Promise.all([listNetworks(deps.store.db), memberNetworkIds(deps.store.db, organisation.id)])
  return networks.map((n) => ({ ...n, member: mine.includes(n.id) }))
}

/** The network with this code; `not_found` naming the code otherwise. */
export async function getNetwork(deps: AppDeps, code: string): Promise<NetworkRow> {
  const network = await findNetwork(deps.store.db, code)
  if (!network) throw new AppError('not_found', `There is no network "${code}".`)
  return network
}

/** A network the organisation belongs to, with its shared measures; `not_found` when it is not a member (other networks' measures are not shown). */
export async function memberNetwork(deps: AppDeps, organisationId: number, code: string): Promise<{ network: NetworkRow; measures: SharedMeasureRow[] }> {
  const network = await getNetwork(deps, code)
  if (!(await memberNetworkIds(deps.store.db, organisationId)).includes(network.id)) throw new AppError('not_found', `This organisation is not a member of ${network.name} (“${code}”): join it first.`)
  return { network, measures: await listSharedMeasures(deps.store.db, network.id) }
}

/** Joins or leaves; says whether anything changed. Leaving keeps the organisation's published lessons visible to the remaining members until withdrawn. */
export async function setMembership(deps: AppDeps, actor: Actor, organisationCode: string, networkCode: string, join: boolean): Promise<{ changed: boolean; member: boolean }> {
  const organisation = await getOrganisation(deps, organisationCode)
  const network = await getNetwork(deps, networkCode)
  return inTransaction(deps, async (tx) => {
    const db = tx.store.db
    const changed = join ? await insertMember(db, organisation.id, network.id, organisation.name) : await deleteMember(db, organisation.id, network.id)
    if (changed) await audit(tx, actor, { organisationId: organisation.id, action: join ? 'community.join' : 'community.leave', target: `network:${network.code}` }, db)
    return { changed, member: join }
  })
}
