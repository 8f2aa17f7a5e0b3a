// `lhs token create|list|revoke` against a database reached through the environment (PGlite in a
// fresh LHS_DATA_DIR; PostgreSQL through DATABASE_URL when LHS_TEST_DATABASE_URL is set), and the
// token it prints used against the HTTP app on the same database. Tests share one database per
// engine and run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { linesOf } from '../../../test/cli/run-cli.ts'
import { runCommand } from '../../../test/cli/run-command.ts'
import { jsonOf, problemOf, serverDeps } from '../../../test/support/server.ts'
import { createApp } from '../../server/create-app.tsx'
import { orgCommand } from './org.ts'
import { tokenCommand } from './token.ts'
import { userCommand } from './user.ts'

const ANN = 'ann@riverside.example'
const TOKEN_LINE = /^lhs_[A-Za-z0-9_-]{43}\n$/
/** When a token was created: the command's real clock, to the minute. */
const CREATED = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d UTC`

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs token on ${engine.engine}`, () => {
    let database: CliDatabase
    let token = ''
    let tokenId = ''
    const lhsToken = (...argv: string[]) => runCommand(tokenCommand, argv, database.env)

    /** GET /api/v1/me with `Authorization: Bearer` for `bearer`, on the app over this database (fixed clock 2025-06-02T09:00Z). */
    async function me(bearer: string): Promise<Response> {
      const store = await database.open()
      try {
        return await createApp(serverDeps(store)).request('/api/v1/me', { headers: { authorization: `Bearer ${bearer}` } })
      } finally {
        await store.close()
      }
    }

    beforeAll(async () => {
      database = await engine.create()
      for (const [command, argv] of [
        [orgCommand, ['create', 'riverside', '--name', 'Riverside ICS']],
        [userCommand, ['add', '--email', ANN, '--organisation', 'riverside', '--role', 'analyst']],
        [userCommand, ['add', '--email', 'bo@riverside.example', '--organisation', 'riverside', '--role', 'viewer']],
      ] as const) {
        const outcome = await runCommand(command, argv, database.env)
        expect(outcome.code, outcome.stderr).toBe(0)
      }
    })
    afterAll(async () => {
      await database?.cleanUp()
    })

    it('token create prints the token alone on stdout, and everything else on stderr', async () => {
      const outcome = await lhsToken('create', '--email', ANN, '--name', 'laptop')
      expect(outcome.code, outcome.stderr).toBe(0)
      expect(outcome.stdout).toMatch(TOKEN_LINE)
      const said = /^Token (\d+) created for ann@riverside\.example\. It is shown only once: keep it somewhere safe\.\n$/.exec(outcome.stderr)
      expect(said, outcome.stderr).not.toBeNull()
      token = outcome.stdout.trimEnd()
      tokenId = said![1]!
    })

    it('the printed token signs API requests in as its user', async () => {
      const response = await me(token)
      const body = (await jsonOf(response, 200)) as { email: string; via: string; organisations: { code: string; role: string }[] }
      expect(body).toMatchObject({ email: ANN, via: 'token', organisations: [{ code: 'riverside', role: 'analyst' }] })
    })

    it('token list shows id, name, created, last used and status; a token made without --name is "API token"', async () => {
      const second = await lhsToken('create', '--email', ANN)
      expect(second.code, second.stderr).toBe(0)
      expect(second.stdout).toMatch(TOKEN_LINE)
      const outcome = await lhsToken('list', '--email', ANN)
      expect(outcome).toMatchObject({ code: 0, stderr: '' })
      const lines = linesOf(outcome.stdout)
      expect(lines).toHaveLength(3)
      expect(lines[0]).toMatch(/^ID +Name +Created +Last used +Status$/)
      expect(lines[1]).toMatch(new RegExp(`^${tokenId} +laptop +${CREATED}  2025-06-02 09:00 UTC  active$`))
      expect(lines[2]).toMatch(new RegExp(`^\\d+ +API token +${CREATED}  never +active$`))
      const statusColumn = lines[0]!.indexOf('Status')
      for (const line of lines.slice(1)) expect(line.slice(statusColumn)).toBe('active')
    })

    it('token revoke stops the token working: the API answers 401', async () => {
      const outcome = await lhsToken('revoke', '--email', ANN, '--id', tokenId)
      expect(outcome).toMatchObject({ code: 0, stderr: '' })
      expect(outcome.stdout).toBe(`Token ${tokenId} of ${ANN} is revoked: it no longer works.\n`)
      const problem = await problemOf(await me(token), 401, 'unauthorized')
      expect(problem.detail).toContain('revoked')
      const list = await lhsToken('list', '--email', ANN)
      expect(linesOf(list.stdout)[1]).toMatch(/ revoked$/)
    })

    it('revoking it again: exit 2, saying there is no such active token', async () => {
      const outcome = await lhsToken('revoke', '--email', ANN, '--id', tokenId)
      expect(outcome.code).toBe(2)
      expect(linesOf(outcome.stderr)).toEqual([`lhs: ${ANN} has no active token with id ${tokenId}.`])
    })

    it('someone with no tokens is told so', async () => {
      const outcome = await lhsToken('list', '--email', 'bo@riverside.example')
      expect(outcome).toMatchObject({ code: 0, stdout: 'bo@riverside.example has no API tokens.\n', stderr: '' })
    })

    it.each([
      { name: 'an unknown email', argv: ['create', '--email', 'zed@riverside.example'], says: 'lhs: No user with email "zed@riverside.example".' },
      { name: 'no --email', argv: ['list'], says: "lhs: token list: give the user's email address with --email EMAIL." },
      { name: 'no --id', argv: ['revoke', '--email', ANN], says: 'lhs: token revoke: give the token\'s id with --id N (see "lhs token list").' },
      { name: 'an --id that is not a number', argv: ['revoke', '--email', ANN, '--id', 'laptop'], says: 'lhs: token revoke: --id "laptop" is not a token id (expected a whole number from 1, as shown by "lhs token list").' },
      { name: '--name outside create', argv: ['list', '--email', ANN, '--name', 'x'], says: 'lhs: token list: --name is only for "lhs token create".' },
      { name: 'an unknown subcommand', argv: ['rotate', '--email', ANN], says: 'lhs: token: unknown subcommand "rotate" (expected one of: create, list, revoke), as in "lhs token create --email EMAIL".' },
    ])('$name: exit 2 with one line and nothing on stdout', async (c) => {
      const outcome = await lhsToken(...c.argv)
      expect(outcome.code).toBe(2)
      expect(outcome.stdout).toBe('')
      expect(linesOf(outcome.stderr)).toEqual([c.says])
    })
  })
}
