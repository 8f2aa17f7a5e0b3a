/** Did a change work? Interrupted time series (segmented regression, linear or Poisson). */
export * from './interrupted-time-series.ts'
export * from './poisson-interrupted-time-series.ts'
export { COEFFICIENT_NAMES, MIN_POINTS_EACH_SIDE, type CoefficientName } from './segmented-design.ts'
export type { CoefficientEstimate } from './coefficient-estimate.ts'
