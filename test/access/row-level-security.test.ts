/**
 * Row-level security alone keeps organisations apart: queries run through `store.scoped(…)`
 * deliberately leave out their organisation filter, and still see (and can change) only the
 * scoped organisation's rows — on PGlite and on PostgreSQL.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TENANT_TABLES } from '../../src/storage/migrations/0002-trust.ts'
import { upsertPointNote } from '../../src/storage/point-notes.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { seedInsight } from '../support/insight.ts'
import { seedLoopRecords } from '../support/loop.ts'
import { openTestServer, type TestServer } from '../support/server.ts'

const TABLES = ['organisations', ...TENANT_TABLES, 'point_notes', 'insight_events', 'insights', 'excerpts', 'themes', 'codings', 'measure_theme_links', 'findings',
  'drivers', 'decision_groups', 'decision_group_members', 'meetings', 'meeting_items', 'meeting_attendance', 'decisions', 'decision_versions', 'actions', 'action_sites', 'predictions', 'pdsa_cycles', 'action_reviews', 'verdict_changes', 'alerts', 'alert_recipients', 'webhooks', 'audit_log'] as const

for (const engine of enginesUnderTest()) {
  describe(`row-level security on ${engine.engine}`, () => {
    let server: TestServer
    let testId: number
    let otherId: number

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      const ids = await server.store.db.selectFrom('organisations').select(['id', 'code']).execute()
      testId = ids.find((o) => o.code === 'test')!.id
      otherId = ids.find((o) => o.code === 'other')!.id
      // A note on a point in each organisation (test: at alpha and for the whole organisation).
      const db = server.store.db
      for (const [organisationId, site] of [[testId, 'alpha'], [testId, 'test'], [otherId, 'gamma']] as const) {
        const measure = await db.selectFrom('measures').select('id').where('organisation_id', '=', organisationId).where('code', '=', 'bp-control').executeTakeFirstOrThrow()
        const siteRow = await db.selectFrom('sites').select('id').where('organisation_id', '=', organisationId).where('code', '=', site).executeTakeFirstOrThrow()
        await upsertPointNote(db, organisationId, { measureId: measure.id, siteId: siteRow.id, period: '2025-01-06', kind: 'annotation' }, `note at ${site}`, 'test')
      }
      await seedInsight(server.deps, 'test', 'alpha')
      await seedInsight(server.deps, 'test', 'beta', '00000000-0000-4000-8000-00000000000b')
      await seedInsight(server.deps, 'other')
      await seedLoopRecords(server.deps, 'test')
      await seedLoopRecords(server.deps, 'other')
    })
    afterAll(() => server.close())

    const ownerCount = async (table: string, organisationId: number) => {
      const column = table === 'organisations' ? 'id' : 'organisation_id'
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${organisationId}`.execute(server.store.db)
      return rows[0]!.n
    }

    it('a query with no organisation filter returns only the scoped organisation’s rows, in every tenant table', async () => {
      const scoped = server.store.scoped({ organisationId: testId, siteIds: null })
      for (const table of TABLES) {
        const column = table === 'organisations' ? 'id' : 'organisation_id'
        // The deliberate mistake: no WHERE clause.
        const { rows } = await sql<{ organisation: number }>`SELECT ${sql.ref(column)} AS organisation FROM ${sql.table(table)}`.execute(scoped)
        expect(rows.length, `${table}: the owner sees rows of test`).toBe(await ownerCount(table, testId))
        expect(new Set(rows.map((r) => r.organisation)), table).toEqual(rows.length > 0 ? new Set([testId]) : new Set())
        expect(await ownerCount(table, otherId), `${table}: other has rows that could leak`).toBeGreaterThanOrEqual(table === 'rebases' || table === 'audit_log' ? 0 : 1)
      }
      const observations = await scoped.selectFrom('observations').select('organisation_id').execute()
      expect(observations.length).toBeGreaterThan(0)
    })

    it('a scope with no organisation, or an organisation without data, sees nothing at all', async () => {
      for (const organisationId of [0, 999_999]) {
        const scoped = server.store.scoped({ organisationId, siteIds: null })
        for (const table of TABLES) {
          const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(scoped)
          expect(rows[0]!.n, `${table} under organisation ${organisationId}`).toBe(0)
        }
      }
    })

    it('cannot write into, change or delete another organisation’s rows', async () => {
      const scoped = server.store.scoped({ organisationId: testId, siteIds: null })
      const other = await server.store.db.selectFrom('measures').select(['id', 'programme_id', 'name']).where('organisation_id', '=', otherId).executeTakeFirstOrThrow()
      const updated = await scoped.updateTable('measures').set({ name: 'hijacked' }).where('id', '=', other.id).executeTakeFirst()
      expect(Number(updated.numUpdatedRows)).toBe(0)
      const deleted = await scoped.deleteFrom('rebases').where('organisation_id', '=', otherId).executeTakeFirst()
      expect(Number(deleted.numDeletedRows)).toBe(0)
      const notes = await scoped.deleteFrom('point_notes').where('organisation_id', '=', otherId).executeTakeFirst()
      expect(Number(notes.numDeletedRows)).toBe(0)
      await expect(scoped.insertInto('programmes').values({ organisation_id: otherId, code: 'planted', name: 'Planted', aim: '' }).execute()).rejects.toThrow(/row-level security/)
      const after = await server.store.db.selectFrom('measures').select('name').where('id', '=', other.id).executeTakeFirstOrThrow()
      expect(after.name).toBe(other.name)
      expect(await server.store.db.selectFrom('programmes').select('id').where('code', '=', 'planted').execute()).toEqual([])
    })

    it('a membership narrowed to sites sees only those sites’ observations, point notes and insight', async () => {
      const alpha = await server.store.db.selectFrom('sites').select('id').where('organisation_id', '=', testId).where('code', '=', 'alpha').executeTakeFirstOrThrow()
      const scoped = server.store.scoped({ organisationId: testId, siteIds: [alpha.id] })
      const rows = await scoped.selectFrom('observations').select('site_id').execute()
      expect(rows.length).toBeGreaterThan(0)
      expect(new Set(rows.map((r) => r.site_id))).toEqual(new Set([alpha.id]))
      const sites = await scoped.selectFrom('sites').select('code').execute()
      expect(sites.map((s) => s.code)).toEqual(['alpha'])
      const notes = await scoped.selectFrom('point_notes').select('note').execute()
      expect(notes.map((n) => n.note)).toEqual(['note at alpha'])
      for (const table of ['insight_events', 'insights', 'excerpts'] as const) {
        const rows = await scoped.selectFrom(table).select('site_id').execute()
        expect(rows.length, table).toBeGreaterThan(0)
        expect(new Set(rows.map((r) => r.site_id)), table).toEqual(new Set([alpha.id]))
      }
      const none = server.store.scoped({ organisationId: testId, siteIds: [] })
      expect(await none.selectFrom('observations').select('site_id').execute()).toEqual([])
    })

    it('the application role cannot read secrets: password hashes, sessions, API tokens, webhook secrets', async () => {
      const scoped = server.store.scoped({ organisationId: testId, siteIds: null })
      await expect(sql`SELECT password_hash FROM users`.execute(scoped)).rejects.toThrow(/permission denied/)
      await expect(sql`SELECT * FROM sessions`.execute(scoped)).rejects.toThrow(/permission denied/)
      await expect(sql`SELECT * FROM api_tokens`.execute(scoped)).rejects.toThrow(/permission denied/)
      await expect(sql`SELECT secret FROM webhooks`.execute(scoped)).rejects.toThrow(/permission denied/)
      const emails = await sql<{ email: string }>`SELECT email FROM users`.execute(scoped)
      expect(emails.rows.length).toBeGreaterThan(0)
    })

    it('the owner connection is reset after a scoped query (a pooled connection never keeps another request’s scope)', async () => {
      const scoped = server.store.scoped({ organisationId: testId, siteIds: null })
      await scoped.selectFrom('observations').select('organisation_id').execute()
      const { rows } = await sql<{ role: string; organisation: string | null }>`SELECT current_user AS role, current_setting('lhs.organisation_id', true) AS organisation`.execute(server.store.db)
      expect(rows[0]!.role).not.toBe('lhs_app')
      expect(rows[0]!.organisation ?? '').toBe('')
      expect(await ownerCount('observations', otherId)).toBeGreaterThan(0)
    })
  })
}
