/** The engine: draw every finest cell of every practice-week, then sum to groups, practices and organisation. */
import type { ObservationInput } from '../core/model.ts'
import { createRandom, deriveSeed } from './random.ts'
import { buildRegister, type RegisterCell } from './register.ts'
import type { MeasureModel, PracticeProfile, Scenario } from './scenario.ts'
import { addCell, cellSlots, emptyTally, mergeTally, slotLayout, tallyRows, type Slot, type Tally } from './tally.ts'

interface PracticeCells {
  readonly cells: readonly RegisterCell[]
  /** For each cell, the slots it adds to. */
  readonly slots: readonly (readonly number[])[]
}

/**
 * All observations of a scenario: for each measure, week and practice the all-people row and one
 * row per group, then the same for the whole organisation (site null) as the sum of the practices
 * that reported that week. Each practice and measure draws from its own seeded stream.
 */
export function generateObservations<P extends PracticeProfile>(scenario: Scenario<P>): ObservationInput[] {
  const { organisation, practices, seed } = scenario
  const layout = slotLayout(scenario.dimensions)
  const registers = practices.map((practice): PracticeCells => {
    const random = createRandom(deriveSeed(seed, `${organisation.code}/${practice.code}/register`))
    const cells = buildRegister(practice, scenario.weeks.length, random)
    return { cells, slots: cells.map((cell) => cellSlots(layout, cell.strata)) }
  })
  return scenario.models.flatMap((model) => measureObservations(scenario, model, layout, registers))
}

function measureObservations<P extends PracticeProfile>(
  scenario: Scenario<P>,
  model: MeasureModel<P>,
  layout: readonly Slot[],
  registers: readonly PracticeCells[],
): ObservationInput[] {
  const { organisation, weeks, seed } = scenario
  const rows: ObservationInput[] = []
  const organisationTallies = weeks.map(() => emptyTally(layout))
  scenario.practices.forEach((practice, index) => {
    const { cells, slots } = registers[index] ?? { cells: [], slots: [] }
    const random = createRandom(deriveSeed(seed, `${organisation.code}/${model.measure.code}/${practice.code}`))
    weeks.forEach((period, week) => {
      if (practice.missingWeeks.includes(week)) return
      const shared = random.normal()
      const tally = emptyTally(layout)
      cells.forEach((cell, c) => {
        const register = cell.register[week] ?? 0
        addCell(tally, slots[c] ?? [], model.draw({ practice, strata: cell.strata, week, register, list: cell.list, shared, random }))
      })
      rows.push(...tallyRows(model.measure, period, practice.code, layout, tally))
      mergeTally(organisationTallies[week] as Tally, tally)
    })
  })
  weeks.forEach((period, week) => {
    rows.push(...tallyRows(model.measure, period, null, layout, organisationTallies[week] as Tally))
  })
  return rows
}
