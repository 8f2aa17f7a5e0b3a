import { describe, expect, it } from 'vitest'
import { linesOf, runCli } from '../../test/cli/run-cli.ts'
import { USAGE } from './run.ts'

describe('lhs: dispatch and exit codes', () => {
  it('with no command prints the usage and exits 2', async () => {
    const outcome = await runCli([])
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    expect(outcome.stderr).toBe(USAGE)
  })

  it.each(['help', '--help', '-h'])('%s prints the usage on stdout and exits 0', async (word) => {
    const outcome = await runCli([word])
    expect(outcome).toEqual({ code: 0, stdout: USAGE, stderr: '' })
  })

  it('the usage names every command', () => {
    for (const command of ['serve', 'migrate', 'demo', 'import measures', 'import observations', 'spc']) expect(USAGE).toContain(`  ${command} `)
  })

  it('an unknown command exits 2 with one line naming it and the commands there are', async () => {
    const outcome = await runCli(['chart', 'x.csv'])
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    expect(linesOf(outcome.stderr)).toEqual(['lhs: unknown command "chart" (expected one of: serve, migrate, demo, import, export, spc, funnel, redact, findings, review, gap, its, org, admin, user, token, audit). Run "lhs help" for usage.'])
  })

  it('an argument a command does not take exits 2 before touching the database', async () => {
    const outcome = await runCli(['migrate', 'now'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    expect(linesOf(outcome.stderr)).toEqual([`lhs: Unexpected argument 'now'. This command does not take positional arguments. Run "lhs help" for usage.`])
  })

  it('a bad setting in the environment exits 2 and names the variable', async () => {
    const outcome = await runCli(['migrate'], { PORT: 'eighty', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(outcome.code).toBe(2)
    expect(linesOf(outcome.stderr)).toEqual(['lhs: PORT: "eighty" is not a port number (expected a whole number from 0 to 65535).'])
  })

  it('a failure that is not the user\'s input (no database server) exits 1 with the reason on stderr', async () => {
    const outcome = await runCli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(outcome.code).toBe(1)
    expect(outcome.stdout).toBe('')
    expect(outcome.stderr).toMatch(/^lhs: .*ECONNREFUSED/)
  })
})
