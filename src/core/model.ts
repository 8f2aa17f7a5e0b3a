/** The domain model shared by every layer. Codes, not database ids, identify things outside storage. */

export type MeasureType = 'outcome' | 'process' | 'balancing'
export type MeasureKind = 'count' | 'proportion' | 'rate' | 'mean'
export type Direction = 'increase' | 'decrease' | 'neutral'
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter'
/** Charts a measure page can draw from per-period data, spelt as `lhs spc --chart` spells them (pp, up: Laney's P′, U′); G and T charts need event-level data. */
export type ChartType = 'run' | 'xmr' | 'p' | 'pp' | 'u' | 'up' | 'c'
export type SiteKind = 'system' | 'network' | 'practice' | 'ward' | 'hospital' | 'team' | 'partner'

export const MEASURE_TYPES: readonly MeasureType[] = ['outcome', 'process', 'balancing']
export const MEASURE_KINDS: readonly MeasureKind[] = ['count', 'proportion', 'rate', 'mean']
export const DIRECTIONS: readonly Direction[] = ['increase', 'decrease', 'neutral']
export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter']
export const CHART_TYPES: readonly ChartType[] = ['run', 'xmr', 'p', 'pp', 'u', 'up', 'c']
/** The charts that can show each kind of measure, in the order a picker lists them (P, P′, U, U′ need each period's counts). */
export const CHARTS_FOR_KIND: Readonly<Record<MeasureKind, readonly ChartType[]>> = {
  proportion: ['p', 'pp', 'xmr', 'run'],
  rate: ['u', 'up', 'xmr', 'run'],
  count: ['c', 'xmr', 'run'],
  mean: ['xmr', 'run'],
}
export const SITE_KINDS: readonly SiteKind[] = ['system', 'network', 'practice', 'ward', 'hospital', 'team', 'partner']

export interface Organisation {
  readonly code: string
  readonly name: string
}

export interface Site {
  readonly code: string
  readonly name: string
  readonly kind: SiteKind
  /** Code of the parent site; null for the organisation's root (system) site. */
  readonly parent: string | null
}

export interface Programme {
  readonly code: string
  readonly name: string
  readonly aim: string
}

export interface Measure {
  readonly code: string
  readonly name: string
  readonly description: string
  readonly type: MeasureType
  readonly kind: MeasureKind
  /** For rates: the value is numerator / denominator × rateMultiplier (e.g. 1000 for "per 1,000"). */
  readonly rateMultiplier: number | null
  readonly direction: Direction
  readonly target: number | null
  readonly period: PeriodUnit
  readonly defaultChart: ChartType
  readonly numeratorDefinition: string | null
  readonly denominatorDefinition: string | null
  /** Unit shown beside values, e.g. "days"; proportions are shown as percentages. */
  readonly unit: string | null
}

/**
 * One value of a measure for one period, site and community group.
 * `site` null means the whole organisation; `dimension`/`group` null means all people.
 * Proportions are stored as fractions (0–1); rates already multiplied by the measure's multiplier.
 */
export interface ObservationInput {
  readonly measure: string
  /** ISO date (YYYY-MM-DD) of the period's first day. */
  readonly period: string
  readonly site: string | null
  readonly dimension: string | null
  readonly group: string | null
  readonly numerator: number | null
  readonly denominator: number | null
  readonly value: number
}

export interface Observation extends ObservationInput {
  readonly source: string
  /** ISO timestamp. */
  readonly importedAt: string
}

export interface Rebase {
  readonly measure: string
  /** ISO date: the new segment starts at the first point on or after it. */
  readonly date: string
  readonly reason: string
  readonly createdBy: string
}
