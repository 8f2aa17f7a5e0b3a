/** Riverside's whole scenario: sites, programme `htn`, six measures, the story and one rebase. */
import type { Rebase } from '../core/model.ts'
import { RIVERSIDE_MODELS, GUIDELINE_WEEK } from './riverside-models.ts'
import { RIVERSIDE_PRACTICES, type RiversidePractice } from './riverside-practices.ts'
import { RIVERSIDE_PROGRAMME } from './riverside-measures.ts'
import { RIVERSIDE, RIVERSIDE_SITES } from './riverside-sites.ts'
import type { Scenario } from './scenario.ts'
import { DIMENSIONS } from './strata.ts'

export const GUIDELINE_REASON =
  'New blood-pressure target guideline (NICE NG136 update) changed the definition of controlled'

export function riversideScenario(seed: number, weeks: readonly string[]): Scenario<RiversidePractice> {
  const date = weeks[GUIDELINE_WEEK]
  if (date === undefined) throw new Error(`too few weeks: ${weeks.length} (expected more than ${GUIDELINE_WEEK})`)
  const rebases: Rebase[] = [{ measure: 'bp-control', date, reason: GUIDELINE_REASON, createdBy: 'demo' }]
  return {
    organisation: RIVERSIDE,
    sites: RIVERSIDE_SITES,
    programme: RIVERSIDE_PROGRAMME,
    practices: RIVERSIDE_PRACTICES,
    models: RIVERSIDE_MODELS,
    rebases,
    dimensions: DIMENSIONS,
    weeks,
    seed,
  }
}
