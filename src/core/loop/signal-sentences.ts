/** Plain-English descriptions of the signals found after the change. @see docs/methods/verdicts.md */
import type { PeriodUnit } from '../model.ts'
import type { Movement, PostChangeSignal } from './types.ts'
import { countPeriods, formatDate, formatPeriod, listPeriods, movementNoun, periodNoun } from './wording.ts'

/** What every sentence about one prediction's series needs to know. */
export interface SentenceContext {
  /** "Blood pressure controlled to target at Eastgate, most deprived fifth". */
  readonly subject: string
  readonly unit: PeriodUnit
  readonly changeDate: string
  readonly pointsAfter: number
  readonly ruleLength: number
}

/**
 * One signal as a clause: "9 of the 40 weeks since 1 September 2025 sat above the average before
 * the change in an unbroken run, from … to … (a shift: …)".
 */
export function describeSignal(signal: PostChangeSignal, ctx: SentenceContext): string {
  const k = signal.periods.length
  const up = signal.direction === 'increase'
  const span = k === ctx.pointsAfter ? '' : `, from ${formatPeriod(signal.periods[0] ?? '', ctx.unit)} to ${formatPeriod(signal.periods.at(-1) ?? '', ctx.unit)}`
  switch (signal.kind) {
    case 'shift':
      return `${share(k, ctx)} sat ${up ? 'above' : 'below'} the average before the change in an unbroken run${span} (a shift: a run of ${ctx.ruleLength} or more on one side of the average rarely happens by chance)`
    case 'outside_limits':
      return `${share(k, ctx)} ${k === 1 ? 'was' : 'were'} ${up ? 'above the upper' : 'below the lower'} limit of the range the measure kept to before the change (${listPeriods(signal.periods, ctx.unit)})`
    case 'trend':
      return `${share(k, ctx)} ${up ? 'rose' : 'fell'} one after another${span} (a trend: a run of ${ctx.ruleLength} or more, each ${up ? 'higher' : 'lower'} than the last, rarely happens by chance)`
  }
}

/** "9 of the 40 weeks since 1 September 2025", or "all 9 weeks since …". */
function share(k: number, ctx: SentenceContext): string {
  const since = `since ${formatDate(ctx.changeDate)}`
  if (k === ctx.pointsAfter) return k === 1 ? `the only ${ctx.unit} ${since}` : `all ${countPeriods(k, ctx.unit)} ${since}`
  return `${k} of the ${countPeriods(ctx.pointsAfter, ctx.unit)} ${since}`
}

/** Several signals as one clause: "a, b and c"; each signal's own clause. */
export function describeSignals(signals: readonly PostChangeSignal[], ctx: SentenceContext): string {
  const clauses = signals.map((s) => describeSignal(s, ctx))
  if (clauses.length <= 1) return clauses[0] ?? ''
  return `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)}`
}

/** The sentence for a single point beyond a limit, which is not counted as lasting change. */
export function lonePointSentence(signal: PostChangeSignal, ctx: SentenceContext): string {
  const up = signal.direction === 'increase'
  const period = formatPeriod(signal.periods[0] ?? '', ctx.unit)
  return `One ${ctx.unit} (${period}) was ${up ? 'above the upper' : 'below the lower'} limit on its own: a single unusual ${ctx.unit} can be chance or a one-off, so it is not counted as lasting change.`
}

/** A lasting signal mentioned beside the verdict's own reason, saying how it relates to the prediction. */
export function sideSignalSentence(signal: PostChangeSignal, relation: string, early: boolean, ctx: SentenceContext): string {
  const text = describeSignal(signal, ctx)
  const prefix = early ? 'Early sign, too soon to count: ' : 'Also: '
  return `${prefix}${text}, ${relation}.`
}

/** "an increase, as predicted" / "a decrease, the opposite of the predicted increase". */
export function relationTo(direction: Movement, predicted: Movement): string {
  return direction === predicted ? `${movementNoun(direction)}, as predicted` : `${movementNoun(direction)}, the opposite of the predicted ${predicted}`
}

/** "no data yet" or "only 5 weeks of data". */
export function dataSince(count: number, unit: PeriodUnit): string {
  return count === 0 ? 'no data yet' : `only ${countPeriods(count, unit)} of data`
}

/** "weeks". */
export function many(unit: PeriodUnit): string {
  return periodNoun(unit, 2)
}
