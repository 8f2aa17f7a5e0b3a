/** The synthetic demo data set: pure and deterministic (same seed, same data on every machine). */
import { DEFAULT_START_WEEK, demoWeeks } from './calendar.ts'
import type { DemoData, DemoOrganisation } from './demo-data.ts'
import { generateDemoInsight } from './insight.ts'
import type { DemoInsight } from './insight-data.ts'
import { generateObservations } from './observations.ts'
import { northshoreScenario } from './northshore.ts'
import { riversideScenario } from './riverside.ts'
import type { PracticeProfile, Scenario } from './scenario.ts'

export const DEFAULT_SEED = 20250303

export interface DemoOptions {
  /** Seed of every random draw (default 20250303). */
  readonly seed?: number
  /** Monday of the first of the 78 weeks (default 2025-03-03). */
  readonly startWeek?: string
}

/** Generate both organisations: Riverside with the full story, Northshore as a small second tenant. */
export function generateDemo(options: DemoOptions = {}): DemoData {
  const { seed = DEFAULT_SEED, startWeek = DEFAULT_START_WEEK } = options
  const weeks = demoWeeks(startWeek)
  return {
    organisations: [demoOrganisation(riversideScenario(seed, weeks), generateDemoInsight(seed, startWeek)), demoOrganisation(northshoreScenario(seed, weeks), null)],
  }
}

function demoOrganisation<P extends PracticeProfile>(scenario: Scenario<P>, insight: DemoInsight | null): DemoOrganisation {
  return {
    organisation: scenario.organisation,
    sites: [...scenario.sites],
    programmes: [
      {
        programme: scenario.programme,
        measures: scenario.models.map((model) => model.measure),
        observations: generateObservations(scenario),
        rebases: [...scenario.rebases],
        insight,
      },
    ],
  }
}
