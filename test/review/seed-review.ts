/**
 * Actions with known verdicts in the fixture organisation `test` (programme htn), for the review
 * API and `lhs review` tests. Blood pressure control at North steps from about 50% to about 70% at
 * the change (2025-03-03), so "Text reminders at North" is working; Beta stays flat, so "Evening
 * clinics at Beta" is not working once its by-date passes; Alpha's most deprived fifth has only 8
 * weeks before its change (not yet clear); "Lend monitors" has no prediction (never reviewed).
 * Expects the fixture's observations (test/support/server.ts FIXTURE_OBSERVATIONS) to be in.
 */
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { getProgrammeScope, type ProgrammeScope } from '../../src/app/catalogue.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { importFile } from '../../src/app/gather/import-file.ts'
import { createAction } from '../../src/app/implement/actions.ts'
import { addPrediction } from '../../src/app/implement/predictions.ts'
import { csv } from '../support/fixture.ts'

/** Weeks of North's series before the change (from 2024-10-14) and after it (to 2025-05-26). */
export const NORTH_BEFORE = 20
export const NORTH_AFTER = 13

function week(index: number): string {
  return new Date(Date.UTC(2024, 9, 14 + 7 * index)).toISOString().slice(0, 10)
}

/** bp-control at North: 48–52 of 100 for 20 weeks, then 68–72 of 100. */
export const NORTH_OBSERVATIONS: Uint8Array = csv(
  ...Array.from({ length: NORTH_BEFORE + NORTH_AFTER }, (_, i) => `bp-control,${week(i)},north,,,${(i < NORTH_BEFORE ? 48 : 68) + ((i * 7) % 5)},100,`),
)

export interface SeededReview {
  readonly scope: ProgrammeScope
  readonly working: number
  readonly notWorking: number
  readonly tooEarly: number
  readonly noPredictions: number
}

export async function seedReview(deps: AppDeps, owner = 'lead@test.example'): Promise<SeededReview> {
  const report = await importFile(deps, { organisation: 'test', programme: 'htn', kind: 'observations', fileName: 'north.csv', content: NORTH_OBSERVATIONS, createdBy: 'fixture' })
  const errors = report.issues.filter((i) => i.severity === 'error')
  if (errors.length > 0) throw new Error(`North's series did not import: ${errors.map((e) => e.message).join('; ')}`)
  const scope = await getProgrammeScope(deps, 'test', 'htn')
  const action = async (title: string, startDate: string, reviewDate: string) => (await createAction(deps, CLI_ACTOR, scope, { title, owner, sites: [], startDate, reviewDate, status: 'in_progress' })).id
  const working = await action('Text reminders at North', '2025-03-03', '2025-05-01')
  await addPrediction(deps, CLI_ACTOR, scope, working, { role: 'primary', measure: 'bp-control', site: 'north', direction: 'increase', expectedSize: 0.1 })
  await addPrediction(deps, CLI_ACTOR, scope, working, { role: 'balancing', measure: 'falls', direction: 'increase' })
  const notWorking = await action('Evening clinics at Beta', '2025-03-31', '2025-07-01')
  await addPrediction(deps, CLI_ACTOR, scope, notWorking, { role: 'primary', measure: 'bp-control', site: 'beta', direction: 'increase', byDate: '2025-05-05' })
  const tooEarly = await action('Outreach in the most deprived fifth at Alpha', '2025-03-03', '2025-09-01')
  await addPrediction(deps, CLI_ACTOR, scope, tooEarly, { role: 'primary', measure: 'bp-control', site: 'alpha', dimension: 'imd_quintile', group: '1', direction: 'increase' })
  const noPredictions = await action('Lend monitors', '2025-04-07', '2025-08-01')
  return { scope, working, notWorking, tooEarly, noPredictions }
}
