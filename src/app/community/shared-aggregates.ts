/**
 * Benchmarking across a network: each member shares its whole-organisation numerator and
 * denominator for a shared measure over a window of periods (through its disclosure policy; the
 * published counts only are stored), and members compare them on a funnel plot built from those
 * shared aggregates alone: no query here reads another organisation's observations.
 */
import { funnelPlot, type FunnelResult } from '../../core/compare/index.ts'
import { applyDisclosure, type PublishedCell } from '../../core/disclosure/index.ts'
import { AppError } from '../../core/errors.ts'
import { listPeriods, sumWindow } from '../../storage/observations.ts'
import { latestSharedAggregates, upsertSharedAggregate, type SharedAggregate } from '../../storage/shared-aggregates.ts'
import type { SharedMeasureRow } from '../../storage/networks.ts'
import { listSites } from '../../storage/sites.ts'
import { chooseWindow } from '../analyse/compare-sites.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getMeasure, getOrganisation, getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { communityPolicy } from './community-policy.ts'
import { memberNetwork } from './networks.ts'

export type { SharedAggregate }

export interface ShareRequest {
  readonly programme: string
  readonly from?: string | undefined
  readonly to?: string | undefined
}

function sharedMeasureOf(measures: readonly SharedMeasureRow[], code: string, networkName: string): SharedMeasureRow {
  const measure = measures.find((m) => m.code === code)
  if (!measure) throw new AppError('not_found', `${networkName} has no shared measure "${code}" (it shares ${measures.map((m) => `"${m.code}"`).join(', ') || 'none yet'}).`)
  return measure
}

/** Shares the organisation's aggregate of its measure with the shared measure's code (latest 13 periods by default); audited with what was published. */
export async function shareAggregate(deps: AppDeps, actor: Actor, organisationCode: string, networkCode: string, measureCode: string, request: ShareRequest): Promise<SharedAggregate> {
  const organisation = await getOrganisation(deps, organisationCode)
  const { network, measures } = await memberNetwork(deps, organisation.id, networkCode)
  const shared = sharedMeasureOf(measures, measureCode, network.name)
  const scope = await getProgrammeScope(deps, organisationCode, request.programme)
  const measure = await getMeasure(deps, scope, shared.code)
  if (measure.kind !== shared.kind) throw new AppError('invalid_request', `${measure.name} is a ${measure.kind} here but the network shares "${shared.code}" as a ${shared.kind}; they cannot be compared.`)
  const window = chooseWindow(await listPeriods(deps.store.db, organisation.id, measure.id), request)
  const root = (await listSites(deps.store.db, organisation.id)).find((s) => s.kind === 'system')
  if (!root) throw new Error(`organisation ${organisation.code} has no root site`)
  const [totals] = await sumWindow(deps.store.db, organisation.id, measure.id, { from: window.from, to: window.to, dimension: '', siteId: root.id })
  if (!totals) throw new AppError('invalid_request', `${organisation.name} has no whole-organisation numerator and denominator for ${measure.name} between ${window.from} and ${window.to}.`)
  const policy = await communityPolicy(deps, organisation.id)
  const cells = applyDisclosure(policy, [{ id: 'numerator', value: totals.numerator }, { id: 'denominator', value: totals.denominator }])
  const n = cells.get('numerator') as PublishedCell
  const d = cells.get('denominator') as PublishedCell
  const aggregate = { organisationName: organisation.name, from: window.from, to: window.to, numerator: n.value, denominator: d.value, numeratorText: n.text, denominatorText: d.text, policy: policy.statement }
  return inTransaction(deps, async (tx) => {
    await upsertSharedAggregate(tx.store.db, organisation.id, { ...aggregate, networkId: network.id, sharedMeasureId: shared.id, publishedAt: tx.clock(), publishedBy: actor.name })
    await audit(tx, actor, { organisationId: organisation.id, action: 'community.share_aggregate', target: `network:${network.code}/measure:${shared.code}`, after: { from: window.from, to: window.to, numerator: n.text, denominator: d.text } }, tx.store.db)
    return { ...aggregate, organisationId: organisation.id, publishedAt: tx.clock().toISOString() }
  })
}

export interface NetworkComparison {
  readonly network: { readonly code: string; readonly name: string }
  readonly measure: SharedMeasureRow
  /** Each member's latest shared aggregate (suppressed ones included, as published). */
  readonly aggregates: readonly Omit<SharedAggregate, 'organisationId'>[]
  readonly funnel: FunnelResult | null
  /** Why there is no funnel, in plain English. */
  readonly unavailable: string | null
}

/** The funnel plot of a shared measure across the network's members, from their shared aggregates only. */
export async function compareNetwork(deps: AppDeps, organisationCode: string, networkCode: string, measureCode: string): Promise<NetworkComparison> {
  const organisation = await getOrganisation(deps, organisationCode)
  const { network, measures } = await memberNetwork(deps, organisation.id, networkCode)
  const measure = sharedMeasureOf(measures, measureCode, network.name)
  const rows = await latestSharedAggregates(deps.store.db, network.id, measure.id)
  const aggregates = rows.map(({ organisationId: _, ...rest }) => rest)
  const units = rows.flatMap((r) => (r.numerator !== null && r.denominator !== null && r.denominator > 0 ? [{ unit: r.organisationName, numerator: Math.min(r.numerator, measure.kind === 'proportion' ? r.denominator : Infinity), denominator: r.denominator }] : []))
  const base = { network: { code: network.code, name: network.name }, measure, aggregates }
  if (units.length < 2) return { ...base, funnel: null, unavailable: `A funnel plot needs at least two members’ shared figures; ${units.length === 1 ? 'one member has' : `${units.length} members have`} shared ${measure.name} with numbers that were not suppressed.` }
  if (measure.kind === 'rate' && units.every((u) => u.numerator === 0)) return { ...base, funnel: null, unavailable: 'No member shared any events, so there is no rate to compare.' }
  const method = measure.kind === 'rate' && units.some((u) => u.numerator === 0) ? { method: 'cqc' as const } : {}
  return { ...base, funnel: funnelPlot(units, { type: measure.kind, direction: measure.direction, ...method }), unavailable: null }
}
