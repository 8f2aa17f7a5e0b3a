/** One organisation's audit trail, newest first, for its administrators. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, searchAuditTrail } from '../../app/auth/audit-trail.ts'
import { accessOf, scopedDeps } from '../access/request-context.ts'
import { json, OrgParams, problems } from './params.ts'

const tags = ['Audit']

const DAY = /^\d{4}-\d{2}-\d{2}$/

const AuditQuerySchema = z.object({
  actor: z.string().max(320).optional().openapi({ description: "Who acted: a person's email (any case), cli or anonymous", example: 'admin@example.nhs.uk' }),
  action: z.string().max(320).optional().openapi({ description: 'Actions starting with this text', example: 'import.' }),
  from: z.string().regex(DAY, 'expected a date as YYYY-MM-DD').optional().openapi({ description: 'First day (UTC), included', example: '2025-06-01' }),
  to: z.string().regex(DAY, 'expected a date as YYYY-MM-DD').optional().openapi({ description: 'Last day (UTC), included', example: '2025-06-30' }),
  before: z.coerce.number().int().min(1).optional().openapi({ description: 'Entries older than this sequence number: the `next` of the previous page', example: 1234 }),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT).openapi({ description: `Entries per page, 1 to ${AUDIT_PAGE_MAX}`, example: AUDIT_PAGE_DEFAULT }),
})

const AuditEntrySchema = z
  .object({
    seq: z.number().int().openapi({ description: 'Sequence number, increasing across the whole trail (with gaps)' }),
    at: z.string().openapi({ description: 'When, ISO 8601 in UTC', example: '2025-06-02T09:00:00.000Z' }),
    actor: z.string().openapi({ description: "A person's email, cli, or anonymous" }),
    action: z.string().openapi({ example: 'import.observations' }),
    target: z.string().openapi({ example: 'organisation:riverside/programme:htn/file:june.csv' }),
    address: z.string().openapi({ description: "The client's address, or cli" }),
    before: z.unknown().openapi({ description: 'The state before the change, when recorded' }),
    after: z.unknown().openapi({ description: 'The state after the change, or details of the action' }),
    hash: z.string().openapi({ description: 'SHA-256 of the previous hash and this entry (hex)' }),
  })
  .openapi('AuditEntry')

const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    next: z.number().int().nullable().openapi({ description: 'Pass as `before` for the next, older page; null on the last page' }),
  })
  .openapi('AuditPage')

export function auditRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/organisations/{org}/audit',
      tags,
      summary: "The organisation's audit trail, newest first (administrators)",
      request: { params: OrgParams, query: AuditQuerySchema },
      responses: { 200: json(AuditPageSchema, 'Entries, newest first, and where the next page starts'), ...problems },
    }),
    async (c) => {
      const { before, limit, ...filters } = c.req.valid('query')
      const page = await searchAuditTrail(scopedDeps(c), accessOf(c).organisationId, filters, { before, limit })
      const entries = page.entries.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, target: e.target, address: e.address, before: e.before ?? null, after: e.after ?? null, hash: e.hash }))
      return c.json({ entries, next: page.next }, 200)
    },
  )
}
