/** The first reason of each verdict: what was found and why it decides the verdict. @see docs/methods/verdicts.md */
import { resetClause } from './evidence-sentences.ts'
import { dataSince, describeSignals, many, relationTo, type SentenceContext } from './signal-sentences.ts'
import { ENOUGH_POINTS_AFTER, MIN_BASELINE_POINTS, MIN_POINTS_AFTER } from './thresholds.ts'
import type { BalancingBasis, Movement, PostChangeSignal, PredictionEvidence, PrimaryBasis } from './types.ts'
import { countPeriods, formatDate, formatPeriod, movementNoun, oppositeOf } from './wording.ts'

export interface HeadlineFacts {
  readonly ctx: SentenceContext
  readonly evidence: PredictionEvidence
  /** Lasting signals in the direction the prediction names (expected, or feared for a balancing measure). */
  readonly named: readonly PostChangeSignal[]
  /** Lasting signals the other way. */
  readonly other: readonly PostChangeSignal[]
}

export function primaryHeadline(basis: PrimaryBasis, direction: Movement, by: string | null, facts: HeadlineFacts): string {
  const { ctx, evidence, named, other } = facts
  const { subject } = ctx
  const since = `since the change on ${formatDate(ctx.changeDate)}`
  switch (basis) {
    case 'short_baseline':
      return `${subject}: ${shortBaseline(facts)}, so the change cannot be judged against it yet.`
    case 'too_few_after':
      return `${subject}: ${tooFewAfter(facts)}; at least ${MIN_POINTS_AFTER} ${many(ctx.unit)} are needed before a lasting change can be told apart from chance.`
    case 'predicted_change':
      return `${subject}: ${describeSignals(named, ctx)}: ${relationTo(direction, direction)}, and nothing unusual the other way, so the change looks to be working.`
    case 'opposite_change':
      return `${subject}: ${describeSignals(other, ctx)}: ${relationTo(oppositeOf(direction), direction)}, so the change is not working as predicted.`
    case 'both_ways':
      return `${subject}: the measure moved both ways after the change: ${describeSignals(named, ctx)} (${movementNoun(direction)}, as predicted); but ${describeSignals(other, ctx)} (${movementNoun(oppositeOf(direction))}). A change that does not hold in the predicted direction is not counted as working.`
    case 'no_change':
      return `${subject}: in the ${countPeriods(evidence.pointsAfter, ctx.unit)} ${since}, nothing moved beyond the variation seen before it (no run of ${ctx.ruleLength} or more on one side of the average, no ${ctx.ruleLength} rising or falling in a row, and no more than one ${ctx.unit} outside the limits), ${enoughClause(by, ctx)}, so the predicted ${direction} has not been seen.`
    case 'no_change_yet':
      return `${subject}: nothing has moved beyond the variation seen before the change yet, in the ${countPeriods(evidence.pointsAfter, ctx.unit)} ${since}; ${waitClause(direction, by, facts)}.`
  }
}

const BALANCING = '(a balancing measure, watched in case the change makes it worse)'

export function balancingHeadline(basis: BalancingBasis, facts: HeadlineFacts): string {
  const { ctx, evidence, named, other } = facts
  const since = `since the change on ${formatDate(ctx.changeDate)}`
  switch (basis) {
    case 'harmful_change':
      return `${ctx.subject} ${BALANCING} got worse after the change on ${formatDate(ctx.changeDate)}: ${describeSignals(named, ctx)}.`
    case 'short_baseline':
      return `${ctx.subject} ${BALANCING}: ${shortBaseline(facts)}, so it cannot be checked for harm yet.`
    case 'too_few_after':
      return `${ctx.subject} ${BALANCING}: no sign of harm so far, but ${tooFewAfter(facts)}; at least ${MIN_POINTS_AFTER} ${many(ctx.unit)} are needed to be confident.`
    case 'no_harmful_change': {
      const over = `over the ${countPeriods(evidence.pointsAfter, ctx.unit)} ${since}`
      if (other.length > 0) return `${ctx.subject} ${BALANCING}: no sign of harm ${over}; it did change, but in the harmless direction: ${describeSignals(other, ctx)}.`
      if (evidence.signals.length > 0) return `${ctx.subject} ${BALANCING}: no lasting change for the worse ${over}, so there is no sign of harm.`
      return `${ctx.subject} ${BALANCING}: stayed within the variation it showed before the change ${over}, so there is no sign of harm.`
    }
  }
}

/** "only 8 weeks of usable data before the change on … (counting from …, when …)". */
function shortBaseline(facts: HeadlineFacts): string {
  const { ctx, evidence } = facts
  const { rebase, pointsBefore } = evidence
  const counting = rebase === null ? '' : ` (counting from ${formatDate(rebase.date)}${resetClause(rebase)})`
  const data = pointsBefore === 0 ? 'there are no usable data' : `there ${pointsBefore === 1 ? 'is' : 'are'} only ${countPeriods(pointsBefore, ctx.unit)} of usable data`
  return `${data} before the change on ${formatDate(ctx.changeDate)}${counting}; at least ${MIN_BASELINE_POINTS} are needed to know the range the measure usually keeps to`
}

/** "there are only 5 weeks of data since the change on …" (or the change is after the review date). */
function tooFewAfter(facts: HeadlineFacts): string {
  const { ctx, evidence } = facts
  if (ctx.changeDate > evidence.asOf) return `the change on ${formatDate(ctx.changeDate)} is after the review date (${formatDate(evidence.asOf)}), so there are no data since it yet`
  return `there ${evidence.pointsAfter === 1 ? 'is' : 'are'} ${dataSince(evidence.pointsAfter, ctx.unit)} since the change on ${formatDate(ctx.changeDate)}`
}

function enoughClause(by: string | null, ctx: SentenceContext): string {
  return by === null ? `and ${ENOUGH_POINTS_AFTER} ${many(ctx.unit)} are enough to expect a lasting change to show` : `and the data now reach the date it was predicted by, ${formatDate(by)}`
}

function waitClause(direction: Movement, by: string | null, facts: HeadlineFacts): string {
  const { ctx, evidence } = facts
  if (by === null) return `${ENOUGH_POINTS_AFTER} ${many(ctx.unit)} are needed before concluding that nothing has changed`
  const last = evidence.lastPeriod === null ? '' : `, and the data run only to ${formatPeriod(evidence.lastPeriod, ctx.unit)}`
  const late = evidence.asOf >= by ? ' (that date has passed, but its data are not in yet)' : ''
  return `the ${direction} was predicted by ${formatDate(by)}${last}${late}`
}
