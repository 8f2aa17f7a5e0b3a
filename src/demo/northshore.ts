/**
 * Northshore: a second, smaller organisation with its own `htn` programme (two measures, two
 * dimensions, no story), there to prove organisations cannot see each other's data.
 */
import type { Organisation, Site } from '../core/model.ts'
import { BP_CONTROL, BP_RECORDED } from './riverside-measures.ts'
import type { CellContext, MeasureModel, PracticeProfile, Scenario } from './scenario.ts'
import type { Quintile } from './strata.ts'

export interface NorthshorePractice extends PracticeProfile {
  /** Log-odds offset on control and recording. */
  readonly quality: number
}

export const NORTHSHORE: Organisation = { code: 'northshore', name: 'Northshore ICS' }

export const NORTHSHORE_SITES: readonly Site[] = [
  { code: 'northshore', name: 'Northshore ICS', kind: 'system', parent: null },
  { code: 'ns-coast', name: 'Northshore Coast Primary Care Network', kind: 'network', parent: 'northshore' },
  { code: 'ns-harbour', name: 'Harbour Lane Surgery', kind: 'practice', parent: 'ns-coast' },
  { code: 'ns-cliffside', name: 'Cliffside Medical Practice', kind: 'practice', parent: 'ns-coast' },
  { code: 'ns-dunes', name: 'Dunes Health Centre', kind: 'practice', parent: 'ns-coast' },
]

const mix = (imd: number[]) => ({
  imd_quintile: imd,
  ethnicity: [0.85, 0.05, 0.02, 0.03, 0.02, 0.03],
  sex: [0.49, 0.51],
  age_band: [0.06, 0.29, 0.46, 0.19],
})

const PRACTICES: readonly NorthshorePractice[] = [
  { code: 'ns-harbour', listSize: 10_500, prevalence: 0.14, missingWeeks: [], quality: -0.1, mix: mix([0.3, 0.25, 0.2, 0.15, 0.1]) },
  { code: 'ns-cliffside', listSize: 8_200, prevalence: 0.13, missingWeeks: [], quality: 0.1, mix: mix([0.1, 0.15, 0.25, 0.25, 0.25]) },
  { code: 'ns-dunes', listSize: 7_000, prevalence: 0.14, missingWeeks: [], quality: 0, mix: mix([0.2, 0.2, 0.25, 0.2, 0.15]) },
]

const IMD: Readonly<Record<Quintile, number>> = { '1': -0.15, '2': -0.08, '3': 0, '4': 0.06, '5': 0.12 }
/** A slow steady improvement over the 78 weeks, in log-odds. */
const DRIFT = 0.1

function proportionModel(base: number): MeasureModel<NorthshorePractice>['draw'] {
  return (cell: CellContext<NorthshorePractice>) => {
    const x = base + cell.practice.quality + IMD[cell.strata.imd_quintile] + (DRIFT * cell.week) / 77 + 0.03 * cell.shared
    return { numerator: cell.random.binomial(cell.register, 1 / (1 + Math.exp(-x))), denominator: cell.register }
  }
}

export function northshoreScenario(seed: number, weeks: readonly string[]): Scenario<NorthshorePractice> {
  return {
    organisation: NORTHSHORE,
    sites: NORTHSHORE_SITES,
    programme: {
      code: 'htn',
      name: 'Hypertension control',
      aim: 'By March, raise the share of people with diagnosed hypertension whose blood pressure is controlled to target from 61% to 68%.',
    },
    practices: PRACTICES,
    models: [
      { measure: BP_CONTROL, draw: proportionModel(Math.log(0.61 / 0.39)) },
      { measure: BP_RECORDED, draw: proportionModel(Math.log(0.85 / 0.15)) },
    ],
    rebases: [],
    dimensions: ['imd_quintile', 'sex'],
    weeks,
    seed,
  }
}
