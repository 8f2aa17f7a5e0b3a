/** A funnel plot's units → point rows: colour, shape and size from each unit's signal, names from the labels. */
import type { FunnelResult, FunnelSignal, FunnelUnit } from '../core/compare/funnel-types.ts'
import type { ValueFormat } from './format-value.ts'
import { formatValue } from './format-value.ts'
import { NHS, VARIATION_STYLES, type VariationKind, type VariationStyle } from './palette.ts'

/** Signal → the MDC style: blue diamond for possible excellence, orange triangle for concern, purple square with no better direction, grey circle within. */
export function signalKind(signal: FunnelSignal | null): VariationKind {
  switch (signal) {
    case 'possible excellence':
      return 'improvement'
    case 'possible concern':
      return 'concern'
    case 'higher than expected':
    case 'lower than expected':
      return 'neutral'
    default:
      return 'common_cause'
  }
}

export const FUNNEL_LEGEND: Readonly<Record<VariationKind, string>> = {
  common_cause: 'Within the 99.8% limits',
  improvement: 'Possible excellence',
  concern: 'Possible concern',
  neutral: 'Outside the 99.8% limits',
}

export function signalStyle(signal: FunnelSignal | null): VariationStyle {
  return VARIATION_STYLES[signalKind(signal)]
}

export interface FunnelRow {
  readonly unit: string
  readonly name: string
  readonly x: number
  readonly y: number
  readonly fill: string
  readonly stroke: string
  readonly symbol: string
  readonly r: number
  readonly title: string
  readonly highlighted: boolean
}

const RADIUS = { within: 4.5, outside: 6.5 } as const

/** The name shown for a unit: its label when given, else its code. */
export function unitName(unit: string, labels: Readonly<Record<string, string>> | undefined): string {
  return labels?.[unit] ?? unit
}

/** "54 of 297" (proportion), "54 observed, 41.2 expected" (ratio), "54 in 12,000" (rate). */
export function unitCounts(result: FunnelResult, u: FunnelUnit): string {
  const count = (n: number): string => formatValue(n, 'number')
  if (result.type === 'proportion') return `${count(u.numerator)} of ${count(u.denominator)}`
  if (result.type === 'ratio') return `${count(u.numerator)} observed, ${count(u.denominator)} expected`
  return `${count(u.numerator)} in ${count(u.denominator)}`
}

/** Rows in drawing order: units within the limits first, then those outside, the highlighted unit last. */
export function funnelRows(result: FunnelResult, options: { format: ValueFormat; unit?: string | undefined; multiplier: number; labels?: Readonly<Record<string, string>> | undefined; highlight?: string | undefined }): FunnelRow[] {
  const rows = result.units.map((u): FunnelRow => {
    const style = signalStyle(u.signal)
    const outside = u.signal !== null
    const name = unitName(u.unit, options.labels)
    const value = formatValue(u.value * options.multiplier, options.format, { unit: options.unit })
    return {
      unit: u.unit,
      name,
      x: u.denominator,
      y: u.value * options.multiplier,
      fill: style.fill,
      stroke: outside ? style.outline : NHS.white,
      symbol: style.symbol,
      r: outside ? RADIUS.outside : RADIUS.within,
      title: `${name}: ${value} (${unitCounts(result, u)}). ${outside ? `Outside the 99.8% limits: ${u.signal}` : 'Within the 99.8% limits'}.`,
      highlighted: u.unit === options.highlight,
    }
  })
  const rank = (r: FunnelRow): number => (r.highlighted ? 2 : r.stroke === NHS.white ? 0 : 1)
  return [...rows].sort((a, b) => rank(a) - rank(b))
}
