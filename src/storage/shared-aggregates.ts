/** Aggregates members share for a network's shared measures (migration 0008), already through each member's disclosure policy. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface SharedAggregate {
  readonly organisationId: number
  readonly organisationName: string
  readonly from: string
  readonly to: string
  /** Null when suppressed. */
  readonly numerator: number | null
  readonly denominator: number | null
  /** As published ('*' when suppressed). */
  readonly numeratorText: string
  readonly denominatorText: string
  readonly policy: string
  readonly publishedAt: string
}

/** Shares (or re-shares) the organisation's aggregate for one window. */
export async function upsertSharedAggregate(db: Kysely<Database>, organisationId: number, a: Omit<SharedAggregate, 'organisationId' | 'publishedAt'> & { networkId: number; sharedMeasureId: number; publishedAt: Date; publishedBy: string }): Promise<void> {
  const values = {
    organisation_name: a.organisationName, numerator: a.numerator, denominator: a.denominator, numerator_text: a.numeratorText, denominator_text: a.denominatorText,
    policy: a.policy, published_at: a.publishedAt, published_by: a.publishedBy,
  }
  await db
    .insertInto('shared_aggregates')
    .values({ organisation_id: organisationId, network_id: a.networkId, shared_measure_id: a.sharedMeasureId, period_from: a.from, period_to: a.to, ...values })
    .onConflict((oc) => oc.columns(['organisation_id', 'network_id', 'shared_measure_id', 'period_from', 'period_to']).doUpdateSet(values))
    .execute()
}

/** Every organisation's latest shared aggregate for the measure (the one with the latest window end), by organisation name. */
export async function latestSharedAggregates(db: Kysely<Database>, networkId: number, sharedMeasureId: number): Promise<SharedAggregate[]> {
  const rows = await db
    .selectFrom('shared_aggregates')
    .select(['organisation_id', 'organisation_name', 'period_from', 'period_to', 'numerator', 'denominator', 'numerator_text', 'denominator_text', 'policy', 'published_at'])
    .where('network_id', '=', networkId)
    .where('shared_measure_id', '=', sharedMeasureId)
    .orderBy('organisation_id').orderBy('period_to', 'desc').orderBy('published_at', 'desc')
    .execute()
  const latest = new Map<number, (typeof rows)[number]>()
  for (const r of rows) if (!latest.has(r.organisation_id)) latest.set(r.organisation_id, r)
  return [...latest.values()]
    .map((r) => ({
      organisationId: r.organisation_id, organisationName: r.organisation_name, from: r.period_from, to: r.period_to, numerator: r.numerator, denominator: r.denominator,
      numeratorText: r.numerator_text, denominatorText: r.denominator_text, policy: r.policy, publishedAt: new Date(r.published_at).toISOString(),
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName))
}
