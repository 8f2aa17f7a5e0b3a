/** Small seeded draws the insight generator composes its records from: picks, dates, groups. */
import { addDays } from '../core/period.ts'
import type { Random } from './random.ts'
import { DIMENSIONS, type DimensionCode } from './strata.ts'

/** Relative weights of choices (they need not sum to 1). */
export type Weights = Readonly<Record<string, number>>

/** Shares of each group of a dimension, and how often the dimension is left out ("not stated"). */
export type GroupProfile = { readonly [D in DimensionCode]?: Weights } & { readonly missing?: number }

export function chance(random: Random, p: number): boolean {
  return random.next() < p
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('cannot pick from an empty list')
  return items[Math.floor(random.next() * items.length)] as T
}

/** One key of `weights`, with probability proportional to its weight. */
export function pickWeighted(random: Random, weights: Weights): string {
  const entries = Object.entries(weights).filter(([, w]) => w > 0)
  const total = entries.reduce((sum, [, w]) => sum + w, 0)
  if (total <= 0) throw new Error(`invalid weights: ${JSON.stringify(weights)} (expected a positive weight)`)
  let u = random.next() * total
  for (const [key, w] of entries) {
    u -= w
    if (u < 0) return key
  }
  return (entries[entries.length - 1] as [string, number])[0]
}

/**
 * A date in a week from `from` to `to` (indexes into `weeks`, inclusive), on any day of the week or
 * on a weekday only.
 */
export function dateInWeeks(random: Random, weeks: readonly string[], from: number, to: number, weekdaysOnly = false): string {
  const index = from + Math.floor(random.next() * (to - from + 1))
  const monday = weeks[index]
  if (monday === undefined) throw new Error(`invalid week: ${index} (expected 0 to ${weeks.length - 1})`)
  return addDays(monday, Math.floor(random.next() * (weekdaysOnly ? 5 : 7)))
}

/** The ISO date `day` days after the Monday of week `week`. */
export function dateOf(weeks: readonly string[], week: number, day: number): string {
  const monday = weeks[week]
  if (monday === undefined) throw new Error(`invalid week: ${week} (expected 0 to ${weeks.length - 1})`)
  return addDays(monday, day)
}

const DEFAULT_MISSING = 0.15

/** A person's groups: each dimension drawn from the profile (or left out, meaning "not stated"). */
export function drawGroups(random: Random, profile: GroupProfile): Record<string, string> {
  const groups: Record<string, string> = {}
  for (const dimension of DIMENSIONS) {
    const weights = profile[dimension]
    if (weights === undefined) continue
    const missing = chance(random, profile.missing ?? DEFAULT_MISSING)
    const group = pickWeighted(random, weights)
    if (!missing) groups[dimension] = group
  }
  return groups
}
