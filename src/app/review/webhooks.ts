/**
 * An organisation's outgoing webhooks: alerts are POSTed to each active one, signed with its shared
 * secret (HMAC-SHA256; app/alerts/deliver-webhook.ts says how a receiver checks it). The secret is
 * shown once, when the webhook is added, and can never be read back.
 */
import { randomBytes } from 'node:crypto'
import { AppError, invalidField } from '../../core/errors.ts'
import { deleteWebhook, insertWebhook, listWebhooks, type WebhookRow } from '../../storage/webhooks.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { AppDeps } from '../deps.ts'
import { getOrganisation } from '../catalogue.ts'
import { inTransaction } from '../transaction.ts'

export type { WebhookRow }

export async function webhooksOf(deps: AppDeps, organisationCode: string): Promise<WebhookRow[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  return listWebhooks(deps.store.db, organisation.id)
}

/** Add a webhook; returns it with its secret (the only time the secret is shown). */
export async function addWebhook(deps: AppDeps, actor: Actor, organisationCode: string, url: string): Promise<{ id: number; url: string; secret: string }> {
  const address = checkUrl(url)
  const secret = randomBytes(24).toString('base64url')
  return inTransaction(deps, async (tx) => {
    const organisation = await getOrganisation(tx, organisationCode)
    const id = await insertWebhook(tx.store.db, organisation.id, { url: address, secret, createdBy: actor.name })
    await audit(deps, actor, { organisationId: organisation.id, action: 'webhook.create', target: `organisation:${organisation.code}/webhook:${id}`, before: null, after: { url: address } }, tx.store.db)
    return { id, url: address, secret }
  })
}

export async function removeWebhook(deps: AppDeps, actor: Actor, organisationCode: string, id: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const organisation = await getOrganisation(tx, organisationCode)
    const before = (await listWebhooks(tx.store.db, organisation.id)).find((w) => w.id === id)
    if (before === undefined || !(await deleteWebhook(tx.store.db, organisation.id, id))) throw new AppError('not_found', `No webhook ${id}.`)
    await audit(deps, actor, { organisationId: organisation.id, action: 'webhook.delete', target: `organisation:${organisation.code}/webhook:${id}`, before: { url: before.url }, after: null }, tx.store.db)
  })
}

function checkUrl(text: string): string {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw invalidField('url', `"${trimmed.slice(0, 100)}" is not a web address (expected one starting https:// or http://).`, trimmed)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidField('url', `The address starts with ${url.protocol} (expected https:// or http://).`, trimmed)
  if (url.username || url.password) throw invalidField('url', 'Leave user names and passwords out of the address: the receiver checks the signature instead.', trimmed)
  if (trimmed.length > 2000) throw invalidField('url', `The address is ${trimmed.length} characters long (expected at most 2,000).`, trimmed.slice(0, 100))
  return url.toString()
}
