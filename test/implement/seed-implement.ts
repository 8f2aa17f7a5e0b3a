/**
 * A small loop in the fixture organisation `test` (programme htn) for route tests and the access
 * matrix: a decision, a driver tree (primary → secondary → change idea), an action owned by the lead
 * with a primary and a balancing prediction and PDSA cycle 1, and spare predictions to remove.
 */
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { getProgrammeScope, type ProgrammeScope } from '../../src/app/catalogue.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { createAction } from '../../src/app/implement/actions.ts'
import { startCycle } from '../../src/app/implement/cycles.ts'
import { addDriver } from '../../src/app/implement/drivers.ts'
import { addPrediction } from '../../src/app/implement/predictions.ts'

export interface SeededLoop {
  readonly scope: ProgrammeScope
  readonly decisionId: number
  /** The primary driver (it has a secondary driver and a change idea under it). */
  readonly driverId: number
  readonly secondaryId: number
  readonly changeIdeaId: number
  readonly actionId: number
  /** PDSA cycle 1 of the action (cycles are addressed by number). */
  readonly cycleNumber: number
  /** Predictions of the action that tests may remove, one each. */
  readonly removablePredictions: number[]
}

/** Insert a decision with one version straight into storage (the decide use cases are not needed here). */
export async function seedDecision(deps: AppDeps, scope: ProgrammeScope, title: string): Promise<number> {
  const organisationId = scope.organisation.id
  const { id } = await deps.store.db.insertInto('decisions').values({ organisation_id: organisationId, programme_id: scope.programme.id }).returning('id').executeTakeFirstOrThrow()
  await deps.store.db
    .insertInto('decision_versions')
    .values({ organisation_id: organisationId, decision_id: id, version: 1, title, rationale: 'Patients asked for it.', option_chosen: 'Lend monitors', options_considered: '[]', label: 'standardise', changed_by: 'cli', change_reason: null })
    .execute()
  return id
}

/** Seed the loop; `removable` spare predictions (whole-organisation, all people, on bp-control at different sites or roles). */
export async function seedImplement(deps: AppDeps, organisation = 'test', removable = 16): Promise<SeededLoop> {
  const scope = await getProgrammeScope(deps, organisation, 'htn')
  const decisionId = await seedDecision(deps, scope, 'Lend home blood-pressure monitors')
  const primary = await addDriver(deps, CLI_ACTOR, scope, { kind: 'primary', parentId: null, title: 'Measuring is convenient' })
  const secondary = await addDriver(deps, CLI_ACTOR, scope, { kind: 'secondary', parentId: primary.id, title: 'People can measure at home' })
  const idea = await addDriver(deps, CLI_ACTOR, scope, { kind: 'change_idea', parentId: secondary.id, title: 'Lend home monitors' })
  const action = await createAction(deps, CLI_ACTOR, scope, { title: 'Lend home monitors at Alpha', decision: decisionId, changeIdea: idea.id, owner: `lead@${organisation}.example`, sites: ['alpha'], startDate: '2025-03-03', reviewDate: '2025-06-30', status: 'planned' })
  await addPrediction(deps, CLI_ACTOR, scope, action.id, { role: 'primary', measure: 'bp-control', site: 'alpha', dimension: 'imd_quintile', group: '1', direction: 'increase', expectedSize: 0.05, byDate: '2025-06-30' })
  await addPrediction(deps, CLI_ACTOR, scope, action.id, { role: 'balancing', measure: 'falls', direction: 'increase' })
  const cycle = await startCycle(deps, CLI_ACTOR, scope, action.id, { plan: 'Lend 20 monitors in March', prediction: 'Half come back with readings', startedOn: '2025-03-03' })
  const removablePredictions: number[] = []
  const places = [null, 'north', 'alpha', 'beta'] as const
  for (let i = 0; i < removable; i++) {
    const site = places[i % places.length]!
    const role = (['primary', 'balancing'] as const)[Math.floor(i / places.length) % 2]!
    const measure = ['monitors-lent', 'bp-control'][Math.floor(i / (2 * places.length)) % 2]!
    removablePredictions.push((await addPrediction(deps, CLI_ACTOR, scope, action.id, { role, measure, site, direction: 'decrease' })).id)
  }
  return { scope, decisionId, driverId: primary.id, secondaryId: secondary.id, changeIdeaId: idea.id, actionId: action.id, cycleNumber: cycle.number, removablePredictions }
}
