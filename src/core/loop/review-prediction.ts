/** One prediction's verdict: its evidence, then the primary or balancing rules. @see docs/methods/verdicts.md */
import { checkPrediction, checkSettings } from './check-review-input.ts'
import { predictionEvidence } from './prediction-evidence.ts'
import { reviewBalancing } from './review-balancing.ts'
import { reviewPrimary } from './review-primary.ts'
import { DEFAULT_RULE_LENGTH } from './thresholds.ts'
import type { PredictionInput, PredictionReview, ReviewSettings } from './types.ts'
import { seriesSubject } from './wording.ts'

/**
 * Review one prediction of an action that changed on `settings.changeDate`, with the data known on
 * `settings.asOf`. Pure and deterministic; throws on impossible arguments (a date that is not an
 * ISO date, an expected size ≤ 0, an unknown role or direction, a chart the measure cannot have).
 */
export function reviewPrediction(prediction: PredictionInput, settings: ReviewSettings): PredictionReview {
  checkSettings(settings)
  checkPrediction(prediction)
  const { changeDate, asOf, profile = 'mdc', ruleLength = DEFAULT_RULE_LENGTH } = settings
  const evidence = predictionEvidence(prediction, { changeDate, asOf, profile, ruleLength })
  const ctx = {
    subject: seriesSubject(prediction.measure.name, prediction.site, prediction.group),
    unit: prediction.measure.period,
    changeDate,
    pointsAfter: evidence.pointsAfter,
    ruleLength,
  }
  return prediction.role === 'primary' ? reviewPrimary(prediction, evidence, ctx) : reviewBalancing(prediction, evidence, ctx)
}
