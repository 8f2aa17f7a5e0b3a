// The audit trail in the database: append-only for everyone, readable by lhs_app only within its
// organisation, searchable with filters and paging, and a chain that verifyAuditChain recomputes.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { seedFixture } from '../../test/support/fixture.ts'
import { appendAudit, auditPayload, searchAudit, verifyAuditChain, type AuditEntry } from './audit-log.ts'
import type { Store } from './database.ts'
import { ensureOrganisation, findOrganisation } from './organisations.ts'

function entry(organisationId: number | null, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { organisationId, at: new Date('2025-06-02T09:00:00Z'), actor: 'someone@test.example', action: 'measure.update', target: 'organisation:test/measure:bp-control', address: '192.0.2.1', before: { target: 0.7 }, after: { target: 0.8 }, ...overrides }
}

for (const engine of enginesUnderTest()) {
  describe(`the audit log on ${engine.engine}`, () => {
    let store: Store
    let test: number
    let other: number
    const count = async () => Number((await store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const scoped = (organisationId: number) => store.scoped({ organisationId, siteIds: null })

    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      test = (await findOrganisation(store.db, 'test'))!.id
      other = (await findOrganisation(store.db, 'other'))!.id
      await appendAudit(store.db, entry(test))
      await appendAudit(store.db, entry(other, { actor: 'admin@other.example', target: 'organisation:other/measure:bp-control' }))
      await appendAudit(store.db, entry(null, { action: 'sign_in.failed', target: 'user:nobody@test.example', before: undefined, after: undefined }))
    })
    afterAll(async () => {
      await store?.close()
      await engine.cleanUp()
    })

    it('chains each entry to the one before: the hash of the previous hash and the canonical payload', async () => {
      const rows = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
      expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
      expect(rows[0]!.payload).toBe(auditPayload(entry(test)))
      const report = await verifyAuditChain(store.db)
      expect(report).toEqual({ entries: rows.length, lastHash: rows.at(-1)!.hash })
    })

    it('refuses UPDATE, DELETE and TRUNCATE even to the owner (the trigger audit_log_append_only)', async () => {
      const before = await count()
      await expect(sql`UPDATE audit_log SET actor = 'someone-else@test.example' WHERE seq = (SELECT min(seq) FROM audit_log)`.execute(store.db)).rejects.toThrow(/the audit log is append-only: UPDATE is not allowed/)
      await expect(sql`DELETE FROM audit_log WHERE organisation_id = ${other}`.execute(store.db)).rejects.toThrow(/the audit log is append-only: DELETE is not allowed/)
      await expect(sql`TRUNCATE audit_log`.execute(store.db)).rejects.toThrow(/the audit log is append-only: TRUNCATE is not allowed/)
      expect(await count()).toBe(before)
      expect((await verifyAuditChain(store.db)).broken).toBeUndefined()
    })

    it('lets lhs_app read only its own organisation’s entries (not other organisations’, not those of no organisation)', async () => {
      const seen = await scoped(test).selectFrom('audit_log').select(['organisation_id', 'actor']).execute()
      expect(seen.length).toBeGreaterThan(0)
      expect(new Set(seen.map((r) => r.organisation_id))).toEqual(new Set([test]))
      const theirs = await scoped(other).selectFrom('audit_log').select(['organisation_id', 'actor']).execute()
      expect(theirs.map((r) => [r.organisation_id, r.actor])).toEqual([[other, 'admin@other.example']])
      // Even asking for another organisation's rows by id returns nothing.
      expect(await scoped(test).selectFrom('audit_log').selectAll().where('organisation_id', '=', other).execute()).toEqual([])
    })

    it('refuses lhs_app any UPDATE, DELETE, TRUNCATE or direct INSERT, of its own entries too', async () => {
      const before = await count()
      const db = scoped(test)
      await expect(sql`UPDATE audit_log SET actor = 'x@test.example' WHERE organisation_id = ${test}`.execute(db)).rejects.toThrow(/permission denied|append-only/)
      await expect(sql`DELETE FROM audit_log WHERE organisation_id = ${test}`.execute(db)).rejects.toThrow(/permission denied|append-only/)
      await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/permission denied|append-only/)
      await expect(sql`INSERT INTO audit_log (organisation_id, at, actor, action, target, address, payload, prev_hash, hash) VALUES (${test}, now(), 'x', 'y', 'z', 'a', '{}', ${'0'.repeat(64)}, ${'0'.repeat(64)})`.execute(db)).rejects.toThrow(/permission denied/)
      expect(await count()).toBe(before)
      expect((await verifyAuditChain(store.db)).broken).toBeUndefined()
    })

    it('lets lhs_app append through appendAudit (lhs_audit_append), chained after every organisation’s entries', async () => {
      const last = (await verifyAuditChain(store.db)).lastHash
      const seq = await appendAudit(scoped(test), entry(test, { action: 'export.series_csv', actor: 'viewer@test.example' }))
      const row = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ organisation_id: test, actor: 'viewer@test.example', action: 'export.series_csv', prev_hash: last })
      const report = await verifyAuditChain(store.db)
      expect(report.broken).toBeUndefined()
      expect(report.lastHash).toBe(row.hash)
    })

    it('chains 50 concurrent appends from separate connections without a fork', async () => {
      const before = await count()
      const seqs = await Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(i % 2 === 0 ? store.db : scoped(test), entry(test, { action: `concurrent.${i}` }))))
      expect(new Set(seqs).size).toBe(50)
      expect(await count()).toBe(before + 50)
      const report = await verifyAuditChain(store.db)
      expect(report.broken).toBeUndefined()
      expect(report.entries).toBe(before + 50)
    })

    describe('searchAudit', () => {
      let organisation: number
      const at = (day: string) => new Date(`${day}T12:00:00Z`)
      const seqsOf = async (query: Partial<Parameters<typeof searchAudit>[1]>) => (await searchAudit(store.db, { organisationId: organisation, limit: 100, ...query })).map((r) => r.action)

      beforeAll(async () => {
        organisation = (await ensureOrganisation(store.db, { code: 'search', name: 'Search ICS' })).id
        const rows: [string, string, string][] = [
          ['2025-05-01', 'ann@test.example', 'import.observations'],
          ['2025-05-02', 'bob@test.example', 'import.measures'],
          ['2025-05-03', 'ann@test.example', 'measure.update'],
          ['2025-05-04', 'cli', 'membership.create'],
          ['2025-05-05', 'ann@test.example', 'import_all.like_wildcard'],
        ]
        for (const [day, actor, action] of rows) await appendAudit(store.db, entry(organisation, { at: at(day), actor, action, after: { day } }))
      })

      it('answers newest first, with before and after parsed back from the payload', async () => {
        const rows = await searchAudit(store.db, { organisationId: organisation, limit: 2 })
        expect(rows.map((r) => [r.action, r.at, r.after])).toEqual([
          ['import_all.like_wildcard', '2025-05-05T12:00:00.000Z', { day: '2025-05-05' }],
          ['membership.create', '2025-05-04T12:00:00.000Z', { day: '2025-05-04' }],
        ])
        expect(rows[0]!.before).toEqual({ target: 0.7 })
      })

      it('filters by actor (any case), action prefix (with _ and % taken literally), time and sequence', async () => {
        expect(await seqsOf({ actor: 'ANN@test.example' })).toEqual(['import_all.like_wildcard', 'measure.update', 'import.observations'])
        expect(await seqsOf({ action: 'import.' })).toEqual(['import.measures', 'import.observations'])
        expect(await seqsOf({ action: 'import_' })).toEqual(['import_all.like_wildcard'])
        expect(await seqsOf({ action: '%' })).toEqual([])
        expect(await seqsOf({ from: new Date('2025-05-02T00:00:00Z'), to: new Date('2025-05-04T00:00:00Z') })).toEqual(['measure.update', 'import.measures'])
        const all = await searchAudit(store.db, { organisationId: organisation, limit: 100 })
        expect(await seqsOf({ before: all[1]!.seq })).toEqual(['measure.update', 'import.measures', 'import.observations'])
      })
    })
  })
}
