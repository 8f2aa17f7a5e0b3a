/** The verdict on a balancing prediction (a measure watched for harm), with its reasons. @see docs/methods/verdicts.md */
import { averagesSentence, impactSentences } from './evidence-sentences.ts'
import { balancingHeadline } from './headlines.ts'
import { lonePoint, sustainedSignals } from './post-change-signals.ts'
import { lonePointSentence, sideSignalSentence, type SentenceContext } from './signal-sentences.ts'
import type { BalancingPredictionInput, BalancingReview, PredictionEvidence } from './types.ts'
import { valueWords } from './value-words.ts'
import { BALANCING_VERDICT_LABELS } from './verdict-labels.ts'
import { balancingVerdict } from './verdict-rules.ts'
import { movementNoun, oppositeOf } from './wording.ts'

/** Harm when the measure moved lastingly the harmful way after the change; reasons in plain English. */
export function reviewBalancing(prediction: BalancingPredictionInput, evidence: PredictionEvidence, ctx: SentenceContext): BalancingReview {
  const harmfulDirection = prediction.harmfulDirection
  const harmless = oppositeOf(harmfulDirection)
  const harmful = sustainedSignals(evidence.signals, harmfulDirection)
  const other = sustainedSignals(evidence.signals, harmless)
  const { verdict, basis } = balancingVerdict({ frozen: evidence.chart !== null, pointsAfter: evidence.pointsAfter, harmful: harmful.length > 0 })
  const words = valueWords(prediction.measure, evidence.averageBefore)
  const relation = `${movementNoun(harmless)}, the harmless direction`
  const side = basis === 'no_harmful_change' ? [] : other.map((s) => sideSignalSentence(s, relation, basis === 'too_few_after', ctx))
  const loneHarm = harmful.length === 0 ? lonePoint(evidence.signals, harmfulDirection) : undefined
  const reasons = [
    balancingHeadline(basis, { ctx, evidence, named: harmful, other }),
    ...side,
    ...(loneHarm === undefined ? [] : [`${lonePointSentence(loneHarm, ctx)} It is worth a look.`]),
    ...averagesSentence(evidence, words, ctx),
    ...impactSentences(evidence.impact, words, ctx),
  ]
  return {
    role: 'balancing',
    id: prediction.id ?? null,
    measure: prediction.measure.code,
    subject: ctx.subject,
    verdict,
    label: BALANCING_VERDICT_LABELS[verdict],
    basis,
    harmfulDirection,
    reasons,
    evidence,
  }
}
