/** The verdict on a primary prediction (a measure the action should move), with its reasons. @see docs/methods/verdicts.md */
import { averagesSentence, expectedSizeSentence, impactSentences } from './evidence-sentences.ts'
import { primaryHeadline } from './headlines.ts'
import { lonePoint, sustainedSignals } from './post-change-signals.ts'
import { lonePointSentence, relationTo, sideSignalSentence, type SentenceContext } from './signal-sentences.ts'
import { compareSize, type SizeComparison } from './size-comparison.ts'
import type { PostChangeSignal, PredictionEvidence, PrimaryBasis, PrimaryPredictionInput, PrimaryReview } from './types.ts'
import { valueWords } from './value-words.ts'
import { VERDICT_LABELS } from './verdict-labels.ts'
import { primaryVerdict } from './verdict-rules.ts'
import { oppositeOf } from './wording.ts'

/** Decide the verdict from the evidence (rules in `verdict-rules.ts`) and say why in plain English. */
export function reviewPrimary(prediction: PrimaryPredictionInput, evidence: PredictionEvidence, ctx: SentenceContext): PrimaryReview {
  const { direction } = prediction
  const predicted = sustainedSignals(evidence.signals, direction)
  const against = sustainedSignals(evidence.signals, oppositeOf(direction))
  const by = prediction.by ?? null
  const { verdict, basis } = primaryVerdict({
    frozen: evidence.chart !== null,
    pointsAfter: evidence.pointsAfter,
    lastPeriod: evidence.lastPeriod,
    by,
    predicted: predicted.length > 0,
    opposite: against.length > 0,
  })
  const expectedSize = prediction.expectedSize ?? null
  const level = evidence.impact.levelChange
  const sizeComparison = expectedSize === null || level === null ? null : compareSize(expectedSize, direction, level)
  const reasons = primaryReasons(prediction, evidence, ctx, { basis, predicted, against, sizeComparison })
  return {
    role: 'primary',
    id: prediction.id ?? null,
    measure: prediction.measure.code,
    subject: ctx.subject,
    verdict,
    label: VERDICT_LABELS[verdict],
    basis,
    direction,
    expectedSize,
    by,
    sizeComparison,
    reasons,
    evidence,
  }
}

interface Found {
  readonly basis: PrimaryBasis
  readonly predicted: readonly PostChangeSignal[]
  readonly against: readonly PostChangeSignal[]
  readonly sizeComparison: SizeComparison | null
}

/** The headline; early signs (too few points yet); lone points; averages; the time series; the expected size. */
function primaryReasons(prediction: PrimaryPredictionInput, evidence: PredictionEvidence, ctx: SentenceContext, found: Found): string[] {
  const { direction, expectedSize } = prediction
  const { basis, predicted, against, sizeComparison } = found
  const words = valueWords(prediction.measure, evidence.averageBefore)
  const early = basis === 'too_few_after' ? [...predicted, ...against].map((s) => sideSignalSentence(s, relationTo(s.direction, direction), true, ctx)) : []
  const lone = [direction, oppositeOf(direction)].flatMap((d) => {
    const point = sustainedSignals(evidence.signals, d).length === 0 ? lonePoint(evidence.signals, d) : undefined
    return point === undefined ? [] : [lonePointSentence(point, ctx)]
  })
  return [
    primaryHeadline(basis, direction, prediction.by ?? null, { ctx, evidence, named: predicted, other: against }),
    ...early,
    ...lone,
    ...averagesSentence(evidence, words, ctx),
    ...impactSentences(evidence.impact, words, ctx),
    ...(expectedSize === undefined ? [] : [expectedSizeSentence(expectedSize, direction, evidence.impact, sizeComparison, words)]),
  ]
}
