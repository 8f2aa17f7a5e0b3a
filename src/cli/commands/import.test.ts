// `lhs migrate`, `lhs demo` and `lhs import` against a database reached through the environment,
// as a user reaches it: a fresh PGlite folder (LHS_DATA_DIR), and a throwaway PostgreSQL database
// (DATABASE_URL) when LHS_TEST_DATABASE_URL is set. One database per engine is shared by the
// file (starting PGlite on disk is slow), so the tests of a describe block run in order: the
// measures imported first are those the observation files use.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { linesOf, runCli, type CliOutcome } from '../../../test/cli/run-cli.ts'
import { ImportReportSchema } from '../../contract/imports.ts'
import type { Issue } from '../../core/issues.ts'

const HEADER = 'measure,period,site,dimension,group,numerator,denominator,value'

const MEASURES_CSV = [
  'code,name,type,kind,direction,period,target,unit',
  'cli-visits,Home visits (CLI test),process,count,increase,week,,visits',
  'cli-share,Share reviewed (CLI test),outcome,proportion,increase,week,0.5,',
].join('\n') + '\n'

/** Weekly Mondays from 2025-01-06. */
function monday(index: number): string {
  return new Date(Date.UTC(2025, 0, 6 + 7 * index)).toISOString().slice(0, 10)
}

/** 14 weeks of visits at eastgate and 14 weeks of shares at westbrook: 28 rows, no gaps, no outliers. */
const GOOD_ROWS = [
  ...Array.from({ length: 14 }, (_, i) => `cli-visits,${monday(i)},eastgate,,,,,${20 + (i % 3)}`),
  ...Array.from({ length: 14 }, (_, i) => `cli-share,${monday(i)},westbrook,,,${40 + (i % 2)},80,`),
]

/** One good row, then one mistake a line, lines 3 to 8. */
const BAD_ROWS = [
  `cli-visits,${monday(0)},eastgate,,,,,20`,
  `cli-visit,${monday(1)},eastgate,,,,,21`,
  'cli-visits,2025-01-14,eastgate,,,,,21',
  `cli-visits,${monday(2)},gamma,,,,,22`,
  `cli-visits,${monday(3)},eastgate,,,,,lots`,
  `cli-share,${monday(0)},westbrook,,,9,8,`,
  `cli-visits,${monday(4)},eastgate,,,,,-3`,
]
const BAD_ISSUES = [
  ['error', 'unknown_measure', 3, 'measure'],
  ['error', 'misaligned_period', 4, 'period'],
  ['error', 'unknown_site', 5, 'site'],
  ['error', 'not_a_number', 6, 'value'],
  ['error', 'numerator_above_denominator', 7, 'numerator'],
  ['error', 'negative_value', 8, 'value'],
]

interface ReportJson {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  readonly issues: readonly Issue[]
}

/** The JSON report of `lhs import … --json`: exactly the four documented keys. */
function reportOf(outcome: CliOutcome): ReportJson {
  const json: unknown = JSON.parse(outcome.stdout)
  ImportReportSchema.strict().parse(json)
  return json as ReportJson
}

function where(issues: readonly Issue[]): unknown[][] {
  return issues.map((i) => [i.severity, i.code, i.line, i.column])
}

async function countWhere(database: CliDatabase, measureCodes: readonly string[]): Promise<{ observations: number; imports: number }> {
  const store = await database.open()
  try {
    const observations = await store.db
      .selectFrom('observations')
      .innerJoin('measures', (join) => join.onRef('measures.id', '=', 'observations.measure_id').onRef('measures.organisation_id', '=', 'observations.organisation_id'))
      .where('measures.code', 'in', measureCodes)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const imports = await store.db.selectFrom('imports').where('kind', '=', 'observations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return { observations: Number(observations.n), imports: Number(imports.n) }
  } finally {
    await store.close()
  }
}

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs migrate, demo and import on ${engine.engine}`, () => {
    let database: CliDatabase
    let files: string
    let firstMigrate: CliOutcome
    let firstDemo: CliOutcome
    const lhs = (...argv: string[]) => runCli(argv, database.env)
    const file = (name: string, text: string) => {
      const path = join(files, name)
      writeFileSync(path, text)
      return path
    }

    beforeAll(async () => {
      files = mkdtempSync(join(tmpdir(), 'lhs-cli-files-'))
      database = await engine.create()
      firstMigrate = await lhs('migrate')
      firstDemo = await lhs('demo')
    })
    afterAll(async () => {
      rmSync(files, { recursive: true, force: true })
      await database?.cleanUp()
    })

    describe('lhs migrate', () => {
      it('applies the migrations to an empty database and says which, then says it is up to date', async () => {
        expect(firstMigrate.code).toBe(0)
        expect(firstMigrate.stderr).toBe('')
        expect(firstMigrate.stdout).toMatch(engine.engine === 'pglite' ? /^Applied 0001-foundation(, [\w-]+)* to embedded PGlite in .+\.\n$/ : /^Applied 0001-foundation(, [\w-]+)* to PostgreSQL at .+\.\n$/)
        const again = await lhs('migrate')
        expect(again.code).toBe(0)
        expect(again.stdout).toMatch(/ is up to date\.\n$/)
        expect(again.stdout).not.toContain('Applied')
      })
    })

    describe('lhs demo', () => {
      it('seeds the two demo organisations, and a second run adds nothing', async () => {
        expect(firstDemo.code).toBe(0)
        const first = /: 2 organisations, ([\d,]+) observations added, 0 already there\.\n$/.exec(firstDemo.stdout)
        expect(first, firstDemo.stdout).not.toBeNull()
        expect(Number(first![1]!.replaceAll(',', ''))).toBeGreaterThan(0)
        const again = await lhs('demo')
        expect(again.code).toBe(0)
        expect(again.stdout).toMatch(new RegExp(`: 2 organisations, 0 observations added, ${first![1]} already there\\.\\n$`))
      })
    })

    describe('lhs import measures', () => {
      it('imports a CSV of measures and prints the counts', async () => {
        const outcome = await lhs('import', 'measures', file('measures.csv', MEASURES_CSV), '--programme', 'htn', '--organisation', 'riverside')
        expect(outcome).toMatchObject({ code: 0, stderr: '' })
        expect(linesOf(outcome.stdout)).toEqual([
          '  File       measures.csv',
          '  Inserted   2',
          '  Updated    0',
          '  Unchanged  0',
          '  Errors     0',
          '  Warnings   0',
          'Import complete.',
        ])
      })

      it('--json prints exactly {inserted, updated, unchanged, issues}: the same file again is unchanged', async () => {
        const outcome = await lhs('import', 'measures', file('measures.csv', MEASURES_CSV), '--programme', 'htn', '--organisation', 'riverside', '--json')
        expect(outcome).toMatchObject({ code: 0, stderr: '' })
        expect(JSON.parse(outcome.stdout)).toEqual({ inserted: 0, updated: 0, unchanged: 2, issues: [] })
      })

      it('a JSON file that changes a measure updates it', async () => {
        const json = JSON.stringify({ measures: [{ code: 'cli-visits', name: 'Home visits made', type: 'process', kind: 'count', direction: 'increase', period: 'week' }] })
        const outcome = await lhs('import', 'measures', file('measures.json', json), '--programme', 'htn', '--organisation', 'riverside', '--json')
        expect(outcome.code).toBe(0)
        expect(reportOf(outcome)).toEqual({ inserted: 0, updated: 1, unchanged: 0, issues: [] })
      })

      it('a mistake exits 2 and is reported with its line and column', async () => {
        const text = MEASURES_CSV.replace('increase,week,,visits', 'increase,fortnight,,visits')
        const outcome = await lhs('import', 'measures', file('bad-measures.csv', text), '--programme', 'htn', '--organisation', 'riverside', '--json')
        expect(outcome.code).toBe(2)
        const report = reportOf(outcome)
        expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 0 })
        expect(where(report.issues)).toEqual([['error', 'invalid_choice', 2, 'period']])
        expect(report.issues[0]!.message).toMatch(/^bad-measures\.csv:2:period: "fortnight" is not /)
      })
    })

    describe('lhs import observations', () => {
      it('a file with mistakes exits 2, with every issue on stderr, one line each, and a summary', async () => {
        const outcome = await lhs('import', 'observations', file('bad.csv', [HEADER, ...BAD_ROWS].join('\n') + '\n'), '--programme', 'htn', '--organisation', 'riverside')
        expect(outcome.code).toBe(2)
        const lines = linesOf(outcome.stderr)
        expect(lines).toHaveLength(BAD_ISSUES.length)
        lines.forEach((line, i) => {
          const [, , row, column] = BAD_ISSUES[i]!
          expect(line.startsWith(`error: bad.csv:${row}:${column}: `), line).toBe(true)
        })
        expect(outcome.stdout).toContain('  Errors     6\n')
        expect(linesOf(outcome.stdout).at(-1)).toBe('Nothing was imported: fix the 6 errors above and run it again.')
      })

      it('with --json the same file gives every issue with severity, code, message, line and column', async () => {
        const outcome = await lhs('import', 'observations', file('bad.csv', [HEADER, ...BAD_ROWS].join('\n') + '\n'), '--programme', 'htn', '--organisation', 'riverside', '--json')
        expect(outcome.code).toBe(2)
        expect(outcome.stderr).toBe('')
        const report = reportOf(outcome)
        expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 0 })
        expect(where(report.issues)).toEqual(BAD_ISSUES)
        for (const issue of report.issues) expect(issue.message).toMatch(new RegExp(`^bad\\.csv:${issue.line}:${issue.column}: .+\\(expected .+\\)\\.$`))
        expect(report.issues[3]!.message).toContain('"lots"')
      })

      it('nothing of the file with mistakes was written', async () => {
        expect(await countWhere(database, ['cli-visits', 'cli-share'])).toEqual({ observations: 0, imports: 0 })
      })

      it('a good file exits 0 and inserts every row', async () => {
        const outcome = await lhs('import', 'observations', file('good.csv', [HEADER, ...GOOD_ROWS].join('\n') + '\n'), '--programme', 'htn', '--organisation', 'riverside', '--json')
        expect(outcome).toMatchObject({ code: 0, stderr: '' })
        expect(reportOf(outcome)).toEqual({ inserted: 28, updated: 0, unchanged: 0, issues: [] })
        expect(await countWhere(database, ['cli-visits', 'cli-share'])).toEqual({ observations: 28, imports: 1 })
      })

      it('the same file again leaves every row unchanged', async () => {
        const outcome = await lhs('import', 'observations', file('good.csv', [HEADER, ...GOOD_ROWS].join('\n') + '\n'), '--programme', 'htn', '--organisation', 'riverside')
        expect(outcome).toMatchObject({ code: 0, stderr: '' })
        expect(outcome.stdout).toContain('  Inserted   0\n  Updated    0\n  Unchanged  28\n')
        expect(linesOf(outcome.stdout).at(-1)).toBe('Import complete.')
      })

      it('a changed row is updated, and a gap in a series is a warning that does not stop the import', async () => {
        const rows = [`cli-visits,${monday(0)},eastgate,,,,,23`, `cli-visits,${monday(20)},eastgate,,,,,21`]
        const outcome = await lhs('import', 'observations', file('later.csv', [HEADER, ...rows].join('\n') + '\n'), '--programme', 'htn', '--organisation', 'riverside', '--json')
        expect(outcome.code).toBe(0)
        const report = reportOf(outcome)
        expect(report).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 })
        expect(report.issues.map((i) => i.severity)).toEqual(['warning'])
        expect(report.issues[0]!.message).toContain(`between ${monday(13)} and ${monday(20)}`)
      })
    })

    describe('lhs import insights', () => {
      it('imports a CSV, de-identifying every text, and says what it removed', async () => {
        const csv = 'text,date,site,source,fft\n"Waited ages, call me on 07700 900123",2025-05-02,eastgate,patient,4\n"Lovely nurse",2025-05-03,,carer,1\n'
        const outcome = await lhs('import', 'insights', file('feedback.csv', csv), '--programme', 'htn', '--organisation', 'riverside')
        expect([outcome.code, outcome.stderr]).toEqual([0, ''])
        expect(outcome.stdout).toBe('feedback.csv: 2 records, 2 excerpts; removed before saving: 1 phone.\n')
      })

      it('a file with mistakes exits 2 naming line and column, and --json gives the issues', async () => {
        const outcome = await lhs('import', 'insights', file('bad.csv', 'text,date,site\nfine,2025-13-01,nowhere\n'), '--programme', 'htn', '--organisation', 'riverside', '--json')
        expect(outcome.code).toBe(2)
        const report = JSON.parse(outcome.stdout) as { records: number; issues: Issue[] }
        expect(report.records).toBe(0)
        expect(report.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column])).toEqual([[2, 'date'], [2, 'site']])
      })

      it('refuses a file that is not CSV, XLSX, JSON or NDJSON', async () => {
        const outcome = await lhs('import', 'insights', file('notes.txt', 'hello'), '--programme', 'htn', '--organisation', 'riverside')
        expect(outcome.code).toBe(2)
        expect(outcome.stderr).toContain('an insight file must end in .csv, .xlsx, .json (a FHIR Bundle) or .ndjson')
      })
    })

    describe('lhs import: which programme, which file', () => {
      const good = () => file('good.csv', [HEADER, ...GOOD_ROWS].join('\n') + '\n')

      it.each([
        { name: 'without --programme', args: ['--organisation', 'riverside'], says: 'lhs: import observations: give the programme with --programme CODE.' },
        { name: 'an unknown programme', args: ['--programme', 'asthma', '--organisation', 'riverside'], says: 'lhs: No programme with code "asthma".' },
        { name: 'an unknown organisation', args: ['--programme', 'htn', '--organisation', 'lakeside'], says: 'lhs: No organisation with code "lakeside".' },
      ])('$name: exit 2 with one clear line', async (c) => {
        const outcome = await lhs('import', 'observations', good(), ...c.args)
        expect(outcome.code).toBe(2)
        expect(outcome.stdout).toBe('')
        expect(linesOf(outcome.stderr)).toEqual([c.says])
      })

      it('two organisations and no --organisation: exit 2, naming both', async () => {
        const outcome = await lhs('import', 'observations', good(), '--programme', 'htn')
        expect(outcome.code).toBe(2)
        expect(outcome.stdout).toBe('')
        const lines = linesOf(outcome.stderr)
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(/^lhs: give the organisation with --organisation CODE \(organisations: (northshore, riverside|riverside, northshore)\)\.$/)
      })

      it.each([
        { name: 'a .txt file of observations', kind: 'observations', file: 'rows.txt', says: 'file must end in .csv or .xlsx.' },
        { name: 'an .xlsx file of measures', kind: 'measures', file: 'measures.xlsx', says: 'file must end in .csv or .json.' },
      ])('$name: exit 2 naming the formats accepted', async (c) => {
        const outcome = await lhs('import', c.kind, file(c.file, [HEADER, ...GOOD_ROWS].join('\n') + '\n'), '--programme', 'htn', '--organisation', 'riverside')
        expect(outcome.code).toBe(2)
        expect(outcome.stdout).toBe('')
        const lines = linesOf(outcome.stderr)
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(new RegExp(`^lhs: ${join(files, c.file).replaceAll('.', '\\.')}: an? ${c.kind} ${c.says.replaceAll('.', '\\.')}$`))
      })

      it.each([
        { name: 'a missing file', argv: () => ['observations', join(files, 'absent.csv'), '--programme', 'htn'], says: 'absent.csv (no such file).' },
        { name: 'no kind', argv: () => [], says: 'import: say what to import' },
        { name: 'an unknown kind', argv: () => ['sites', good(), '--programme', 'htn'], says: '(got "sites")' },
        { name: 'no file', argv: () => ['observations', '--programme', 'htn'], says: 'import observations: give the file to import.' },
        { name: 'two files', argv: () => ['observations', good(), good(), '--programme', 'htn'], says: 'import one file at a time' },
      ])('$name: exit 2 with one line', async (c) => {
        const outcome = await lhs('import', ...c.argv())
        expect(outcome.code).toBe(2)
        expect(outcome.stdout).toBe('')
        const lines = linesOf(outcome.stderr)
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(/^lhs: import/)
        expect(lines[0]).toContain(c.says)
      })
    })
  })
}
