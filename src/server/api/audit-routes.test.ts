// GET /api/v1/organisations/{org}/audit: an administrator reads their own organisation's trail
// (never another's), with filters and paging; every other role is refused.
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { jsonOf, openTestServer, problemOf, type TestServer } from '../../../test/support/server.ts'
import { can, ROLES } from '../../core/access.ts'
import { appendAudit, type AuditEntry } from '../../storage/audit-log.ts'
import { findOrganisation } from '../../storage/organisations.ts'

const AUDIT = '/api/v1/organisations/test/audit'

const EntrySchema = z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), target: z.string(), address: z.string(), before: z.unknown(), after: z.unknown(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict()
const PageSchema = z.object({ entries: z.array(EntrySchema), next: z.number().int().nullable() }).strict()
type Page = z.infer<typeof PageSchema>

for (const engine of enginesUnderTest()) {
  describe(`the audit API on ${engine.engine}`, () => {
    let server: TestServer
    let test: number
    let other: number
    const get = async (path: string): Promise<Page> => PageSchema.parse(await jsonOf(await server.app.request(path)))
    /** Sequence numbers of an organisation's entries in the database, newest first. */
    const seqsIn = async (organisationId: number) => (await server.store.db.selectFrom('audit_log').select('seq').where('organisation_id', '=', organisationId).orderBy('seq', 'desc').execute()).map((r) => Number(r.seq))
    const add = (organisationId: number, day: string, actor: string, action: string, more: Partial<AuditEntry> = {}) =>
      appendAudit(server.store.db, { organisationId, at: new Date(`${day}T10:30:00Z`), actor, action, target: `organisation:x/${action}`, address: '198.51.100.7', ...more })

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      test = (await findOrganisation(server.store.db, 'test'))!.id
      other = (await findOrganisation(server.store.db, 'other'))!.id
      await add(test, '2025-05-01', 'ann@test.example', 'import.observations', { after: { inserted: 3 } })
      await add(test, '2025-05-02', 'bob@test.example', 'import.measures')
      await add(other, '2025-05-02', 'ann@test.example', 'import.observations', { target: 'organisation:other/secret' })
      await add(test, '2025-05-03', 'ann@test.example', 'measure.update', { before: { target: 0.7 }, after: { target: 0.8 } })
      await add(test, '2025-05-04', 'cli', 'membership.create')
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server?.close()
    })

    it("shows an administrator of test every entry of test, newest first, and none of other's", async () => {
      const page = await get(AUDIT)
      expect(page.entries.map((e) => e.seq)).toEqual(await seqsIn(test))
      expect(page.next).toBeNull()
      expect(page.entries.map((e) => e.target)).not.toContain('organisation:other/secret')
      const update = page.entries.find((e) => e.action === 'measure.update')
      expect(update).toMatchObject({ actor: 'ann@test.example', at: '2025-05-03T10:30:00.000Z', target: 'organisation:x/measure.update', address: '198.51.100.7', before: { target: 0.7 }, after: { target: 0.8 } })
      expect(page.entries.find((e) => e.action === 'import.measures')).toMatchObject({ before: null, after: null })
    })

    it("shows the administrator of other only other's entries, and answers 404 for test", async () => {
      const response = await server.requestAs('other_admin', '/api/v1/organisations/other/audit')
      const page = PageSchema.parse(await jsonOf(response))
      expect(page.entries.map((e) => e.seq)).toEqual(await seqsIn(other))
      expect(page.entries.map((e) => e.target)).toContain('organisation:other/secret')
      await problemOf(await server.requestAs('other_admin', AUDIT), 404, 'not_found')
    })

    it('refuses every role without the administer permission (403) and anyone signed out (401)', async () => {
      for (const role of ROLES.filter((r) => !can(r, 'administer'))) {
        const body = await problemOf(await server.requestAs(role, AUDIT), 403, 'forbidden')
        expect(body.detail, role).toMatch(/needs the admin role\.$/)
      }
      await problemOf(await server.requestAs('anonymous', AUDIT), 401, 'unauthorized')
    })

    it('filters by person (any case), action prefix and days (both ends included)', async () => {
      const actions = async (query: string) => (await get(`${AUDIT}?${query}`)).entries.map((e) => e.action)
      expect(await actions('actor=ANN@Test.Example')).toEqual(['measure.update', 'import.observations'])
      expect(await actions('action=import.')).toEqual(['import.measures', 'import.observations'])
      expect(await actions('action=import.&actor=bob@test.example')).toEqual(['import.measures'])
      expect(await actions('from=2025-05-02&to=2025-05-03')).toEqual(['measure.update', 'import.measures'])
      expect(await actions('from=2025-05-04&to=2025-05-04')).toEqual(['membership.create'])
      expect(await actions('actor=nobody@test.example')).toEqual([])
    })

    it('pages backwards with before and limit until next is null', async () => {
      const all = (await get(AUDIT)).entries.map((e) => e.seq)
      expect(all.length).toBeGreaterThan(4)
      const seen: number[] = []
      let next: number | null = null
      do {
        const page: Page = await get(`${AUDIT}?limit=2${next === null ? '' : `&before=${next}`}`)
        expect(page.entries.length).toBeLessThanOrEqual(2)
        seen.push(...page.entries.map((e) => e.seq))
        next = page.next
      } while (next !== null)
      expect(seen).toEqual(all)
      const last = await get(`${AUDIT}?limit=${all.length}`)
      expect(last.next).toBeNull()
    })

    it('answers 400 invalid_request naming a bad date, an upside-down range, a bad limit or a bad before', async () => {
      expect((await problemOf(await server.app.request(`${AUDIT}?from=2025-02-30`), 400, 'invalid_request')).detail).toBe('The search is not valid: from: "2025-02-30" is not a date (expected YYYY-MM-DD, for example 2025-06-01).')
      expect((await problemOf(await server.app.request(`${AUDIT}?to=1%2F6%2F2025`), 400, 'invalid_request')).detail).toMatch(/^The request is not valid: to: expected a date as YYYY-MM-DD/)
      expect((await problemOf(await server.app.request(`${AUDIT}?from=2025-06-02&to=2025-06-01`), 400, 'invalid_request')).detail).toBe('The search is not valid: to: 2025-06-01 is before the from date 2025-06-02 (expected the same day or later).')
      for (const query of ['limit=0', 'limit=501', 'limit=ten', 'before=0', 'before=abc', 'before=1.5']) {
        const body = await problemOf(await server.app.request(`${AUDIT}?${query}`), 400, 'invalid_request')
        expect(body.detail, query).toContain(query.split('=')[0])
      }
    })

    it('is described in the OpenAPI document', async () => {
      const document = (await jsonOf(await server.rawApp.request('/api/openapi.json'))) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> }
      const parameters = document.paths['/api/v1/organisations/{org}/audit']?.get?.parameters?.map((p) => p.name)
      expect(parameters).toEqual(['org', 'actor', 'action', 'from', 'to', 'before', 'limit'])
    })
  })
}
