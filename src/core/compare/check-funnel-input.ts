/** Impossible funnel inputs throw, quoting the bad value. @see docs/methods/funnel-plots.md */
import { DIRECTIONS } from '../model.ts'
import { FUNNEL_TYPES, RATIO_METHODS, type FunnelOptions, type FunnelUnitInput } from './funnel-types.ts'

/** Throws on unknown options, no units, duplicate unit names, or counts the funnel type cannot take. */
export function checkFunnelInput(units: readonly FunnelUnitInput[], options: FunnelOptions): void {
  const { type, direction = 'increase', method = 'shmi' } = options
  if (!FUNNEL_TYPES.includes(type)) throw new Error(`invalid funnel type: ${String(type)} (expected ${FUNNEL_TYPES.join(', ')})`)
  if (!DIRECTIONS.includes(direction)) throw new Error(`invalid direction: ${String(direction)} (expected ${DIRECTIONS.join(', ')})`)
  if (!RATIO_METHODS.includes(method)) throw new Error(`invalid method: ${String(method)} (expected ${RATIO_METHODS.join(', ')})`)
  if (units.length === 0) throw new Error('a funnel plot needs at least one unit')
  const seen = new Set<string>()
  for (const { unit, numerator, denominator } of units) {
    if (seen.has(unit)) throw new Error(`duplicate unit: ${unit}`)
    seen.add(unit)
    if (!(Number.isFinite(denominator) && denominator > 0)) throw new Error(`invalid denominator for unit ${unit}: ${denominator} (expected > 0)`)
    if (!(Number.isFinite(numerator) && numerator >= 0)) throw new Error(`invalid numerator for unit ${unit}: ${numerator} (expected ≥ 0)`)
    if (type === 'proportion' && numerator > denominator) {
      throw new Error(`invalid numerator for unit ${unit}: ${numerator} (expected ≤ denominator ${denominator} for a proportion)`)
    }
    if (type !== 'proportion' && method === 'shmi' && numerator === 0) {
      throw new Error(`invalid numerator for unit ${unit}: 0 (the SHMI method takes ln(O/E); use method 'cqc')`)
    }
  }
  if (type === 'rate' && units.every((u) => u.numerator === 0)) throw new Error('a rate funnel needs at least one event (target 0)')
}
