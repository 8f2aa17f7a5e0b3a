// `lhs org create` against a database reached through the environment, as a user reaches it:
// a fresh PGlite folder (LHS_DATA_DIR), and a throwaway PostgreSQL database (DATABASE_URL) when
// LHS_TEST_DATABASE_URL is set. The tests of a describe block share its database and run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { linesOf } from '../../../test/cli/run-cli.ts'
import { runCommand } from '../../../test/cli/run-command.ts'
import { verifyAuditChain } from '../../storage/audit-log.ts'
import { orgCommand } from './org.ts'

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs org on ${engine.engine}`, () => {
    let database: CliDatabase
    const lhsOrg = (...argv: string[]) => runCommand(orgCommand, argv, database.env)

    beforeAll(async () => {
      database = await engine.create()
    })
    afterAll(async () => {
      await database?.cleanUp()
    })

    it('org create makes the organisation and its root site, and audits it as the command line', async () => {
      const outcome = await lhsOrg('create', 'riverside', '--name', 'Riverside ICS')
      expect(outcome.code, outcome.stderr).toBe(0)
      expect(outcome.stdout).toBe('Created organisation riverside (Riverside ICS).\n')
      expect(outcome.stderr).toBe('Next: make its first administrator with "lhs admin create --email EMAIL --organisation riverside".\n')
      const store = await database.open()
      try {
        const organisation = await store.db.selectFrom('organisations').select(['id', 'code', 'name']).where('code', '=', 'riverside').executeTakeFirstOrThrow()
        expect(organisation).toMatchObject({ code: 'riverside', name: 'Riverside ICS' })
        const sites = await store.db.selectFrom('sites').select(['code', 'name', 'kind', 'parent_id']).where('organisation_id', '=', organisation.id).execute()
        expect(sites).toEqual([{ code: 'riverside', name: 'Riverside ICS', kind: 'system', parent_id: null }])
        const entries = await store.db.selectFrom('audit_log').select(['organisation_id', 'actor', 'action', 'target', 'address']).where('action', '=', 'organisation.create').execute()
        expect(entries).toEqual([{ organisation_id: organisation.id, actor: 'cli', action: 'organisation.create', target: 'organisation:riverside', address: 'cli' }])
        const chain = await verifyAuditChain(store.db)
        expect(chain.broken).toBeUndefined()
        expect(chain.entries).toBeGreaterThanOrEqual(1)
      } finally {
        await store.close()
      }
    })

    it('a code already taken is refused (exit 1), naming the code and the organisation that has it', async () => {
      const outcome = await lhsOrg('create', 'riverside', '--name', 'Another Riverside')
      expect(outcome.code).toBe(1)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual(['lhs: An organisation with code "riverside" already exists (Riverside ICS).'])
    })

    it.each([
      { code: 'River-Side', why: 'capital letters' },
      { code: 'river_side', why: 'an underscore' },
      { code: 'river side', why: 'a space' },
      { code: 'r'.repeat(65), why: '65 characters' },
    ])('a code with $why exits 2, quoting it and saying what a code may hold', async ({ code }) => {
      const outcome = await lhsOrg('create', code, '--name', 'Somewhere')
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual([`lhs: "${code}" is not an organisation code (expected 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, such as "riverside-ics").`])
    })

    it('a blank name exits 2', async () => {
      const outcome = await lhsOrg('create', 'lakeside', '--name', '   ')
      expect(outcome.code).toBe(2)
      expect(linesOf(outcome.stderr)).toEqual(['lhs: Organisation "lakeside" needs a name (expected something like "Riverside Integrated Care System").'])
    })

    it.each([
      { name: 'no subcommand', argv: [], says: 'lhs: org: say what to do (expected one of: create, export, delete), as in "lhs org create CODE --name NAME".' },
      { name: 'an unknown subcommand', argv: ['rename', 'riverside'], says: 'lhs: org: unknown subcommand "rename" (expected one of: create, export, delete), as in "lhs org create CODE --name NAME".' },
      { name: 'export without a code (handed to org-data.ts)', argv: ['export'], says: 'lhs: org export: give the organisation\'s code, as in "lhs org export riverside".' },
      { name: 'delete without a code (handed to org-data.ts)', argv: ['delete'], says: 'lhs: org delete: give the organisation\'s code, as in "lhs org delete riverside".' },
      { name: 'no code', argv: ['create', '--name', 'Lakeside'], says: 'lhs: org create: give the organisation code, as in "lhs org create riverside --name \'Riverside ICS\'".' },
      { name: 'no --name', argv: ['create', 'lakeside'], says: 'lhs: org create lakeside: give its name with --name NAME.' },
      { name: 'an unquoted name', argv: ['create', 'lakeside', '--name', 'Lakeside', 'ICS'], says: 'lhs: org create: unexpected argument "ICS" (put a name with spaces in quotes: --name \'Riverside ICS\').' },
    ])('$name: exit 2 with one line', async (c) => {
      const outcome = await lhsOrg(...c.argv)
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual([c.says])
    })

    it('nothing was created by the refused commands', async () => {
      const store = await database.open()
      try {
        const codes = await store.db.selectFrom('organisations').select('code').execute()
        expect(codes).toEqual([{ code: 'riverside' }])
      } finally {
        await store.close()
      }
    })
  })
}
