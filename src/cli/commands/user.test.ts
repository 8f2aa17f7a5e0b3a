// `lhs user add` against a database reached through the environment (PGlite in a fresh
// LHS_DATA_DIR; PostgreSQL through DATABASE_URL when LHS_TEST_DATABASE_URL is set). Tests share one
// database per engine and run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { linesOf } from '../../../test/cli/run-cli.ts'
import { runCommand, type FakeInput } from '../../../test/cli/run-command.ts'
import { verifyPassword } from '../../app/auth/secrets.ts'
import { ROLES } from '../../core/access.ts'
import { findOrganisation } from '../../storage/organisations.ts'
import { upsertSites } from '../../storage/sites.ts'
import { orgCommand } from './org.ts'
import { roleInWords, userCommand } from './user.ts'

const PASSWORD = 'correct horse battery staple'

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs user add on ${engine.engine}`, () => {
    let database: CliDatabase
    const add = (argv: string[], input: FakeInput = {}) => runCommand(userCommand, ['add', ...argv], database.env, input)

    beforeAll(async () => {
      database = await engine.create()
      const created = await runCommand(orgCommand, ['create', 'riverside', '--name', 'Riverside ICS'], database.env)
      expect(created.code, created.stderr).toBe(0)
      const store = await database.open()
      try {
        const riverside = await findOrganisation(store.db, 'riverside')
        await upsertSites(store.db, riverside!.id, [
          { code: 'eastgate', name: 'Eastgate Practice', kind: 'practice', parent: 'riverside' },
          { code: 'westbrook', name: 'Westbrook Practice', kind: 'practice', parent: 'riverside' },
        ])
      } finally {
        await store.close()
      }
    })
    afterAll(async () => {
      await database?.cleanUp()
    })

    it('adds a new user with a role for every site; without a password it says how they can get in', async () => {
      const outcome = await add(['--email', 'ann@riverside.example', '--organisation', 'riverside', '--role', 'analyst'])
      expect(outcome).toMatchObject({ code: 0, stdinReads: 0 })
      expect(outcome.stdout).toBe('ann@riverside.example is now an analyst of Riverside ICS, for every site.\n')
      expect(linesOf(outcome.stderr)).toEqual(['ann@riverside.example has no password: they can sign in with single sign-on, or use an API token ("lhs token create --email ann@riverside.example"). Set one with --password-stdin.'])
    })

    it('--sites narrows the membership to those sites; --password-stdin sets the password from the first line', async () => {
      const outcome = await add(['--email', 'bo@riverside.example', '--organisation', 'riverside', '--role', 'decision_maker', '--sites', 'eastgate, westbrook', '--password-stdin'], { stdin: `${PASSWORD}\n` })
      expect(outcome).toMatchObject({ code: 0, stderr: '', stdinReads: 1 })
      expect(outcome.stdout).toBe('bo@riverside.example is now a decision maker of Riverside ICS, for sites eastgate, westbrook.\n')
    })

    it('adding someone already there changes their role and keeps their password', async () => {
      const outcome = await add(['--email', 'bo@riverside.example', '--organisation', 'riverside', '--role', 'viewer', '--sites', 'eastgate'])
      expect(outcome).toMatchObject({ code: 0, stderr: '' })
      expect(outcome.stdout).toBe('bo@riverside.example is now a viewer of Riverside ICS, for site eastgate.\n')
    })

    it('a wrong role: exit 2 listing every role, before the database is opened', async () => {
      const outcome = await add(['--email', 'cy@riverside.example', '--organisation', 'riverside', '--role', 'superuser'])
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual([`lhs: user add: "superuser" is not a role (expected one of: ${ROLES.join(', ')}).`])
      expect(outcome.stderr).toContain('viewer, contributor, analyst, lead, decision_maker, admin')
    })

    it.each([
      { name: 'a wrong email address', argv: ['--email', 'cy-at-riverside', '--organisation', 'riverside', '--role', 'viewer'], says: 'lhs: "cy-at-riverside" is not an email address (expected something like name@example.nhs.uk).' },
      { name: 'an unknown organisation', argv: ['--email', 'cy@riverside.example', '--organisation', 'lakeside', '--role', 'viewer'], says: 'lhs: No organisation with code "lakeside".' },
      { name: 'an unknown site', argv: ['--email', 'cy@riverside.example', '--organisation', 'riverside', '--role', 'viewer', '--sites', 'eastgate,northgate'], says: 'lhs: Riverside ICS has no site with code "northgate".' },
      { name: 'a short password', argv: ['--email', 'cy@riverside.example', '--organisation', 'riverside', '--role', 'viewer', '--password-stdin'], stdin: 'short\n', says: 'lhs: user add: The password must be at least 12 characters long (it has 5).' },
    ])('$name: exit 2 with one clear line', async (c) => {
      const outcome = await add(c.argv, c.stdin === undefined ? {} : { stdin: c.stdin })
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual([c.says])
    })

    it.each([
      { name: 'no --role', argv: ['--email', 'cy@riverside.example', '--organisation', 'riverside'], says: `lhs: user add: give their role with --role ROLE (one of: ${ROLES.join(', ')}).` },
      { name: 'no --email', argv: ['--organisation', 'riverside', '--role', 'viewer'], says: 'lhs: user add: give their email address with --email EMAIL.' },
      { name: 'no --organisation', argv: ['--email', 'cy@riverside.example', '--role', 'viewer'], says: 'lhs: user add: give the organisation with --organisation CODE.' },
      { name: '--sites with no site', argv: ['--email', 'cy@riverside.example', '--organisation', 'riverside', '--role', 'viewer', '--sites', ' , '], says: 'lhs: user add: --sites " , " names no site (expected site codes separated by commas, such as --sites eastgate,westbrook; leave it out for every site).' },
    ])('$name: exit 2 with one line', async (c) => {
      const outcome = await add(c.argv)
      expect(outcome.code).toBe(2)
      expect(linesOf(outcome.stderr)).toEqual([c.says])
    })

    it('an unknown subcommand: exit 2 listing add', async () => {
      const outcome = await runCommand(userCommand, ['remove', '--email', 'ann@riverside.example'], database.env)
      expect(outcome.code).toBe(2)
      expect(linesOf(outcome.stderr)).toEqual(['lhs: user: unknown subcommand "remove" (expected one of: add), as in "lhs user add --email EMAIL --organisation CODE --role ROLE".'])
    })

    it('the database holds exactly the memberships given above, and the password set with --password-stdin', async () => {
      const store = await database.open()
      try {
        const rows = await store.db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.email', 'users.password_hash', 'memberships.role', 'memberships.site_codes'])
          .orderBy('users.email')
          .execute()
        expect(rows.map((r) => [r.email, r.role, r.site_codes])).toEqual([
          ['ann@riverside.example', 'analyst', null],
          ['bo@riverside.example', 'viewer', ['eastgate']],
        ])
        expect(rows[0]!.password_hash).toBeNull()
        expect(await verifyPassword(rows[1]!.password_hash, PASSWORD)).toBe(true)
      } finally {
        await store.close()
      }
    })
  })
}

describe('roleInWords', () => {
  it.each([
    ['viewer', 'a viewer'],
    ['analyst', 'an analyst'],
    ['decision_maker', 'a decision maker'],
    ['admin', 'an administrator'],
  ] as const)('%s → %s', (role, words) => {
    expect(roleInWords(role)).toBe(words)
  })
})
