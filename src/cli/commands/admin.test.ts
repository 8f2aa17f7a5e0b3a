// `lhs admin create`, the first-run command, against a database reached through the environment
// (PGlite in a fresh LHS_DATA_DIR; PostgreSQL through DATABASE_URL when LHS_TEST_DATABASE_URL is
// set). The password comes from fake standard input or fake prompts. Tests share one database per
// engine and run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { linesOf } from '../../../test/cli/run-cli.ts'
import { runCommand, type FakeInput } from '../../../test/cli/run-command.ts'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { addMember } from '../../app/auth/people.ts'
import { verifyPassword } from '../../app/auth/secrets.ts'
import { findUserByEmail, listMemberships } from '../../storage/users.ts'
import { adminCommand } from './admin.ts'
import { orgCommand } from './org.ts'

const PASSWORD = 'correct horse battery staple'

interface Account {
  readonly exists: boolean
  readonly passwordIs: (password: string) => Promise<boolean>
  readonly roles: readonly string[]
}

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs admin create on ${engine.engine}`, () => {
    let database: CliDatabase
    const lhsAdmin = (argv: string[], input: FakeInput) => runCommand(adminCommand, argv, database.env, input)
    const create = (email: string, input: FakeInput, organisation = 'riverside') => lhsAdmin(['create', '--email', email, '--organisation', organisation], input)

    /** What the database holds for `email`: whether they exist, their password, their roles by organisation code. */
    async function account(email: string): Promise<Account> {
      const store = await database.open()
      try {
        const user = await findUserByEmail(store.db, email)
        const memberships = user ? await listMemberships(store.db, user.id) : []
        const hash = user?.passwordHash ?? null
        return { exists: user !== undefined, passwordIs: (password) => verifyPassword(hash, password), roles: memberships.map((m) => `${m.organisationCode}:${m.role}`) }
      } finally {
        await store.close()
      }
    }

    beforeAll(async () => {
      database = await engine.create()
      const created = await runCommand(orgCommand, ['create', 'riverside', '--name', 'Riverside ICS'], database.env)
      expect(created.code, created.stderr).toBe(0)
    })
    afterAll(async () => {
      await database?.cleanUp()
    })

    it('with a password piped in: reads the first line, makes the user an administrator, and says so', async () => {
      const outcome = await create('Ann@Riverside.example', { stdin: `${PASSWORD}\nignored second line\n` })
      expect(outcome).toMatchObject({ code: 0, stderr: '', prompts: [], stdinReads: 1 })
      expect(outcome.stdout).toBe('ann@riverside.example is now an administrator of Riverside ICS.\n')
      const ann = await account('ann@riverside.example')
      expect(ann.roles).toEqual(['riverside:admin'])
      expect(await ann.passwordIs(PASSWORD)).toBe(true)
    })

    it('a Windows line ending after the piped password is not part of it', async () => {
      const outcome = await create('cy@riverside.example', { stdin: `${PASSWORD}\r\n` })
      expect(outcome.code, outcome.stderr).toBe(0)
    })

    it('on a terminal: asks twice without reading standard input', async () => {
      const outcome = await create('bo@riverside.example', { typed: [PASSWORD, PASSWORD], stdin: 'not this' })
      expect(outcome).toMatchObject({ code: 0, stderr: '', stdinReads: 0 })
      expect(outcome.prompts).toEqual(['Password for bo@riverside.example: ', 'Same password again: '])
      expect(outcome.stdout).toBe('bo@riverside.example is now an administrator of Riverside ICS.\n')
    })

    it('an existing member is promoted to administrator and given the new password', async () => {
      const store = await database.open()
      try {
        await addMember({ store, clock: () => new Date() }, CLI_ACTOR, { email: 'di@riverside.example', organisation: 'riverside', role: 'viewer' })
      } finally {
        await store.close()
      }
      const outcome = await create('di@riverside.example', { stdin: `${PASSWORD}\n` })
      expect(outcome.code, outcome.stderr).toBe(0)
      const di = await account('di@riverside.example')
      expect(di.roles).toEqual(['riverside:admin'])
      expect(await di.passwordIs(PASSWORD)).toBe(true)
    })

    it('two different passwords on the terminal: exit 2, and nothing is created', async () => {
      const outcome = await create('ed@riverside.example', { typed: [PASSWORD, `${PASSWORD}!`] })
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual(['lhs: admin create: the two passwords are not the same. Nothing was changed; run it again.'])
    })

    it.each([
      { name: 'piped', input: { stdin: 'too short\n' }, prompts: 0 },
      { name: 'typed (refused at the first prompt)', input: { typed: ['too short', 'too short'] }, prompts: 1 },
    ])('a password under 12 characters, $name: exit 2 saying how long it must be', async (c) => {
      const outcome = await create('ed@riverside.example', c.input)
      expect(outcome.code).toBe(2)
      expect(outcome.prompts).toHaveLength(c.prompts)
      expect(linesOf(outcome.stderr)).toEqual(['lhs: admin create: The password must be at least 12 characters long (it has 9).'])
    })

    it('nothing piped in: exit 2 saying how to give the password', async () => {
      const outcome = await create('ed@riverside.example', { stdin: '' })
      expect(outcome.code).toBe(2)
      expect(linesOf(outcome.stderr)).toEqual([`lhs: admin create: no password on standard input (expected it on the first line, as in: printf '%s\\n' "$PASSWORD" | lhs admin create …).`])
    })

    it('an unknown organisation: exit 2 naming it, before any password is asked for', async () => {
      const outcome = await create('ed@riverside.example', { typed: [PASSWORD, PASSWORD] }, 'lakeside')
      expect(outcome.code).toBe(2)
      expect(outcome.prompts).toEqual([])
      expect(linesOf(outcome.stderr)).toEqual(['lhs: No organisation with code "lakeside".'])
    })

    it('a wrong email address: exit 2 quoting it', async () => {
      const outcome = await create('ed.riverside.example', { stdin: `${PASSWORD}\n` })
      expect(outcome.code).toBe(2)
      expect(linesOf(outcome.stderr)).toEqual(['lhs: "ed.riverside.example" is not an email address (expected something like name@example.nhs.uk).'])
    })

    it.each([
      { name: 'no --email', argv: ['create', '--organisation', 'riverside'], says: "lhs: admin create: give the administrator's email address with --email EMAIL." },
      { name: 'no --organisation', argv: ['create', '--email', 'ed@riverside.example'], says: 'lhs: admin create: give the organisation with --organisation CODE (create it first with "lhs org create").' },
      { name: 'an unknown subcommand', argv: ['remove'], says: 'lhs: admin: unknown subcommand "remove" (expected one of: create), as in "lhs admin create --email EMAIL --organisation CODE".' },
    ])('$name: exit 2 with one line', async (c) => {
      const outcome = await lhsAdmin(c.argv, { stdin: `${PASSWORD}\n` })
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual([c.says])
    })

    it('with no way to read a password: exit 2, and nothing is created', async () => {
      const outcome = await create('ed@riverside.example', {})
      expect(outcome.code).toBe(2)
      expect(linesOf(outcome.stderr)).toEqual(['lhs: admin create: cannot read a password here (no standard input).'])
    })

    it('the database holds the administrators made above, with their passwords, and none of the refused ones', async () => {
      const store = await database.open()
      try {
        const users = await store.db.selectFrom('users').select(['email', 'password_hash']).orderBy('email').execute()
        expect(users.map((u) => u.email)).toEqual(['ann@riverside.example', 'bo@riverside.example', 'cy@riverside.example', 'di@riverside.example'])
        for (const user of users) expect(await verifyPassword(user.password_hash, PASSWORD), user.email).toBe(true)
        const roles = await store.db.selectFrom('memberships').select('role').distinct().execute()
        expect(roles).toEqual([{ role: 'admin' }])
        const actions = await store.db.selectFrom('audit_log').select(['action', 'target', 'actor']).where('action', 'like', 'membership.%').orderBy('seq').execute()
        expect(actions).toEqual([
          { action: 'membership.create', target: 'organisation:riverside/user:ann@riverside.example', actor: 'cli' },
          { action: 'membership.create', target: 'organisation:riverside/user:cy@riverside.example', actor: 'cli' },
          { action: 'membership.create', target: 'organisation:riverside/user:bo@riverside.example', actor: 'cli' },
          { action: 'membership.create', target: 'organisation:riverside/user:di@riverside.example', actor: 'cli' },
          { action: 'membership.update', target: 'organisation:riverside/user:di@riverside.example', actor: 'cli' },
        ])
      } finally {
        await store.close()
      }
    })
  })
}
