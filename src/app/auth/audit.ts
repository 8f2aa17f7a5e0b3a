/** Writing to the audit trail from use cases: who did what, to what, from where, with before and after. */
import type { Kysely } from 'kysely'
import { appendAudit, type AuditEntry } from '../../storage/audit-log.ts'
import type { Database } from '../../storage/schema.ts'
import type { AppDeps } from '../deps.ts'

/** Who is acting: a signed-in user, an API token's user, or the command line. */
export interface Actor {
  readonly userId: number | null
  /** The user's email, or `cli`. */
  readonly name: string
  /** The client's address, or `cli`. */
  readonly address: string
}

export const CLI_ACTOR: Actor = { userId: null, name: 'cli', address: 'cli' }

/**
 * Append an entry stamped with the clock; pass a transaction as `db` to make it part of the change.
 * By default it goes to the primary even when the request reads from a replica (`store.writeDb`).
 */
export function audit(deps: AppDeps, actor: Actor, entry: Omit<AuditEntry, 'at' | 'actor' | 'address'>, db: Kysely<Database> = deps.store.writeDb ?? deps.store.db): Promise<number> {
  return appendAudit(db, { ...entry, at: deps.clock(), actor: actor.name, address: actor.address })
}
