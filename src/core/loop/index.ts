/** Closing the loop: did an action's predicted changes happen, and did it harm a balancing measure? @see docs/methods/verdicts.md */
export { reviewAction } from './review-action.ts'
export { reviewPrediction } from './review-prediction.ts'
export { actionVerdict, primaryVerdict, balancingVerdict, enoughSeen, type PrimaryFacts, type BalancingFacts } from './verdict-rules.ts'
export { VERDICT_LABELS, BALANCING_VERDICT_LABELS } from './verdict-labels.ts'
export { MIN_POINTS_AFTER, ENOUGH_POINTS_AFTER, MIN_BASELINE_POINTS, MIN_POINTS_OUTSIDE, DEFAULT_RULE_LENGTH } from './thresholds.ts'
export { postChangeSignals, sustainedSignals } from './post-change-signals.ts'
export { compareSize, type SizeComparison } from './size-comparison.ts'
export { CONTROL_CHART_NAMES, type ControlChartType, type ChartChoice } from './chart-choice.ts'
export { VERDICTS, PRIMARY_VERDICTS, BALANCING_VERDICTS } from './types.ts'
export type {
  ActionReview,
  ActionReviewInput,
  BalancingBasis,
  BalancingPredictionInput,
  BalancingReview,
  BalancingVerdict,
  Exclusion,
  ImpactEvidence,
  LoopMeasure,
  LoopPoint,
  Movement,
  PostChangeSignal,
  PredictionEvidence,
  PredictionInput,
  PredictionReview,
  PrimaryBasis,
  PrimaryPredictionInput,
  PrimaryReview,
  PrimaryVerdict,
  ReviewSettings,
  SignalKind,
  Verdict,
} from './types.ts'
