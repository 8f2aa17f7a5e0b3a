/** Centre line, limits and near band of one XmR segment. @see docs/methods/xmr.md */
import { averageMovingRange, mean } from './average-moving-range.ts'
import type { ProfileSettings } from './profile-settings.ts'

export interface XmrLimits {
  readonly centre: number
  readonly upper: number
  readonly lower: number
  readonly upper2sigma: number
  readonly lower2sigma: number
  /** Average moving range after screening (0 for a single value). */
  readonly averageMovingRange: number
}

/** Limits from the baseline values (in time order; at least one), as the profile computes them. */
export function xmrLimits(baseline: readonly number[], settings: ProfileSettings): XmrLimits {
  const centre = mean(baseline)
  const amr = averageMovingRange(baseline, settings.screening)
  const width = settings.limitFactor * amr
  const nearWidth = settings.nearFactor * amr
  return {
    centre,
    upper: centre + width,
    lower: centre - width,
    upper2sigma: centre + nearWidth,
    lower2sigma: centre - nearWidth,
    averageMovingRange: amr,
  }
}
