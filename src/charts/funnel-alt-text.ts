/** The `<desc>` text alternative of a funnel plot. */
import type { FunnelResult, FunnelUnit } from '../core/compare/funnel-types.ts'
import { formatValue, type ValueFormat } from './format-value.ts'
import { unitCounts, unitName } from './funnel-points.ts'

export interface FunnelWording {
  readonly title: string
  readonly format: ValueFormat
  readonly unit?: string | undefined
  readonly multiplier: number
  readonly denominatorLabel: string
  readonly labels?: Readonly<Record<string, string>> | undefined
  readonly highlight?: string | undefined
}

/**
 * What is plotted and around what, the units above and below the 99.8% limits by name (with their
 * signal), how many are within and outside the 95% limits only, the highlighted unit, the core's
 * spread statement and the overdispersion figures (φ, and τ² when the limits are widened).
 */
export function funnelAltText(result: FunnelResult, w: FunnelWording): string {
  const value = (v: number): string => formatValue(v * w.multiplier, w.format, { unit: w.unit })
  const describe = (u: FunnelUnit): string => `${unitName(u.unit, w.labels)} (${value(u.value)}, ${unitCounts(result, u)})`
  const n = result.units.length
  const above = result.units.filter((u) => u.position === 'above')
  const below = result.units.filter((u) => u.position === 'below')
  const within = n - above.length - below.length
  const only95 = result.units.filter((u) => u.position === 'within' && u.position95 !== 'within').length
  const centre = result.type === 'ratio' ? 'the expected ratio of 1' : `the overall value of ${value(result.target)}`
  const outside = (units: readonly FunnelUnit[], side: 'above' | 'below'): string => {
    const signal = units[0]?.signal
    const verb = units.length === 1 ? 'unit is' : 'units are'
    return `${units.length} ${verb} ${side} the 99.8% limits${signal ? ` (${signal})` : ''}${units.length === 0 ? '' : `: ${units.map(describe).join('; ')}`}.`
  }
  const highlighted = result.units.find((u) => u.unit === w.highlight)
  const sentences = [
    `Funnel plot of ${w.title}: ${n} unit${n === 1 ? '' : 's'}, each unit's value against its ${w.denominatorLabel.toLowerCase()}, with 95% and 99.8% limits around ${centre}.`,
    outside(above, 'above'),
    outside(below, 'below'),
    `${within} ${within === 1 ? 'is' : 'are'} within the 99.8% limits${only95 === 0 ? '' : `, of which ${only95} ${only95 === 1 ? 'is' : 'are'} outside the 95% limits`}.`,
    highlighted ? `Highlighted: ${describe(highlighted)}, ${highlighted.signal === null ? 'within the 99.8% limits' : `outside the 99.8% limits (${highlighted.signal})`}.` : undefined,
    result.statement,
    result.adjusted
      ? `Overdispersion: φ = ${figure(result.phi)}, τ² = ${figure(result.tau2)} (limits adjusted).`
      : `Overdispersion: φ = ${figure(result.phi)} (limits not adjusted).`,
  ]
  return sentences.filter((s) => s !== undefined).join(' ')
}

/** Three significant figures, written without the machine's locale: 1.84, 0.00213. */
function figure(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x)
}
