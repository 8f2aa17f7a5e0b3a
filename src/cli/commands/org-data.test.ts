// `lhs org export` and `lhs org delete` against a database reached through the environment, as a
// user reaches it. One database per engine (starting PGlite on disk is slow), so the tests of a
// block run in order: the exports first, the deletion last.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { csv, depsFor, monday, seedFixture } from '../../../test/support/fixture.ts'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { addMember } from '../../app/auth/people.ts'
import { importFile } from '../../app/gather/import-file.ts'
import { AppError } from '../../core/errors.ts'
import { migrateToLatest } from '../../storage/migrate.ts'
import { findOrganisation } from '../../storage/organisations.ts'
import { UsageError, type CliIo } from '../io.ts'
import { orgDataCommand } from './org-data.ts'

interface Outcome {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function orgData(args: string[], env: Readonly<Record<string, string>>, cwd: string): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, cwd, interactive: false }
  const code = await orgDataCommand(args, io)
  return { code, stdout, stderr }
}

/** Today's date in UTC, as the default file name has it (read before and after a run, in case midnight passes). */
function today(): string {
  return new Date().toISOString().slice(0, 10)
}

async function seed(database: CliDatabase): Promise<void> {
  const store = await database.open()
  try {
    await migrateToLatest(store.db)
    await seedFixture(store)
    const deps = depsFor(store)
    const report = await importFile(deps, { organisation: 'test', programme: 'htn', kind: 'observations', fileName: 'seed.csv', content: csv(...[0, 1, 2, 3].map((i) => `monitors-lent,${monday(i)},beta,,,,,${i + 1}`)), createdBy: 'seed' })
    expect(report.issues).toEqual([])
    await addMember(deps, CLI_ACTOR, { email: 'only-test@test.example', organisation: 'test', role: 'viewer' })
    await addMember(deps, CLI_ACTOR, { email: 'admin@other.example', organisation: 'other', role: 'admin' })
  } finally {
    await store.close()
  }
}

describe('lhs org: arguments', () => {
  const run = (args: string[]) => orgData(args, {}, tmpdir())
  it.each([
    [[], 'org: expected "export" or "delete" (got nothing).'],
    [['archive', 'test'], 'org: expected "export" or "delete" (got "archive").'],
    [['export'], 'org export: give the organisation\'s code, as in "lhs org export riverside".'],
    [['delete'], 'org delete: give the organisation\'s code, as in "lhs org delete riverside".'],
    [['export', 'test', 'other'], 'org export: unexpected argument "other" (one organisation at a time).'],
  ])('%j is a usage error: %s', async (args, message) => {
    await expect(run(args)).rejects.toThrow(new UsageError(message))
  })

  it('refuses an unknown option before opening any database', async () => {
    await expect(run(['delete', 'test', '--yes'])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' })
  })
})

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs org export and delete on ${engine.engine}`, () => {
    let database: CliDatabase
    let cwd: string
    const run = (args: string[]) => orgData(args, database.env, cwd)
    beforeAll(async () => {
      database = await engine.create()
      cwd = mkdtempSync(join(tmpdir(), 'lhs-org-data-'))
      await seed(database)
    })
    afterAll(async () => {
      await database.cleanUp()
      rmSync(cwd, { recursive: true, force: true })
    })

    it('export writes CODE-YYYY-MM-DD.json in the current folder, readable by its owner only, and says what it holds', async () => {
      const before = today()
      const outcome = await run(['export', 'test'])
      const name = [before, today()].map((date) => `test-${date}.json`).find((n) => outcome.stdout.includes(n))
      expect(name, outcome.stdout).toBeDefined()
      expect(outcome).toMatchObject({ code: 0, stderr: '' })
      expect(outcome.stdout.split('\n')[0]).toMatch(
        /^Wrote test-\d{4}-\d\d-\d\d\.json: organisation test \(Test ICS\), 4 sites, 1 programme, 3 measures, 4 observations, 0 rebases, 1 import, 1 person, 1 audit entry\.$/,
      )
      const file = join(cwd, name!)
      const archive = JSON.parse(readFileSync(file, 'utf8')) as { format: string; observations: unknown[]; people: { email: string }[] }
      expect(archive.format).toBe('lhs-organisation-archive')
      expect(archive.observations).toHaveLength(4)
      expect(archive.people.map((p) => p.email)).toEqual(['only-test@test.example'])
      expect(statSync(file).mode & 0o777).toBe(0o600)
    })

    it('export refuses to overwrite a file unless --force, and writes where --output says', async () => {
      const target = join(cwd, 'archive.json')
      writeFileSync(target, 'keep me')
      await expect(run(['export', 'test', '--output', 'archive.json'])).rejects.toThrow(new UsageError('org export: archive.json already exists; choose another file with --output FILE, or add --force to overwrite it.'))
      expect(readFileSync(target, 'utf8')).toBe('keep me')
      const outcome = await run(['export', 'test', '--output', 'archive.json', '--force'])
      expect(outcome.code).toBe(0)
      expect(outcome.stdout).toMatch(/^Wrote archive\.json: organisation test \(Test ICS\)/)
      expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ format: 'lhs-organisation-archive', version: 3, organisation: { code: 'test' } })
    })

    it('export of an unknown organisation is not_found and writes no file', async () => {
      await expect(run(['export', 'nowhere', '--output', 'nowhere.json'])).rejects.toThrow(new AppError('not_found', 'No organisation with code "nowhere".'))
      expect(() => statSync(join(cwd, 'nowhere.json'))).toThrow(/ENOENT/)
    })

    it('delete without --confirm exits 2, says what would go with counts, and deletes nothing', async () => {
      const outcome = await run(['delete', 'test'])
      expect(outcome).toMatchObject({ code: 2, stdout: '' })
      expect(outcome.stderr).toBe(
        'lhs: org delete would permanently delete organisation test (Test ICS): 4 observations, 0 rebases, 1 import, 3 measures, 1 programme, 4 sites, 1 membership, ' +
          '1 user who belongs to no other organisation (with their sessions and API tokens). The audit trail is kept. ' +
          'Export the data first with "lhs org export test" if you need it, then add --confirm to delete.\n',
      )
      const store = await database.open()
      try {
        expect(await findOrganisation(store.db, 'test')).toBeDefined()
      } finally {
        await store.close()
      }
    })

    it('delete --confirm deletes the organisation and says what went; other stays', async () => {
      const outcome = await run(['delete', 'test', '--confirm'])
      expect(outcome).toEqual({
        code: 0,
        stdout:
          'Deleted organisation test (Test ICS): 4 observations, 0 rebases, 1 import, 3 measures, 1 programme, 4 sites, 1 membership, ' +
          '1 user who belongs to no other organisation (with their sessions and API tokens). The audit trail is kept.\n',
        stderr: '',
      })
      const store = await database.open()
      try {
        expect(await findOrganisation(store.db, 'test')).toBeUndefined()
        expect(await findOrganisation(store.db, 'other')).toMatchObject({ code: 'other' })
        expect((await store.db.selectFrom('users').select('email').execute()).map((u) => u.email)).toEqual(['admin@other.example'])
      } finally {
        await store.close()
      }
      await expect(run(['delete', 'test', '--confirm'])).rejects.toThrow('No organisation with code "test".')
    })
  })
}
