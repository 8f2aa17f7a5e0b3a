/**
 * Findings: the latest proposal for each focus, and a lead's decision on it. Saving proposals
 * updates evidence, labels and score but never the decision; a finding no longer proposed is kept
 * (not current) so its decision and history stay.
 */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export type FindingStatus = 'proposed' | 'confirmed' | 'edited' | 'rejected'

export interface FindingRow<P = unknown> {
  readonly id: number
  readonly key: string
  readonly proposal: P
  readonly score: number
  readonly current: boolean
  readonly computedAt: string
  readonly status: FindingStatus
  readonly statement: string | null
  readonly classification: string | null
  readonly decidedBy: string | null
  readonly decisionReason: string | null
  readonly decidedAt: string | null
}

export interface ProposalToSave {
  readonly key: string
  readonly proposal: unknown
  readonly score: number
}

/** Save the latest proposals: upsert by key, keeping decisions; every other finding of the programme is marked not current. */
export async function saveProposals(db: Kysely<Database>, organisationId: number, programmeId: number, proposals: readonly ProposalToSave[], at: Date): Promise<void> {
  await db.updateTable('findings').set({ current: false }).where('organisation_id', '=', organisationId).where('programme_id', '=', programmeId).execute()
  for (let start = 0; start < proposals.length; start += 500) {
    const batch = proposals.slice(start, start + 500)
    await db
      .insertInto('findings')
      .values(batch.map((p) => ({ organisation_id: organisationId, programme_id: programmeId, key: p.key, proposal: JSON.stringify(p.proposal), score: p.score, current: true, computed_at: at })))
      .onConflict((oc) => oc.columns(['organisation_id', 'programme_id', 'key']).doUpdateSet((eb) => ({ proposal: eb.ref('excluded.proposal'), score: eb.ref('excluded.score'), current: true, computed_at: eb.ref('excluded.computed_at') })))
      .execute()
  }
}

export async function listFindings<P>(db: Kysely<Database>, organisationId: number, programmeId: number, options: { includeOld?: boolean; id?: number } = {}): Promise<FindingRow<P>[]> {
  let query = db.selectFrom('findings').selectAll().where('organisation_id', '=', organisationId).where('programme_id', '=', programmeId)
  if (!options.includeOld) query = query.where('current', '=', true)
  if (options.id !== undefined) query = query.where('id', '=', options.id)
  const rows = await query.orderBy('score', 'desc').orderBy('key').execute()
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    proposal: r.proposal as P,
    score: r.score,
    current: r.current,
    computedAt: new Date(r.computed_at).toISOString(),
    status: r.status,
    statement: r.statement,
    classification: r.classification,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at === null ? null : new Date(r.decided_at).toISOString(),
  }))
}

export interface Decision {
  readonly status: Exclude<FindingStatus, 'proposed'>
  readonly statement: string | null
  readonly classification: string | null
  readonly decidedBy: string
  readonly reason: string
  readonly at: Date
}

export async function decideFinding(db: Kysely<Database>, organisationId: number, id: number, decision: Decision): Promise<boolean> {
  const result = await db
    .updateTable('findings')
    .set({ status: decision.status, statement: decision.statement, classification: decision.classification, decided_by: decision.decidedBy, decision_reason: decision.reason, decided_at: decision.at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
