/** Reject impossible XmR options: they are bugs in the caller, not problems in the data. */
import { DIRECTIONS, PERIOD_UNITS } from '../model.ts'
import { PROFILES, type XmrOptions } from './types.ts'

/** The smallest baseline MDC accepts. */
export const MIN_BASELINE = 12

/** Throw an Error quoting the first impossible option (unknown profile, baseline < 12, …). */
export function checkOptions(options: XmrOptions): void {
  const { profile, direction, target, baseline, ruleLength, interval } = options
  if (profile !== undefined && !PROFILES.includes(profile)) {
    throw new Error(`invalid profile: ${JSON.stringify(profile)} (expected one of ${PROFILES.join(', ')})`)
  }
  if (direction !== undefined && !DIRECTIONS.includes(direction)) {
    throw new Error(`invalid direction: ${JSON.stringify(direction)} (expected one of ${DIRECTIONS.join(', ')})`)
  }
  if (interval !== undefined && !PERIOD_UNITS.includes(interval)) {
    throw new Error(`invalid interval: ${JSON.stringify(interval)} (expected one of ${PERIOD_UNITS.join(', ')})`)
  }
  if (target !== undefined && target !== null && !Number.isFinite(target)) {
    throw new Error(`invalid target: ${target} (expected a finite number or null)`)
  }
  if (baseline !== undefined && !(Number.isInteger(baseline) && baseline >= MIN_BASELINE)) {
    throw new Error(`invalid baseline: ${baseline} (expected at least ${MIN_BASELINE} points)`)
  }
  if (ruleLength !== undefined && !(Number.isInteger(ruleLength) && ruleLength >= 2)) {
    throw new Error(`invalid ruleLength: ${ruleLength} (expected a whole number of at least 2)`)
  }
}
