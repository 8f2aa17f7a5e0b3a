/** Special-cause variation among the points after the change, against the limits frozen on the baseline. @see docs/methods/verdicts.md */
import { maximalRuns, sideOf } from '../spc/maximal-runs.ts'
import type { SpcPoint } from '../spc/types.ts'
import { MIN_POINTS_OUTSIDE } from './thresholds.ts'
import type { Movement, PostChangeSignal, SignalKind } from './types.ts'

const KIND_ORDER: readonly SignalKind[] = ['shift', 'outside_limits', 'trend']

/**
 * The signals among `after` (the points after the change that are not excluded, in order, each with
 * its frozen centre and limits), looking at those points only: every point beyond each limit (one
 * signal per limit); each run of `ruleLength` or more on one side of the centre (a point on the
 * centre breaks it); each run of `ruleLength` or more points each higher (or each lower) than the
 * one before. A run that began before the change counts only its points after it.
 */
export function postChangeSignals(after: readonly SpcPoint[], ruleLength: number): PostChangeSignal[] {
  const signals = [...outsideSignals(after), ...runSignals(after, ruleLength)]
  return signals.sort((a, b) => compare(a.periods[0] ?? '', b.periods[0] ?? '') || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
}

/** The signals that show lasting change in `direction`: a shift, a trend, or at least 2 points beyond the limit. */
export function sustainedSignals(signals: readonly PostChangeSignal[], direction: Movement): PostChangeSignal[] {
  return signals.filter((s) => s.direction === direction && (s.kind !== 'outside_limits' || s.periods.length >= MIN_POINTS_OUTSIDE))
}

/** A single point beyond the limit in `direction`, which on its own is not counted as lasting change. */
export function lonePoint(signals: readonly PostChangeSignal[], direction: Movement): PostChangeSignal | undefined {
  return signals.find((s) => s.direction === direction && s.kind === 'outside_limits' && s.periods.length < MIN_POINTS_OUTSIDE)
}

function outsideSignals(after: readonly SpcPoint[]): PostChangeSignal[] {
  const above = after.filter((p) => p.value > p.upper).map((p) => p.period)
  const below = after.filter((p) => p.value < p.lower).map((p) => p.period)
  return [
    ...(above.length > 0 ? [{ kind: 'outside_limits' as const, direction: 'increase' as const, periods: above }] : []),
    ...(below.length > 0 ? [{ kind: 'outside_limits' as const, direction: 'decrease' as const, periods: below }] : []),
  ]
}

function runSignals(after: readonly SpcPoint[], ruleLength: number): PostChangeSignal[] {
  const periods = after.map((p) => p.period)
  const shifts = maximalRuns(after.map((p) => sideOf(p.value, p.centre)))
    .filter((run) => run.key !== 0 && run.end - run.start + 1 >= ruleLength)
    .map((run) => ({ kind: 'shift' as const, direction: movement(run.key), periods: periods.slice(run.start, run.end + 1) }))
  // steps[i] compares point i + 1 with point i, so a run of steps from s to e covers points s to e + 1.
  const steps = after.slice(1).map((p, i) => sideOf(p.value, (after[i] as SpcPoint).value))
  const trends = maximalRuns(steps)
    .filter((run) => run.key !== 0 && run.end - run.start + 2 >= ruleLength)
    .map((run) => ({ kind: 'trend' as const, direction: movement(run.key), periods: periods.slice(run.start, run.end + 2) }))
  return [...shifts, ...trends]
}

function movement(key: number): Movement {
  return key > 0 ? 'increase' : 'decrease'
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
