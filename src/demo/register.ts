/** A practice's hypertension register as finest cells (all four strata) with weekly head counts. */
import type { Random } from './random.ts'
import type { PracticeProfile } from './scenario.ts'
import { DIMENSIONS, GROUPS, type Strata } from './strata.ts'

export interface RegisterCell {
  readonly strata: Strata
  /** People on the register in this cell, one entry per week. */
  readonly register: readonly number[]
  /** Adults on the practice list in this cell (constant). */
  readonly list: number
}

/** Share of the register already diagnosed in week 0; the rest join at random weeks (slow growth). */
const ON_REGISTER_AT_START = 0.96
/** Share of a practice list aged 18 and over. */
const ADULT_SHARE = 0.8

/**
 * Build the register. Each dimension's group totals are exact (largest remainder of the mix),
 * so a small group stays small; the groups are paired at random, so the cells vary by seed.
 */
export function buildRegister(practice: PracticeProfile, weeks: number, random: Random): RegisterCell[] {
  const size = Math.round(practice.listSize * practice.prevalence)
  const labels = DIMENSIONS.map((dimension) => {
    const groups: readonly string[] = GROUPS[dimension]
    const counts = largestRemainder(size, practice.mix[dimension], `${practice.code} ${dimension}`)
    return random.shuffle(groups.flatMap((group, i) => Array<string>(counts[i] ?? 0).fill(group)))
  })
  const cells = new Map<string, { strata: Strata; joins: number[] }>()
  for (let person = 0; person < size; person++) {
    const groups = labels.map((list) => list[person] ?? '')
    const key = groups.join('|')
    const joinWeek = random.next() < ON_REGISTER_AT_START ? 0 : 1 + Math.floor(random.next() * (weeks - 1))
    let cell = cells.get(key)
    if (!cell) {
      const strata = Object.fromEntries(DIMENSIONS.map((dimension, d) => [dimension, groups[d]])) as unknown as Strata
      cell = { strata, joins: Array<number>(weeks).fill(0) }
      cells.set(key, cell)
    }
    cell.joins[joinWeek] = (cell.joins[joinWeek] ?? 0) + 1
  }
  const listPerPerson = (practice.listSize * ADULT_SHARE) / size
  return [...cells.keys()].sort().map((key) => {
    const { strata, joins } = cells.get(key) as { strata: Strata; joins: number[] }
    const register = cumulative(joins)
    return { strata, register, list: Math.round((register[weeks - 1] ?? 0) * listPerPerson) }
  })
}

function cumulative(values: readonly number[]): number[] {
  let total = 0
  return values.map((value) => (total += value))
}

/** Split `total` into whole numbers proportional to `shares` (Hamilton's largest remainder). */
export function largestRemainder(total: number, shares: readonly number[], what: string): number[] {
  const sum = shares.reduce((a, b) => a + b, 0)
  if (!(sum > 0) || shares.some((share) => share < 0)) {
    throw new Error(`invalid mix for ${what}: ${JSON.stringify(shares)} (expected shares ≥ 0 with a positive sum)`)
  }
  const exact = shares.map((share) => (total * share) / sum)
  const counts = exact.map(Math.floor)
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  let left = total - counts.reduce((a, b) => a + b, 0)
  for (const { i } of order) {
    if (left-- <= 0) break
    counts[i] = (counts[i] ?? 0) + 1
  }
  return counts
}
