import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../test/cli/run-cli.ts'
import { run } from '../run.ts'
import type { RedactLine } from './redact.ts'

// Only reserved or fictional identifiers: a test NHS number (999 000 0018), an Ofcom drama mobile and an example.com address.
const LINES = ['My NHS number is 999 000 0018, please call 07700 900123.', '', 'Nothing to hide here: Ward 10, 10 mg twice a day.', 'Email me at jo.bloggs@example.com thanks']

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lhs-redact-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text)
  return name
}

const redactCli = (...args: string[]) => runCli(['redact', ...args], {}, dir)

describe('lhs redact', () => {
  it('prints one JSON entry per line, with offsets into the original line and typed placeholders', async () => {
    const outcome = await redactCli(file('texts.txt', LINES.join('\r\n') + '\r\n'), '--json')
    expect(outcome.code).toBe(0)
    const entries = JSON.parse(outcome.stdout) as RedactLine[]
    expect(entries).toHaveLength(4)
    const [first, empty, clean, email] = entries as [RedactLine, RedactLine, RedactLine, RedactLine]
    expect(first.entities.map((e) => [e.type, LINES[0]!.slice(e.start, e.end)])).toEqual([
      ['nhs_number', '999 000 0018'],
      ['phone', '07700 900123'],
    ])
    expect(first.text).toBe('My NHS number is [NHS_NUMBER], please call [PHONE].')
    expect(empty).toEqual({ text: '', entities: [] })
    expect(clean).toEqual({ text: LINES[2], entities: [] })
    expect(email.text).toBe('Email me at [EMAIL] thanks')
    expect(Object.keys(email.entities[0]!).sort()).toEqual(['end', 'start', 'type'])
  })

  it('prints the redacted lines as text, and on stderr only counts (never the originals)', async () => {
    const outcome = await redactCli(file('plain.txt', '\uFEFF' + LINES.join('\n')))
    expect(outcome.code).toBe(0)
    expect(outcome.stdout.split('\n')).toEqual(['My NHS number is [NHS_NUMBER], please call [PHONE].', '', LINES[2], 'Email me at [EMAIL] thanks', ''])
    expect(outcome.stderr).toBe('Redacted 4 lines: 1 nhs_number, 1 phone, 1 email.\n')
    for (const secret of ['999 000 0018', '07700 900123', 'jo.bloggs']) expect(outcome.stderr).not.toContain(secret)
  })

  it('reads standard input with -', async () => {
    let stdout = ''
    const code = await run(['redact', '-', '--json'], { stdout: (t) => (stdout += t), stderr: () => {}, env: {}, cwd: dir, interactive: false, readStdin: async () => 'Call 07700 900123\n' })
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as RedactLine[]).map((e) => e.text)).toEqual(['Call [PHONE]'])
  })

  it('refuses a missing file or argument with exit 2 and a plain reason', async () => {
    const missing = await redactCli('nowhere.txt')
    expect([missing.code, missing.stderr]).toEqual([2, 'lhs: redact: cannot read nowhere.txt (no such file).\n'])
    expect((await redactCli()).code).toBe(2)
    expect((await redactCli('a.txt', 'b.txt')).stderr).toContain('unexpected argument "b.txt"')
    expect((await redactCli('-', '--json')).stderr).toContain('standard input cannot be read here')
  })

  it('prints an empty array for an empty file', async () => {
    const outcome = await redactCli(file('empty.txt', ''), '--json')
    expect([outcome.code, JSON.parse(outcome.stdout)]).toEqual([0, []])
    expect(outcome.stderr).toBe('Redacted 0 lines: nothing found.\n')
  })
})
