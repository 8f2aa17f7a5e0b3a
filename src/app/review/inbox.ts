/** A person's alerts in one organisation: read the inbox, mark alerts read (their own only). */
import { listInbox, markRead, unreadCount, type InboxItem } from '../../storage/alerts.ts'
import type { AppDeps } from '../deps.ts'
import { getOrganisation } from '../catalogue.ts'

export type { InboxItem }

export interface Inbox {
  readonly alerts: readonly InboxItem[]
  readonly unread: number
}

/** The person's alerts in the organisation, newest first (at most 200); only the unread ones when asked. */
export async function inboxOf(deps: AppDeps, userId: number, organisationCode: string, unreadOnly = false): Promise<Inbox> {
  const organisation = await getOrganisation(deps, organisationCode)
  const [alerts, unread] = await Promise.all([
    listInbox(deps.store.db, userId, { organisationId: organisation.id, unreadOnly }),
    unreadCount(deps.store.db, organisation.id, userId),
  ])
  return { alerts, unread }
}

/** Mark the person's alerts read (all of theirs in the organisation without `alertIds`); ids of other people's alerts change nothing. */
export async function markInboxRead(deps: AppDeps, userId: number, organisationCode: string, alertIds?: readonly number[]): Promise<{ marked: number; unread: number }> {
  const organisation = await getOrganisation(deps, organisationCode)
  const marked = await markRead(deps.store.db, organisation.id, userId, deps.clock(), alertIds)
  return { marked, unread: await unreadCount(deps.store.db, organisation.id, userId) }
}

/** Everything in a person's inbox, across their organisations (owner connection, always filtered to the person). */
export function personalInbox(ownerDeps: AppDeps, userId: number): Promise<InboxItem[]> {
  return listInbox(ownerDeps.store.db, userId)
}

/** Mark every alert of the person read, in all their organisations; returns how many changed. */
export async function markAllRead(ownerDeps: AppDeps, userId: number): Promise<number> {
  const memberships = await ownerDeps.store.db.selectFrom('memberships').select('organisation_id').where('user_id', '=', userId).execute()
  let marked = 0
  for (const m of memberships) marked += await markRead(ownerDeps.store.db, m.organisation_id, userId, ownerDeps.clock())
  return marked
}
