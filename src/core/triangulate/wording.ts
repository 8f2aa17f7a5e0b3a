/** Small pieces of plain English shared by signal summaries and finding statements. */
import type { PeriodUnit } from '../model.ts'
import { inferInterval } from '../spc/infer-interval.ts'
import type { Leaning } from './types.ts'

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "a, b and c". */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** The label of a community group, e.g. "deprivation quintile 1"; `dimension group` when none is given. */
export function defaultGroupLabel(dimension: string, group: string): string {
  return `${dimension} ${group}`
}

/** "Blood pressure controlled to target at Eastgate Medical Practice, deprivation quintile 1". */
export function seriesSubject(measureName: string, siteName: string, groupLabel: string | null): string {
  return `${capitalise(measureName)} at ${siteName}${groupLabel === null ? '' : `, ${groupLabel}`}`
}

/** "week"/"weeks" from the spacing of the periods; "period"/"periods" when it cannot be told. */
export function periodWords(periods: readonly string[]): { one: string; many: string } {
  const unit: PeriodUnit | undefined = inferInterval(periods)
  return unit === undefined ? { one: 'period', many: 'periods' } : { one: unit, many: `${unit}s` }
}

/** "(concern)", "(improvement)", "(neutral: no better direction)". */
export function leaningTag(leaning: Leaning): string {
  return leaning === 'neutral' ? '(neutral: no better direction)' : `(${leaning})`
}

/** "1 comment", "3 comments". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
