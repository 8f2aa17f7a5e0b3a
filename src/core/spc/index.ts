/** Statistical process control: the public API of the XmR chart. @see docs/methods/xmr.md */
export { xmrChart } from './xmr-chart.ts'
export { runsAnalysis, longestRunMax, crossingsMin, binomialQuantile } from './runs-analysis.ts'
export { profileSettings, SCREENING_FACTOR, type ProfileSettings } from './profile-settings.ts'
export { xmrLimits, type XmrLimits } from './xmr-limits.ts'
export { averageMovingRange, movingRanges } from './average-moving-range.ts'
export { MIN_BASELINE } from './check-options.ts'
export { PROFILES } from './types.ts'
export type {
  Assurance,
  PointType,
  Profile,
  RebaseInput,
  Rule,
  RunsAnalysis,
  Segment,
  SpcInputPoint,
  SpcPoint,
  SpcResult,
  XmrOptions,
} from './types.ts'
export { attributeChart } from './attribute-chart.ts'
export { pChart, pPrimeChart } from './p-chart.ts'
export { uChart, uPrimeChart } from './u-chart.ts'
export { cChart } from './c-chart.ts'
export { laneySigmaZ, LANEY_D2 } from './laney.ts'
export { attributeLimits } from './attribute-limits.ts'
export { ATTRIBUTE_CHART_KINDS } from './attribute-types.ts'
export type { AttributeChartKind, AttributeInputPoint, AttributeOptions, AttributePoint, AttributeResult, AttributeSegment } from './attribute-types.ts'
export { runChart, type RunChartOptions, type RunChartResult, type RunChartSegment, type RunChartPoint } from './run-chart.ts'
export { gChart } from './g-chart.ts'
export { tChart } from './t-chart.ts'
export { gLimits } from './g-limits.ts'
export { tLimits, T_CHART_POWER } from './t-limits.ts'
export type { RareEventOptions, RareEventResult } from './rare-event-chart.ts'
export type { RareEventSegment, RareEventLimits } from './rare-event-segment.ts'
export { median } from './median.ts'
export type { ControlChartKind, ControlChartResult, ControlChartSegment } from './control-chart.ts'
export { recommendChart, MIN_CONTROL_CHART_POINTS, OVERDISPERSION_SIGMA_Z, OVERDISPERSION_OUTSIDE_SHARE, type RecommendChartInput, type RecommendationPoint, type ChartRecommendation } from './recommend-chart.ts'
export { xmrBatch, createXmrBatchOutput, BATCH_RULES, BATCH_POINT_TYPES, BATCH_ASSURANCES, BATCH_DIRECTIONS, type XmrBatchOptions, type XmrBatchOutput } from './xmr-batch.ts'
