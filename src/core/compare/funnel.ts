/** Funnel plot comparing units, with Spiegelhalter's overdispersion adjustment. @see docs/methods/funnel-plots.md */
import { checkFunnelInput } from './check-funnel-input.ts'
import { LEVEL_95, LEVEL_998 } from './funnel-levels.ts'
import { funnelScale } from './funnel-limits.ts'
import { funnelPosition, funnelSignal } from './funnel-position.ts'
import { overdispersion } from './overdispersion.ts'
import { spreadStatement } from './spread-statement.ts'
import type { FunnelOptions, FunnelResult, FunnelUnit, FunnelUnitInput } from './funnel-types.ts'

/**
 * Each unit's value, score and 95% and 99.8% limits at its own denominator, against the target
 * (ΣO/Σn for proportions and rates, 1 for ratios), adjusted for overdispersion when φ > 1.
 * Units are returned in input order; sums run in unit-name order, so reordering the input changes nothing.
 * Impossible input (no units, duplicate names, a denominator ≤ 0, …) throws.
 * @see Spiegelhalter DJ (2005), Funnel plots for comparing institutional performance, Stat Med 24:1185–1202
 */
export function funnelPlot(units: readonly FunnelUnitInput[], options: FunnelOptions): FunnelResult {
  checkFunnelInput(units, options)
  const { type, direction = 'increase', method = 'shmi' } = options
  const canonical = [...units].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))
  const target = type === 'ratio' ? 1 : sum(canonical.map((u) => u.numerator)) / sum(canonical.map((u) => u.denominator))
  const scale = funnelScale(type, method, target)
  const dispersion = overdispersion(
    canonical.map((u) => scale.z(u.numerator, u.denominator)),
    canonical.map((u) => scale.weight(u.denominator)),
    scale.trim,
  )
  const { tau2, adjusted } = dispersion
  const result = (u: FunnelUnitInput): FunnelUnit => {
    const value = (u.numerator / u.denominator)
    const [lower95, upper95] = scale.limits(u.denominator, LEVEL_95, tau2, adjusted)
    const [lower998, upper998] = scale.limits(u.denominator, LEVEL_998, tau2, adjusted)
    const position = funnelPosition(value, lower998, upper998)
    return {
      unit: u.unit,
      numerator: u.numerator,
      denominator: u.denominator,
      value,
      z: scale.z(u.numerator, u.denominator) / Math.sqrt(1 + scale.weight(u.denominator) * tau2),
      lower95,
      upper95,
      lower998,
      upper998,
      position,
      position95: funnelPosition(value, lower95, upper95),
      signal: funnelSignal(position, direction),
    }
  }
  return {
    type,
    method: type === 'proportion' ? null : method,
    direction,
    target,
    phi: dispersion.phi,
    tau2,
    adjusted,
    ...spreadStatement(dispersion),
    units: units.map(result),
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0)
}
