// `lhs review` against a database reached through the environment (a fresh PGlite folder; a
// throwaway PostgreSQL database when LHS_TEST_DATABASE_URL is set), holding the fixture programme
// and the actions of test/review/seed-review.ts. The command runs on the real clock, so every
// review date (all in 2025) has passed. One database per engine; the tests run in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { addMember } from '../../app/auth/people.ts'
import { importFile } from '../../app/gather/import-file.ts'
import { ReviewReportSchema, type ReviewReport } from '../../contract/review.ts'
import { migrateToLatest } from '../../storage/migrate.ts'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { linesOf, runCli } from '../../../test/cli/run-cli.ts'
import { NORTH_AFTER, NORTH_BEFORE, seedReview, type SeededReview } from '../../../test/review/seed-review.ts'
import { depsFor, seedFixture } from '../../../test/support/fixture.ts'
import { FIXTURE_OBSERVATIONS, keysDeep } from '../../../test/support/server.ts'

const TITLES = ['Text reminders at North', 'Outreach in the most deprived fifth at Alpha', 'Evening clinics at Beta', 'Lend monitors']

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs review on ${engine.engine}`, () => {
    let database: CliDatabase
    let seeded: SeededReview
    const lhs = (...argv: string[]) => runCli(['review', ...argv], database.env)

    async function auditedRuns(): Promise<number> {
      const store = await database.open()
      try {
        return (await store.db.selectFrom('audit_log').select('actor').where('action', '=', 'review.run').execute()).length
      } finally {
        await store.close()
      }
    }

    beforeAll(async () => {
      database = await engine.create()
      const store = await database.open()
      try {
        await migrateToLatest(store.db)
        await seedFixture(store)
        const deps = depsFor(store)
        await addMember(deps, CLI_ACTOR, { email: 'lead@test.example', organisation: 'test', role: 'lead' })
        await importFile(deps, { organisation: 'test', programme: 'htn', kind: 'observations', fileName: 'fixture.csv', content: FIXTURE_OBSERVATIONS, createdBy: 'fixture' })
        seeded = await seedReview(deps)
      } finally {
        await store.close()
      }
    }, 120_000)
    afterAll(async () => {
      await database?.cleanUp()
    })

    it('with --no-run prints the stored verdicts without reviewing: none yet', async () => {
      const outcome = await lhs('--programme', 'htn', '--organisation', 'test', '--json', '--no-run')
      expect(outcome.stderr).toBe('')
      expect(outcome.code).toBe(0)
      const report = ReviewReportSchema.parse(JSON.parse(outcome.stdout))
      expect(report).toMatchObject({ organisation: 'test', programme: 'htn', ran: false, counts: { working: 0, not_yet_clear: 0, not_working: 0, harm: 0, unreviewed: 4, overdue: 4 } })
      expect(report.actions.map((a) => a.review)).toEqual([null, null, null, null])
      expect(await auditedRuns()).toBe(0)
    })

    it('--json reviews the actions, then prints each one’s verdict, reasons and per-prediction evidence (trimmed)', async () => {
      const outcome = await lhs('--programme', 'htn', '--organisation', 'test', '--json')
      expect(outcome.stderr).toBe('')
      expect(outcome.code).toBe(0)
      const parsed = JSON.parse(outcome.stdout) as ReviewReport
      expect(ReviewReportSchema.parse(parsed)).toEqual(parsed)
      expect(Object.keys(parsed)).toEqual(['organisation', 'programme', 'today', 'ran', 'counts', 'actions'])
      expect(parsed).toMatchObject({ ran: true, counts: { working: 1, not_yet_clear: 1, not_working: 1, harm: 0, unreviewed: 1, overdue: 4 } })
      expect(parsed.actions.map((a) => [a.title, a.review?.verdict ?? null])).toEqual([[TITLES[0], 'working'], [TITLES[1], 'not_yet_clear'], [TITLES[2], 'not_working'], [TITLES[3], null]])
      const working = parsed.actions.find((a) => a.id === seeded.working)!
      expect(working).toMatchObject({ status: 'in_progress', owner: 'lead@test.example', startDate: '2025-03-03', reviewDate: '2025-05-01', overdue: true })
      expect(working.review!.reasons[0]).toBe('‘Text reminders at North’ (the change made on 3 March 2025): working. The predicted change has been seen for Blood pressure controlled at North network, and no balancing measure got worse.')
      expect(working.review!.predictions.map((p) => [p.role, p.subject, p.verdict, p.basis])).toEqual([
        ['primary', 'Blood pressure controlled at North network', 'working', 'predicted_change'],
        ['balancing', 'Falls across the organisation', 'not_yet_clear', 'short_baseline'],
      ])
      const evidence = working.review!.predictions[0]!.evidence
      expect(evidence).toMatchObject({ pointsBefore: NORTH_BEFORE, pointsAfter: NORTH_AFTER, averageBefore: 0.5, averageAfter: 0.7, chart: { chart: 'p', frozen: true } })
      expect(evidence.signals.map((s) => s.kind)).toEqual(['shift', 'outside_limits'])
      expect(evidence.levelChange!.estimate).toBeCloseTo(0.1918, 4)
      const notWorking = parsed.actions.find((a) => a.id === seeded.notWorking)!
      expect(notWorking.review!.reasons[1]).toMatch(/^Blood pressure controlled at Beta Practice: in the 8 weeks since the change on 31 March 2025, nothing moved beyond the variation seen before it/)
      for (const bulky of ['fitted', 'residuals', 'counterfactual', 'points']) expect(keysDeep(parsed).has(bulky), bulky).toBe(false)
      expect(await auditedRuns()).toBe(1)
    })

    it('prints a table by default: action, verdict, owner, next review, overdue and the first reason', async () => {
      const outcome = await lhs('--programme', 'htn', '--organisation', 'test')
      expect(outcome.stderr).toBe('')
      expect(outcome.code).toBe(0)
      const lines = linesOf(outcome.stdout)
      expect(lines[0]).toBe('Hypertension: 4 actions: 1 working, 1 not working, 1 not yet clear, 1 not reviewed; 4 reviews overdue (reviewed now: 0 verdicts changed)')
      expect(lines[1]).toMatch(/^Action +Verdict +Owner +Next review +Overdue +Why$/)
      expect(lines.slice(2).map((l) => l.split(/ {2,}/).slice(0, 5))).toEqual([
        [TITLES[0], 'Working', 'lead@test.example', '2025-05-01', 'yes'],
        [TITLES[1], 'Not yet clear', 'lead@test.example', '2025-09-01', 'yes'],
        [TITLES[2], 'Not working', 'lead@test.example', '2025-07-01', 'yes'],
        [TITLES[3], 'not reviewed', 'lead@test.example', '2025-08-01', 'yes'],
      ])
      expect(lines[3]).toMatch(/ {2}‘Outreach in the most deprived fifth at Alpha’ \(the change made on 3 March 2025\): not yet clear\. There are not yet enough data/)
      expect(lines[5]).toMatch(/ {2}No predictions to check\.$/)
      const whyColumn = lines[1]!.indexOf('Why')
      for (const line of lines.slice(2)) expect(line[whyColumn - 1]).toBe(' ')
    })

    it('names what was wrong: no or an unknown programme, no or an unknown organisation, a stray argument (exit 2)', async () => {
      for (const [argv, message] of [
        [['--organisation', 'test'], 'lhs: review: give the programme with --programme CODE.'],
        [['--programme', 'nope', '--organisation', 'test'], 'lhs: No programme with code "nope".'],
        [['--programme', 'htn', '--organisation', 'nowhere'], 'lhs: No organisation with code "nowhere".'],
        [['--programme', 'htn'], 'lhs: review: give the organisation with --organisation CODE (organisations: other, test).'],
        [['--programme', 'htn', '--organisation', 'test', 'now'], 'lhs: review: unexpected argument "now".'],
      ] as const) {
        const outcome = await lhs(...argv)
        expect(outcome, argv.join(' ')).toMatchObject({ code: 2, stdout: '' })
        expect(linesOf(outcome.stderr)).toEqual([message])
      }
      const flag = await lhs('--programme', 'htn', '--since', '2025-01-01')
      expect(flag.code).toBe(2)
      expect(flag.stderr).toMatch(/^lhs: Unknown option '--since'/)
      expect(await auditedRuns()).toBe(2)
    })
  })
}
