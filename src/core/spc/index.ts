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
