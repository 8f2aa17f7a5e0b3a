import { describe, expect, it } from 'vitest'
import type { MeasureKind, ObservationInput } from '../core/model.ts'
import { demoWeeks } from './calendar.ts'
import { generateDemo } from './generate-demo.ts'
import { generateObservations } from './observations.ts'
import { BP_CONTROL, MONITORS_LENT } from './riverside-measures.ts'
import type { PracticeProfile, Scenario } from './scenario.ts'
import { GROUPS, type DimensionCode } from './strata.ts'

const demo = generateDemo()

/** The sums a higher row must equal: numerator and denominator, or the weighted total for a mean. */
function totals(rows: readonly ObservationInput[], kind: MeasureKind): [number, number] {
  let first = 0
  let second = 0
  for (const row of rows) {
    if (kind === 'count') first += row.value
    else if (kind === 'mean') first += row.value * (row.denominator ?? 0)
    else first += row.numerator ?? 0
    second += row.denominator ?? 0
  }
  return [first, second]
}

const close = ([a, b]: [number, number], [c, d]: [number, number]) => Math.abs(a - c) <= 1e-6 * Math.max(1, Math.abs(a)) && b === d

describe.each(demo.organisations.map((o) => [o.organisation.code, o.programmes[0]!] as const))('%s: sums are consistent', (_, programme) => {
  const kinds = new Map(programme.measures.map((m) => [m.code, m.kind]))
  const index = new Map<string, ObservationInput[]>()
  const push = (key: string, row: ObservationInput) => (index.get(key) ?? index.set(key, []).get(key)!).push(row)
  for (const row of programme.observations) {
    push(`${row.measure}|${row.period}|${row.site}|${row.dimension}`, row)
    if (row.site !== null) push(`${row.measure}|${row.period}|practices|${row.dimension}|${row.group}`, row)
  }
  const dimensions = [...new Set(programme.observations.map((o) => o.dimension))].filter((d) => d !== null)

  it('every site and week: all people = the sum over the groups of each dimension', () => {
    const wrong: string[] = []
    for (const all of programme.observations.filter((o) => o.dimension === null)) {
      const kind = kinds.get(all.measure)!
      for (const dimension of dimensions) {
        const groups = index.get(`${all.measure}|${all.period}|${all.site}|${dimension}`) ?? []
        if (!close(totals(groups, kind), totals([all], kind))) wrong.push(`${all.measure} ${all.period} ${all.site} ${dimension}`)
      }
    }
    expect(dimensions.length).toBeGreaterThanOrEqual(2)
    expect(wrong).toEqual([])
  })

  it('every group and week: the organisation (site null) = the sum over the practices that reported', () => {
    const wrong: string[] = []
    const organisationRows = programme.observations.filter((o) => o.site === null)
    for (const row of organisationRows) {
      const kind = kinds.get(row.measure)!
      const practices = index.get(`${row.measure}|${row.period}|practices|${row.dimension}|${row.group}`) ?? []
      if (!close(totals(practices, kind), totals([row], kind))) wrong.push(`${row.measure} ${row.period} ${row.dimension} ${row.group}`)
    }
    expect(organisationRows.length).toBeGreaterThan(1000)
    expect(wrong).toEqual([])
  })
})

describe('generateObservations', () => {
  const practice: PracticeProfile = {
    code: 'p1',
    listSize: 1000,
    prevalence: 0.1,
    missingWeeks: [1],
    mix: { imd_quintile: [1, 1, 1, 1, 1], ethnicity: [1, 0, 0, 0, 0, 0], sex: [1, 1], age_band: [0, 0, 1, 0] },
  }
  const scenario: Scenario<PracticeProfile> = {
    organisation: { code: 'org', name: 'Test organisation' },
    sites: [],
    programme: { code: 'p', name: 'Test', aim: '' },
    practices: [practice, { ...practice, code: 'p2', missingWeeks: [] }],
    models: [
      { measure: BP_CONTROL, draw: (cell) => ({ numerator: cell.register, denominator: cell.register }) },
      { measure: MONITORS_LENT, draw: () => ({ numerator: 1, denominator: 0 }) },
    ],
    rebases: [],
    dimensions: ['sex', 'ethnicity'],
    weeks: demoWeeks().slice(0, 3),
    seed: 1,
  }
  const rows = generateObservations(scenario)

  it('writes no row for a missing practice week and sums only the practices that reported', () => {
    const week1 = demoWeeks()[1]
    expect(rows.filter((o) => o.site === 'p1' && o.period === week1)).toEqual([])
    const organisation = rows.find((o) => o.measure === 'bp-control' && o.site === null && o.dimension === null && o.period === week1)!
    const p2 = rows.find((o) => o.measure === 'bp-control' && o.site === 'p2' && o.dimension === null && o.period === week1)!
    expect(organisation.denominator).toBe(p2.denominator)
  })

  it('writes a zero count for a group with nobody, but no proportion for it', () => {
    const empty = rows.filter((o) => o.period === demoWeeks()[0] && o.site === 'p2' && o.group === 'Mixed')
    expect(empty).toEqual([expect.objectContaining({ measure: 'monitors-lent', value: 0 })])
  })

  it('writes the all-people row then the groups of each chosen dimension in order', () => {
    const first = rows.filter((o) => o.measure === 'monitors-lent' && o.site === 'p2' && o.period === demoWeeks()[0])
    const expected = [null, ...GROUPS.sex, ...GROUPS.ethnicity]
    expect(first.map((o) => o.group)).toEqual(expected)
    expect(first.map((o) => o.dimension)).toEqual([null, 'sex', 'sex', ...GROUPS.ethnicity.map((): DimensionCode => 'ethnicity')])
  })
})
