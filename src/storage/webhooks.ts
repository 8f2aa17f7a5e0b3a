/**
 * Outgoing webhooks. The app role lists and manages them but cannot read a secret back (column
 * grants in migration 0006); `webhookSecrets` needs the owner connection, which only the job that
 * delivers alerts uses.
 */
import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface WebhookRow {
  readonly id: number
  readonly url: string
  readonly active: boolean
  readonly createdBy: string
  readonly createdAt: string
}

export async function listWebhooks(db: Kysely<Database>, organisationId: number): Promise<WebhookRow[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'url', 'active', 'created_by', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, url: r.url, active: r.active, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }))
}

export async function insertWebhook(db: Kysely<Database>, organisationId: number, webhook: { url: string; secret: string; createdBy: string }): Promise<number> {
  const row = await db
    .insertInto('webhooks')
    .values({ organisation_id: organisationId, url: webhook.url, secret: webhook.secret, created_by: webhook.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteWebhook(db: Kysely<Database>, organisationId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Active webhooks with their secrets: owner connection only. */
export async function webhookSecrets(ownerDb: Kysely<Database>, organisationId: number): Promise<{ id: number; url: string; secret: string }[]> {
  return ownerDb.selectFrom('webhooks').select(['id', 'url', 'secret']).where('organisation_id', '=', organisationId).where('active', '=', true).orderBy('id').execute()
}
