// `lhs import extract` as a user runs it, on a database reached through the environment (PGlite in a
// folder, and PostgreSQL when LHS_TEST_DATABASE_URL is set): measures with extract definitions
// imported first, then an extract of synthetic appointments aggregated into observations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { linesOf, runCli } from '../../../test/cli/run-cli.ts'
import { appointmentCsv, appointments, tally } from '../../../test/support/extracts.ts'
import { seedFixture } from '../../../test/support/fixture.ts'
import type { Issue } from '../../core/issues.ts'

const ROWS = appointments(4242, 800, ['alpha', 'beta'])
const MEASURES = JSON.stringify({
  measures: [
    { code: 'cli-dna', name: 'Appointments missed (CLI test)', type: 'process', kind: 'proportion', direction: 'decrease', period: 'month', extract: { date: 'appointment_date', site: 'practice', numerator: "attended = 'N'" } },
    { code: 'cli-booked', name: 'Appointments booked (CLI test)', type: 'process', kind: 'count', direction: 'neutral', period: 'month', extract: { date: 'appointment_date', count: true } },
  ],
})
const EXPECTED = [
  ...tally('cli-dna', ROWS, { period: 'month', bySite: true, groups: {}, kind: 'ratio', counted: () => true, numerator: (r) => r.attended === 'N' }),
  ...tally('cli-booked', ROWS, { period: 'month', bySite: false, groups: {}, kind: 'count', counted: () => true }),
]

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs import extract on ${engine.engine}`, () => {
    let database: CliDatabase
    let files: string
    const lhs = (...argv: string[]) => runCli(argv, database.env)
    const file = (name: string, text: string) => {
      writeFileSync(join(files, name), text)
      return join(files, name)
    }

    beforeAll(async () => {
      files = mkdtempSync(join(tmpdir(), 'lhs-cli-extract-'))
      database = await engine.create()
      expect((await lhs('migrate')).code).toBe(0)
      const store = await database.open()
      try {
        await seedFixture(store)
      } finally {
        await store.close()
      }
      expect((await lhs('import', 'measures', file('measures.json', MEASURES), '--programme', 'htn', '--organisation', 'test')).code).toBe(0)
    })
    afterAll(async () => {
      rmSync(files, { recursive: true, force: true })
      await database?.cleanUp()
    })

    it('aggregates the extract and prints what it read and what it imported', async () => {
      const outcome = await lhs('import', 'extract', file('appointments.csv', appointmentCsv(ROWS)), '--programme', 'htn', '--organisation', 'test', '--measure', 'cli-dna', '--measure', 'cli-booked')
      expect(outcome.stderr).toBe('')
      expect(outcome.code).toBe(0)
      const lines = linesOf(outcome.stdout)
      expect(lines[0]).toMatch(new RegExp(`^appointments\\.csv: 800 rows aggregated into ${EXPECTED.length} observations in [\\d.]+ s; no patient-level row was stored\\.$`))
      expect(lines.slice(1, 5)).toEqual(['  File       appointments.csv', `  Inserted   ${EXPECTED.length}`, '  Updated    0', '  Unchanged  0'])
      expect(lines.at(-1)).toBe('Import complete.')
    })

    it('--json prints the counts and issues; the same file again changes nothing', async () => {
      const outcome = await lhs('import', 'extract', file('appointments.csv', appointmentCsv(ROWS)), '--programme', 'htn', '--organisation', 'test', '--measure', 'cli-dna', '--measure', 'cli-booked', '--json')
      expect(outcome.code).toBe(0)
      expect(JSON.parse(outcome.stdout)).toEqual({ inserted: 0, updated: 0, unchanged: EXPECTED.length, issues: [] })
    })

    it('a file with mistakes exits 2 with each on stderr by line and column', async () => {
      const outcome = await lhs('import', 'extract', file('bad.csv', appointmentCsv(ROWS.slice(0, 3), ['2025-1-6,alpha,1,White,Y,3', '2025-01-06,zeta,1,White,Y,3'])), '--programme', 'htn', '--organisation', 'test', '--measure', 'cli-dna', '--json')
      expect(outcome.code).toBe(2)
      const issues = (JSON.parse(outcome.stdout) as { issues: Issue[] }).issues
      expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([['bad_date', 5, 'appointment_date'], ['unknown_site', 6, 'practice']])
      expect(issues[1]?.message).toMatch(/^bad\.csv:6:practice: "zeta" is not a site of the organisation/)
    })

    it.each([
      [['--measure', 'bp-control'], /Measure "bp-control" has no extract definition \(measures with one: cli-dna, cli-booked\)/],
      [[], /name each measure to work out with --measure CODE/],
    ])('refuses %j with exit 2', async (extra, message) => {
      const outcome = await lhs('import', 'extract', file('appointments.csv', appointmentCsv(ROWS)), '--programme', 'htn', '--organisation', 'test', ...extra)
      expect(outcome.code).toBe(2)
      expect(outcome.stderr).toMatch(message)
    })

    it('--measure belongs to extracts only; a file that is neither CSV nor Parquet is refused', async () => {
      const other = await lhs('import', 'observations', file('obs.csv', 'measure,period\n'), '--programme', 'htn', '--measure', 'x')
      expect(other.code).toBe(2)
      expect(other.stderr).toContain('--measure is only for "lhs import extract"')
      const text = await lhs('import', 'extract', file('appointments.txt', 'x'), '--programme', 'htn', '--organisation', 'test', '--measure', 'cli-dna')
      expect(text.code).toBe(2)
      expect(text.stderr).toContain('appointments.txt must end in .csv or .parquet')
    })
  })
}
