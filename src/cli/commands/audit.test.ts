// `lhs audit verify` and `lhs audit export` against a database reached through the environment
// (test/cli/cli-databases.ts), with tampering done as the owner would: switching the append-only
// trigger off and changing or removing a row, then putting it back. The tests of an engine share one
// database and run in order.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Selectable } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import type { CliOutcome } from '../../../test/cli/run-cli.ts'
import { seedFixture } from '../../../test/support/fixture.ts'
import { appendAudit, type AuditEntry } from '../../storage/audit-log.ts'
import type { Store } from '../../storage/database.ts'
import type { AuditLogTable } from '../../storage/schema.ts'
import { migrateToLatest } from '../../storage/migrate.ts'
import { findOrganisation } from '../../storage/organisations.ts'
import { UsageError, type CliIo } from '../io.ts'
import { auditCommand } from './audit.ts'

/** `auditCommand(args)` with a captured io and only `env` as the environment. */
async function lhsAudit(database: CliDatabase, args: string[], cwd = process.cwd()): Promise<CliOutcome> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: database.env, cwd, interactive: false }
  const code = await auditCommand(args, io)
  return { code, stdout, stderr }
}

/** Open the database directly, do `work`, and close it again (PGlite allows one process at a time). */
async function withStore<T>(database: CliDatabase, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await database.open()
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

function entry(organisationId: number | null, action: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { organisationId, at: new Date('2025-06-02T09:00:00Z'), actor: 'admin@test.example', action, target: `organisation:test/${action}`, address: '192.0.2.1', after: { n: 1 }, ...overrides }
}

/** Migrate (if `lhs audit verify` has not), seed the fixture organisations and five entries (test, test, other, none, test). */
async function seed(database: CliDatabase): Promise<{ seqs: number[]; test: number; other: number }> {
  return withStore(database, async (store) => {
    await migrateToLatest(store.db)
    await seedFixture(store)
    const test = (await findOrganisation(store.db, 'test'))!.id
    const other = (await findOrganisation(store.db, 'other'))!.id
    const seqs: number[] = []
    for (const e of [entry(test, 'measure.update'), entry(test, 'import.observations'), entry(other, 'measure.update', { actor: 'admin@other.example' }), entry(null, 'sign_in.failed'), entry(test, 'membership.create')]) {
      seqs.push(await appendAudit(store.db, e))
    }
    return { seqs, test, other }
  })
}

/** Run `change` as the owner with the append-only trigger switched off, as an attacker with the owner's password could. */
async function asOwner(database: CliDatabase, change: (store: Store) => Promise<unknown>): Promise<void> {
  await withStore(database, async (store) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(store.db)
    try {
      await change(store)
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(store.db)
    }
  })
}

/**
 * Change the trail with `change`, run `lhs audit verify`, then put the entry back exactly as it was
 * (so the tests can share one database: opening PGlite on disk is slow).
 */
async function verifyTampered(database: CliDatabase, seq: number, change: (store: Store) => Promise<unknown>): Promise<CliOutcome> {
  let original: Selectable<AuditLogTable> | undefined
  await asOwner(database, async (store) => {
    original = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow()
    await change(store)
  })
  const outcome = await lhsAudit(database, ['verify'])
  await asOwner(database, async (store) => {
    const { seq: _seq, ...columns } = original!
    const updated = await store.db.updateTable('audit_log').set(columns).where('seq', '=', seq).executeTakeFirst()
    if (updated.numUpdatedRows === 0n) await sql`INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(NULL::audit_log, ${JSON.stringify(original)}::json)`.execute(store.db)
  })
  return outcome
}

const lastHashOf = (database: CliDatabase) => withStore(database, async (store) => (await store.db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).hash)

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs audit on ${engine.engine}`, () => {
    let database: CliDatabase
    let seqs: number[]
    let test: number
    let empty: CliOutcome
    const holds = async () => expect(await lhsAudit(database, ['verify'])).toEqual({ code: 0, stdout: `The audit trail holds: ${seqs.length} entries, last hash ${await lastHashOf(database)}.\n`, stderr: '' })
    beforeAll(async () => {
      database = await engine.create()
      empty = await lhsAudit(database, ['verify'])
      ;({ seqs, test } = await seed(database))
    })
    afterAll(async () => {
      await database?.cleanUp()
    })

    describe('verify', () => {
      it('says an empty trail holds 0 entries, exit 0', () => {
        expect(empty).toEqual({ code: 0, stdout: 'The audit trail holds: 0 entries.\n', stderr: '' })
      })

      it('says an intact chain holds, with the count and the last hash, exit 0', async () => {
        await holds()
      })

      it('finds an entry whose actor was changed, naming its sequence number, exit 1', async () => {
        const outcome = await verifyTampered(database, seqs[1]!, (store) => store.db.updateTable('audit_log').set({ actor: 'someone-else@test.example' }).where('seq', '=', seqs[1]!).execute())
        expect(outcome.code).toBe(1)
        expect(outcome.stdout).toBe('')
        expect(outcome.stderr).toBe(`The audit trail is broken at entry ${seqs[1]}: its actor column ("someone-else@test.example") differs from the hashed payload ("admin@test.example"): the entry was changed. The 1 entry before it hold.\n`)
        await holds()
      })

      it('finds an entry whose payload (before and after) was changed, exit 1', async () => {
        const outcome = await verifyTampered(database, seqs[3]!, (store) => sql`UPDATE audit_log SET payload = replace(payload, '"n":1', '"n":2') WHERE seq = ${seqs[3]}`.execute(store.db))
        expect(outcome.code).toBe(1)
        expect(outcome.stderr).toMatch(new RegExp(`^The audit trail is broken at entry ${seqs[3]}: its hash [0-9a-f]{12}… does not match its content \\(expected [0-9a-f]{12}…\\): the entry was changed\\. The 3 entries before it hold\\.\\n$`))
        await holds()
      })

      it('finds a removed entry at the entry after it, exit 1', async () => {
        const outcome = await verifyTampered(database, seqs[2]!, (store) => store.db.deleteFrom('audit_log').where('seq', '=', seqs[2]!).execute())
        expect(outcome.code).toBe(1)
        expect(outcome.stderr).toMatch(new RegExp(`^The audit trail is broken at entry ${seqs[3]}: its previous hash [0-9a-f]{12}… is not the hash of the entry before it \\([0-9a-f]{12}…\\): an entry was removed or inserted\\. The 2 entries before it hold\\.\\n$`))
        await holds()
      })

      it('finds an entry whose hash was recomputed to match a changed payload (the next entry no longer links to it)', async () => {
        const outcome = await verifyTampered(database, seqs[1]!, (store) =>
          sql`UPDATE audit_log SET payload = replace(payload, '"n":1', '"n":9'), hash = encode(sha256(convert_to(prev_hash || replace(payload, '"n":1', '"n":9'), 'UTF8')), 'hex') WHERE seq = ${seqs[1]}`.execute(store.db),
        )
        expect(outcome.code).toBe(1)
        expect(outcome.stderr).toMatch(new RegExp(`^The audit trail is broken at entry ${seqs[2]}: its previous hash `))
        await holds()
      })

      it('still holds after 50 concurrent appends from separate connections', async () => {
        const added = await withStore(database, (store) => Promise.all(Array.from({ length: 50 }, (_, i) => appendAudit(store.db, entry(test, `concurrent.${i}`)))))
        expect(new Set(added).size).toBe(50)
        seqs.push(...added)
        await holds()
      })

      it('refuses arguments it does not know', async () => {
        await expect(lhsAudit(database, ['verify', '--fast'])).rejects.toThrow(/Unknown option '--fast'/)
        await expect(lhsAudit(database, ['verify', 'now'])).rejects.toThrow(/Unexpected argument 'now'/)
      })
    })

    describe('export', () => {
      let files: string
      beforeAll(async () => {
        files = mkdtempSync(join(tmpdir(), 'lhs-audit-export-'))
        seqs.push(await withStore(database, (store) => appendAudit(store.db, entry(test, 'measure.update', { target: '=HYPERLINK("http://evil.example")', actor: '@admin', after: { note: 'a "quoted", text\nwith a line break' } }))))
      })
      afterAll(() => rmSync(files, { recursive: true, force: true }))

      it('writes only that organisation’s entries as CSV, newest first, formula cells quoted with a leading apostrophe', async () => {
        const outcome = await lhsAudit(database, ['export', '--organisation', 'test'])
        expect(outcome.code).toBe(0)
        expect(outcome.stderr).toBe('')
        const lines = outcome.stdout.split('\r\n')
        expect(lines[0]).toBe('seq,at,actor,action,target,address,before,after,hash')
        expect(lines[1]).toMatch(/^\d+,2025-06-02T09:00:00\.000Z,'@admin,measure\.update,"'=HYPERLINK\(""http:\/\/evil\.example""\)",192\.0\.2\.1,,"{""note"":""a \\""quoted\\"", text\\nwith a line break""}",[0-9a-f]{64}$/)
        expect(lines.slice(-4, -1).map((l) => l.split(',')[3])).toEqual(['membership.create', 'import.observations', 'measure.update'])
        expect(lines).toHaveLength(1 + 50 + 4 + 1)
        expect(outcome.stdout).not.toContain('admin@other.example')
        expect(outcome.stdout).not.toContain('sign_in.failed')
        expect(lines.at(-1)).toBe('')
      })

      it('applies the filters, writes to --output, and records the export itself in the trail', async () => {
        const outcome = await lhsAudit(database, ['export', '--organisation', 'test', '--action', 'import.', '--from', '2025-06-02', '--to', '2025-06-02', '--output', 'audit.csv'], files)
        expect(outcome).toEqual({ code: 0, stdout: "Wrote 1 entry of Test ICS's audit trail to audit.csv.\n", stderr: '' })
        const written = readFileSync(join(files, 'audit.csv'), 'utf8').split('\r\n')
        expect(written.map((l) => l.split(',')[3])).toEqual(['action', 'import.observations', undefined])
        const recorded = await withStore(database, (store) => store.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.audit_csv').orderBy('seq', 'desc').execute())
        expect(recorded).toHaveLength(2)
        expect(recorded[0]).toMatchObject({ organisation_id: test, actor: 'cli', address: 'cli', target: 'organisation:test/audit' })
        expect(JSON.parse(recorded[0]!.payload).after).toEqual({ actor: null, action: 'import.', from: '2025-06-02', to: '2025-06-02', rows: 1 })
        const verify = await lhsAudit(database, ['verify'])
        expect(verify.code).toBe(0)
        expect(verify.stdout).toMatch(new RegExp(`^The audit trail holds: ${seqs.length + 2} entries`))
      })

      it('refuses a missing organisation, an unknown one, a bad date and an unknown subcommand', async () => {
        await expect(lhsAudit(database, ['export'])).rejects.toThrow(new UsageError('audit export: give the organisation with --organisation CODE.'))
        await expect(lhsAudit(database, ['export', '--organisation', 'nowhere'])).rejects.toMatchObject({ code: 'not_found', message: 'No organisation with code "nowhere".' })
        await expect(lhsAudit(database, ['export', '--organisation', 'test', '--from', '2025-02-30'])).rejects.toMatchObject({ code: 'invalid_request', message: 'The search is not valid: from: "2025-02-30" is not a date (expected YYYY-MM-DD, for example 2025-06-01).' })
        await expect(lhsAudit(database, ['check'])).rejects.toThrow(/^audit: say what to do: "lhs audit verify" or "lhs audit export --organisation CODE" \(got "check"; expected one of: verify, export\)\.$/)
        await expect(lhsAudit(database, [])).rejects.toThrow(/\(got nothing;/)
      })
    })
  })
}
