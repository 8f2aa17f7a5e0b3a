import { proportionDifference, proportionRatio, rateDifference, rateRatio, type Counts } from './interval-contrasts.ts'
import { exactPoissonInterval } from './interval-poisson.ts'
import { checkLevel, type Interval } from './interval-types.ts'
import { wilsonInterval } from './interval-wilson.ts'

/** `proportion`: numerator out of denominator people; `rate`: events per unit of exposure. */
export type GroupMeasure = 'proportion' | 'rate'

/** One community group's counts, e.g. a deprivation quintile or an ethnic group. */
export interface GroupCounts extends Counts {
  readonly group: string
}

export interface GroupDifferencesOptions {
  readonly measure: GroupMeasure
  /** Group to compare against; default the first group in input order that is not "not stated" (pass the least deprived quintile first). */
  readonly reference?: string
  /** Confidence level of every interval; default 0.95. */
  readonly level?: number
  /** A group is small when its numerator or denominator is below this; default 5. Small groups are kept and marked. */
  readonly smallCount?: number
  /** Label of the "not stated" group (compared case-insensitively); default `Not stated`. */
  readonly notStatedLabel?: string
}

export interface GroupResult {
  readonly group: string
  readonly numerator: number
  readonly denominator: number
  /** The group's proportion or rate, with its Wilson or exact Poisson interval. */
  readonly value: Interval
  readonly isReference: boolean
  /** True for the "not stated" group: kept as a group of its own, never dropped. */
  readonly notStated: boolean
  /** True when numbers are small: keep in analysis, suppress in shared outputs. */
  readonly small: boolean
  /** Group minus reference (Newcombe for proportions, Wald for rates); undefined for the reference itself. */
  readonly difference: Interval | undefined
  /** Group over reference (log method); undefined for the reference itself or when either numerator is 0. */
  readonly ratio: Interval | undefined
}

export interface GroupDifferences {
  readonly measure: GroupMeasure
  readonly reference: string
  readonly level: number
  readonly smallCount: number
  readonly groups: readonly GroupResult[]
}

/** The group's own value with its interval (Wilson for proportions, exact Poisson for rates). */
export function groupValue(counts: Counts, measure: GroupMeasure, level: number): Interval {
  if (measure === 'proportion') return wilsonInterval(counts.numerator, counts.denominator, level)
  return exactPoissonInterval(counts.numerator, counts.denominator, level)
}

/** Difference group − reference with its interval, for the measure. */
export function groupDifference(group: Counts, reference: Counts, measure: GroupMeasure, level: number): Interval {
  return measure === 'proportion' ? proportionDifference(group, reference, level) : rateDifference(group, reference, level)
}

function chooseReference(groups: readonly GroupCounts[], isNotStated: (g: string) => boolean, chosen?: string): GroupCounts {
  const found = chosen === undefined ? groups.find((g) => !isNotStated(g.group)) : groups.find((g) => g.group === chosen)
  if (found === undefined) {
    const names = groups.map((g) => JSON.stringify(g.group)).join(', ')
    throw new Error(`invalid reference: ${JSON.stringify(chosen ?? null)} (expected one of ${names || 'a stated group'})`)
  }
  return found
}

function checkGroups(groups: readonly GroupCounts[]): void {
  const seen = new Set<string>()
  for (const g of groups) {
    if (seen.has(g.group)) throw new Error(`duplicate group: ${JSON.stringify(g.group)} (expected each group once)`)
    seen.add(g.group)
  }
}

/**
 * Each community group's proportion or rate with its interval, and its difference and ratio
 * against a reference group, keeping small groups (marked) and the "not stated" group.
 * @see docs/methods/group-differences.md
 */
export function groupDifferences(groups: readonly GroupCounts[], options: GroupDifferencesOptions): GroupDifferences {
  const { measure, level = 0.95, smallCount = 5, notStatedLabel = 'Not stated' } = options
  checkLevel(level)
  checkGroups(groups)
  const isNotStated = (g: string): boolean => g.trim().toLowerCase() === notStatedLabel.trim().toLowerCase()
  const reference = chooseReference(groups, isNotStated, options.reference)
  const ratio = measure === 'proportion' ? proportionRatio : rateRatio
  const results = groups.map((g): GroupResult => {
    const isReference = g === reference
    return {
      group: g.group,
      numerator: g.numerator,
      denominator: g.denominator,
      value: groupValue(g, measure, level),
      isReference,
      notStated: isNotStated(g.group),
      small: g.numerator < smallCount || g.denominator < smallCount,
      difference: isReference ? undefined : groupDifference(g, reference, measure, level),
      ratio: isReference ? undefined : ratio(g, reference, level),
    }
  })
  return { measure, reference: reference.group, level, smallCount, groups: results }
}
