/** The verdict on an action, from the verdicts on its predictions. @see docs/methods/verdicts.md */
import { checkSettings } from './check-review-input.ts'
import { reviewPrediction } from './review-prediction.ts'
import type { ActionReview, ActionReviewInput, BalancingReview, PredictionInput, PredictionReview, PrimaryReview, ReviewSettings, Verdict } from './types.ts'
import { VERDICT_LABELS } from './verdict-labels.ts'
import { actionVerdict } from './verdict-rules.ts'
import { formatDate, listAnd, seriesPhrase } from './wording.ts'

/**
 * Review every prediction of an action (in input order) and combine them: harm if any balancing
 * measure shows harm, else not working if any primary prediction is not working, else not yet
 * clear if any is not yet clear (or there is none), else working. Pure and deterministic; throws on
 * impossible arguments, as `reviewPrediction` does.
 */
export function reviewAction(input: ActionReviewInput): ActionReview {
  checkSettings(input)
  const { changeDate, asOf } = input
  const settings: ReviewSettings = {
    changeDate,
    asOf,
    ...(input.profile === undefined ? {} : { profile: input.profile }),
    ...(input.ruleLength === undefined ? {} : { ruleLength: input.ruleLength }),
  }
  const predictions = input.predictions.map((prediction) => reviewPrediction(prediction, settings))
  const phrases = new Map(predictions.map((review, i) => [review, phraseOf(input.predictions[i] as PredictionInput)]))
  const named = (reviews: readonly PredictionReview[], wanted: string) => listAnd(reviews.filter((r) => r.verdict === wanted).map((r) => phrases.get(r) ?? r.subject))
  const primaries = predictions.filter((p): p is PrimaryReview => p.role === 'primary')
  const balancing = predictions.filter((p): p is BalancingReview => p.role === 'balancing')
  const verdict = actionVerdict(primaries.map((p) => p.verdict), balancing.map((p) => p.verdict))
  const name = input.title === undefined ? 'This action' : `‘${input.title}’`
  const reasons = [
    summary(verdict, `${name} (the change made on ${formatDate(changeDate)})`, { primaries, balancing, named }),
    ...(verdict === 'harm' ? [] : uncheckedNotes(balancing)),
    ...predictions.map((p) => p.reasons[0] ?? ''),
  ]
  return { verdict, label: VERDICT_LABELS[verdict], reasons, changeDate, asOf, predictions }
}

interface Grouped {
  readonly primaries: readonly PrimaryReview[]
  readonly balancing: readonly BalancingReview[]
  /** The series of the reviews with verdict `wanted`, as a list inside a sentence. */
  readonly named: (reviews: readonly PredictionReview[], wanted: string) => string
}

function summary(verdict: Verdict, name: string, { primaries, balancing, named }: Grouped): string {
  switch (verdict) {
    case 'harm':
      return `${name}: harming a balancing measure. The change was followed by a lasting worsening in ${named(balancing, 'harm')}, and harm to a balancing measure decides the verdict whatever the other measures show.`
    case 'not_working':
      return `${name}: not working. The predicted change has not happened for ${named(primaries, 'not_working')}.`
    case 'not_yet_clear':
      return primaries.length === 0
        ? `${name}: not yet clear. It names no measure it is meant to move (a primary prediction), so there is nothing to judge it by.`
        : `${name}: not yet clear. There are not yet enough data to judge ${named(primaries, 'not_yet_clear')}.`
    case 'working':
      return `${name}: working. The predicted change has been seen for ${named(primaries, 'working')}${balancing.length > 0 ? ', and no balancing measure got worse' : ''}.`
  }
}

function phraseOf(prediction: PredictionInput): string {
  return seriesPhrase(prediction.measure.name, prediction.site, prediction.group)
}

function uncheckedNotes(balancing: readonly BalancingReview[]): string[] {
  return balancing
    .filter((b) => b.verdict === 'not_yet_clear')
    .map((b) => `${b.subject} cannot be checked for harm yet, so harm there cannot be ruled out.`)
}
