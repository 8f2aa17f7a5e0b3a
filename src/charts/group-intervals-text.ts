/** Words for a group-intervals chart: each group's label, its value with the interval, and the text alternative. */
import type { GroupDifferences, GroupResult } from '../core/compare/group-differences.ts'
import type { Interval } from '../core/compare/interval-types.ts'
import { formatValue, type ValueFormat } from './format-value.ts'

export interface GroupWording {
  readonly title: string
  readonly format: ValueFormat
  readonly unit?: string | undefined
  readonly multiplier: number
  readonly line: 'reference' | 'overall'
}

/** The group's name on the chart: "Q1 (reference)", "Not stated (small)". */
export function groupLabel(g: GroupResult): string {
  return `${g.group}${g.isReference ? ' (reference)' : ''}${g.small ? ' (small)' : ''}`
}

/** "15.0% (10.7% to 20.6%)". */
export function intervalText(interval: Interval, w: Pick<GroupWording, 'format' | 'unit' | 'multiplier'>): string {
  const value = (v: number, unit?: string): string => formatValue(v * w.multiplier, w.format, { unit })
  return `${value(interval.estimate, w.unit)} (${value(interval.lower)} to ${value(interval.upper, w.unit)})`
}

/** Σ numerators ÷ Σ denominators over every group, "not stated" included. */
export function overallValue(result: GroupDifferences): number {
  const numerator = result.groups.reduce((sum, g) => sum + g.numerator, 0)
  const denominator = result.groups.reduce((sum, g) => sum + g.denominator, 0)
  return denominator > 0 ? numerator / denominator : 0
}

/** "95%" from 0.95, written without the machine's locale. */
export function levelText(level: number): string {
  return `${Number((level * 100).toFixed(1))}%`
}

/**
 * What is plotted, what the vertical line marks, then each group in order: its value and interval,
 * whether its numbers are small, and how it compares with the reference (the difference's interval).
 */
export function groupIntervalsAltText(result: GroupDifferences, w: GroupWording): string {
  const n = result.groups.length
  const measure = result.measure === 'proportion' ? 'proportion' : 'rate'
  const reference = result.groups.find((g) => g.isReference)
  const value = (v: number): string => formatValue(v * w.multiplier, w.format, { unit: w.unit })
  const line =
    w.line === 'overall' || !reference
      ? `The vertical line marks the overall value of all groups, ${value(overallValue(result))}.`
      : `The vertical line marks the reference group, ${reference.group}, at ${value(reference.value.estimate)}.`
  const groups = result.groups.map((g) => `${g.group}${g.isReference ? ' (reference)' : ''}: ${intervalText(g.value, w)}${g.small ? ', small numbers (interpret with care)' : ''}${comparison(g, w)}.`)
  return [`Chart of ${w.title}: the ${measure} in ${n} group${n === 1 ? '' : 's'}, each with its ${levelText(result.level)} confidence interval.`, line, ...groups].join(' ')
}

/** "; higher than the reference (difference 7.5 percentage points, 0.1 to 15.0)"; nothing for the reference itself. */
function comparison(g: GroupResult, w: GroupWording): string {
  const d = g.difference
  if (!d) return ''
  const size = (v: number): string => (w.format === 'percent' ? formatValue(v * 100, 'decimal1') : formatValue(v * w.multiplier, w.format))
  const units = w.format === 'percent' ? ' percentage points' : w.unit ? ` ${w.unit}` : ''
  const reading = d.lower > 0 ? 'higher than the reference' : d.upper < 0 ? 'lower than the reference' : 'no clear difference from the reference'
  return `; ${reading} (difference ${size(d.estimate)}${units}, ${size(d.lower)} to ${size(d.upper)})`
}
