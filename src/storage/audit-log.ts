/**
 * The append-only, hash-chained audit trail (migration 0002-trust). Entries are appended by the
 * database function lhs_audit_append under a lock, so the chain holds with concurrent writers;
 * verifyAuditChain recomputes it.
 */
import { createHash } from 'node:crypto'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { AuditLogTable, Database } from './schema.ts'

export interface AuditEntry {
  readonly organisationId: number | null
  readonly at: Date
  /** Who: a user's email, `cli`, or `anonymous`. */
  readonly actor: string
  /** What, as `thing.verb`: `sign_in.failed`, `import.observations`, `measure.update`, `export.csv`… */
  readonly action: string
  /** Which record or resource, as a readable path. */
  readonly target: string
  /** The client's address, or `cli`. */
  readonly address: string
  readonly before?: unknown
  readonly after?: unknown
}

export interface AuditRow extends Omit<AuditEntry, 'at'> {
  readonly seq: number
  readonly at: string
  readonly hash: string
}

/** The exact text an entry's hash covers: JSON with keys in a fixed order. */
export function auditPayload(entry: AuditEntry): string {
  return JSON.stringify({
    organisation_id: entry.organisationId,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    address: entry.address,
    before: entry.before ?? null,
    after: entry.after ?? null,
  })
}

/** Append one entry (inside the caller's transaction when `db` is one); returns its sequence number. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<number> {
  const { rows } = await sql<{ seq: number }>`SELECT lhs_audit_append(${entry.organisationId}, ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.target}, ${entry.address}, ${auditPayload(entry)}) AS seq`.execute(db)
  return Number(rows[0]?.seq)
}

export interface AuditQuery {
  readonly organisationId: number
  readonly actor?: string | undefined
  /** Matches actions starting with this text. */
  readonly action?: string | undefined
  readonly from?: Date | undefined
  readonly to?: Date | undefined
  readonly limit: number
  /** Entries with a smaller sequence number than this (paging backwards). */
  readonly before?: number | undefined
}

/** One organisation's entries, newest first. */
export async function searchAudit(db: Kysely<Database>, query: AuditQuery): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().where('organisation_id', '=', query.organisationId)
  if (query.actor) q = q.where('actor', '=', query.actor.toLowerCase())
  if (query.action) q = q.where('action', 'like', query.action.replace(/[\\%_]/g, '\\$&') + '%')
  if (query.from) q = q.where('at', '>=', query.from)
  if (query.to) q = q.where('at', '<', query.to)
  if (query.before !== undefined) q = q.where('seq', '<', query.before)
  const rows = await q.orderBy('seq', 'desc').limit(query.limit).execute()
  return rows.map((row) => {
    const parsed = JSON.parse(row.payload) as { before: unknown; after: unknown }
    return {
      seq: Number(row.seq),
      organisationId: row.organisation_id,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      action: row.action,
      target: row.target,
      address: row.address,
      before: parsed.before,
      after: parsed.after,
      hash: row.hash,
    }
  })
}

export interface ChainReport {
  readonly entries: number
  /** The first entry that breaks the chain, with what is wrong; undefined when the chain holds. */
  readonly broken?: { readonly seq: number; readonly problem: string }
  readonly lastHash: string
}

const GENESIS = '0'.repeat(64)
const BATCH = 5000

/** Recompute the whole chain (owner connection: every organisation's entries). */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let previous = GENESIS
  let entries = 0
  let after = 0
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(BATCH).execute()
    for (const row of rows) {
      const seq = Number(row.seq)
      const problem = checkRow(row, previous)
      if (problem) return { entries, broken: { seq, problem }, lastHash: previous }
      previous = row.hash
      entries += 1
      after = seq
    }
    if (rows.length < BATCH) return { entries, lastHash: previous }
  }
}

function checkRow(row: Selectable<AuditLogTable>, previous: string): string | undefined {
  if (row.prev_hash !== previous) return `its previous hash ${short(row.prev_hash)} is not the hash of the entry before it (${short(previous)}): an entry was removed or inserted`
  const expected = createHash('sha256').update(previous + row.payload, 'utf8').digest('hex')
  if (row.hash !== expected) return `its hash ${short(row.hash)} does not match its content (expected ${short(expected)}): the entry was changed`
  let payload: Record<string, unknown>
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>
  } catch {
    return 'its payload is not JSON'
  }
  const at = new Date(row.at).toISOString()
  const columns: Record<string, unknown> = { organisation_id: row.organisation_id, at, actor: row.actor, action: row.action, target: row.target, address: row.address }
  for (const [key, value] of Object.entries(columns)) {
    if (payload[key] !== value) return `its ${key} column (${JSON.stringify(value)}) differs from the hashed payload (${JSON.stringify(payload[key])}): the entry was changed`
  }
  return undefined
}

function short(hash: string): string {
  return hash.slice(0, 12) + '…'
}
