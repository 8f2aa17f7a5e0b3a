/**
 * Triangulation: signals from the numbers (special cause, funnel outliers, gaps, theme trends) and
 * coded insight from staff, patients and communities, turned into proposed findings with a
 * convergence label per source and overall. @see docs/methods/triangulation.md
 */
export * from './types.ts'
export { DEFAULT_RECENT, DEFAULT_SMALL_CELL, DEFAULT_WINDOW_MONTHS, FULL_RUN, FUNNEL_95_STRENGTH, MIXED_SHARE, PEOPLE_FULL, WEAK_SIGNAL } from './defaults.ts'
export { qualitativeSourceOf } from './source.ts'
export { signalKey, focusKey } from './signal-key.ts'
export { specialCauseRun, leaningOfPointType, sideOfPointType, rulePhrase, type SpecialCauseRun } from './special-cause-run.ts'
export { signalsFromChart, type ChartSignalInput } from './chart-signals.ts'
export { signalsFromFunnel, type FunnelSignalInput } from './funnel-signals.ts'
export { signalsFromGap, type GapSignalInput } from './gap-signals.ts'
export { signalsFromThemeTrend, signalsFromSentimentTrend, type ThemeTrendInput } from './theme-signals.ts'
export { sentimentLabel, leaningOfCounts, sourceEvidence } from './source-evidence.ts'
export { compareStances, overallConvergence, type Stance, type Cell } from './convergence.ts'
export { findingScore, SCORE_WEIGHTS, type ScoreInput, type ScoreParts } from './rank.ts'
export { CONVERGENCE_WORDS, CLASSIFICATION_WORDS } from './reasons.ts'
export { proposeFindings, type ProposeInput } from './propose.ts'
export { signalsFromGroupDifferences, type GroupSignalInput } from './group-signals.ts'
