/** Sentences about the evidence beside the verdict: averages, the interrupted time series, the expected size. @see docs/methods/verdicts.md */
import type { CoefficientEstimate } from '../impact/coefficient-estimate.ts'
import type { RebaseInput } from '../spc/types.ts'
import { many, type SentenceContext } from './signal-sentences.ts'
import type { SizeComparison } from './size-comparison.ts'
import type { ImpactEvidence, Movement, PredictionEvidence } from './types.ts'
import type { ValueWords } from './value-words.ts'
import { countPeriods, formatDate, movementNoun } from './wording.ts'

/** "The average was 62.0% over the 30 weeks before the change (from …) and 66.1% over the 20 weeks since: 4.1 percentage points higher." */
export function averagesSentence(evidence: PredictionEvidence, words: ValueWords, ctx: SentenceContext): string[] {
  const { averageBefore, averageAfter, pointsBefore, pointsAfter, baselineFrom } = evidence
  if (averageBefore === null || averageAfter === null || baselineFrom === null) return []
  const difference = averageAfter - averageBefore
  const change = words.bare(difference) === words.bare(0) ? 'no different' : `${words.amount(difference)} ${difference > 0 ? 'higher' : 'lower'}`
  return [`The average was ${words.value(averageBefore)} over the ${countPeriods(pointsBefore, ctx.unit)} before the change (from ${formatDate(baselineFrom)}${resetClause(evidence.rebase)}) and ${words.value(averageAfter)} over the ${countPeriods(pointsAfter, ctx.unit)} since: ${change}.`]
}

/** ", when the chart's average and limits were last reset: new template", or "" with no rebase. */
export function resetClause(rebase: RebaseInput | null): string {
  if (rebase === null) return ''
  return `, when the chart's average and limits were last reset${rebase.reason === null || rebase.reason === '' ? '' : ` (${rebase.reason})`}`
}

/** The interrupted time series in words, or the reason there is none. */
export function impactSentences(impact: ImpactEvidence, words: ValueWords, ctx: SentenceContext): string[] {
  const { levelChange, slopeChange, poisson } = impact
  if (levelChange === null || slopeChange === null) return impact.reason === null ? [] : [impact.reason]
  const unit = words.differenceUnit === '' ? '' : ` ${words.differenceUnit}`
  const step = levelChange.estimate >= 0 ? 'up' : 'down'
  const sentences = [
    `Fitting one straight line to the ${many(ctx.unit)} before the change and another to those after (an interrupted time series), the level stepped ${step} by ${words.amount(levelChange.estimate)} at the change (95% confidence interval ${interval(levelChange, words)}${unit}, ${zeroReading(levelChange)}), and the slope changed by ${words.bare(slopeChange.estimate)}${unit} a ${ctx.unit} (${interval(slopeChange, words)}).`,
  ]
  if (poisson !== null) {
    const ratio = poisson.coefficients.levelChange
    sentences.push(`Treating the numbers as counts of events (a Poisson model), the rate at the change was ${ratio.rateRatio.toFixed(2)} times what the earlier trend predicted (95% confidence interval ${ratio.rateRatioLower.toFixed(2)} to ${ratio.rateRatioUpper.toFixed(2)}).`)
  }
  return sentences
}

function interval(estimate: CoefficientEstimate, words: ValueWords): string {
  return `${words.bare(estimate.lower)} to ${words.bare(estimate.upper)}`
}

function zeroReading(estimate: CoefficientEstimate): string {
  return estimate.lower > 0 || estimate.upper < 0 ? 'which excludes no change, so chance alone is an unlikely explanation' : 'which includes no change at all'
}

const COMPARISON_WORDS: Readonly<Record<SizeComparison, string>> = {
  smaller: 'smaller than predicted',
  consistent: 'in line with the prediction (the predicted size lies within the interval)',
  larger: 'larger than predicted',
}

/** The predicted size against the estimate, or why they cannot be compared yet. */
export function expectedSizeSentence(expected: number, direction: Movement, impact: ImpactEvidence, comparison: SizeComparison | null, words: ValueWords): string {
  const predicted = `The predicted ${direction} was ${words.amount(expected)}`
  const level = impact.levelChange
  if (level === null || comparison === null) return `${predicted}; there are too few points to estimate the size of the change yet, so it cannot be compared.`
  const sign = direction === 'increase' ? 1 : -1
  const shown = sign * level.estimate >= 0 ? direction : direction === 'increase' ? 'decrease' : 'increase'
  const unit = words.differenceUnit === '' ? '' : ` ${words.differenceUnit}`
  return `${predicted}; the estimated step at the change was ${movementNoun(shown)} of ${words.amount(level.estimate)} (95% confidence interval ${interval(level, words)}${unit}), ${COMPARISON_WORDS[comparison]}.`
}
