/** What each XmR profile computes, in one visible place. @see docs/methods/xmr.md */
import type { Profile } from './types.ts'

export interface ProfileSettings {
  /** Drop moving ranges of at least 3.267·AMR and average the rest, once. */
  readonly screening: boolean
  /** The limits are centre ± limitFactor·AMR. */
  readonly limitFactor: number
  /** The near (2σ) band is centre ± nearFactor·AMR. */
  readonly nearFactor: number
  /** `all`: the four MDC rules; `outside_limits`: points are flagged only outside the limits. */
  readonly rules: 'all' | 'outside_limits'
  /** Two-of-three counts points beyond the limits too (MDC's 2023 change). */
  readonly twoOfThreeBeyondLimits: boolean
}

/** A moving range at or above this multiple of the average moving range is screened out. */
export const SCREENING_FACTOR = 3.267

/** MDC's literal limit factor (≈ 3/1.128). */
const MDC_FACTOR = 2.66
/** d2 for moving ranges of two points: σ = AMR / 1.128. */
const D2 = 1.128

const mdc: ProfileSettings = {
  screening: true,
  limitFactor: MDC_FACTOR,
  nearFactor: (2 / 3) * MDC_FACTOR,
  rules: 'all',
  twoOfThreeBeyondLimits: false,
}

const SETTINGS: Readonly<Record<Profile, ProfileSettings>> = {
  mdc,
  mdc_excel: { ...mdc, screening: false },
  mdc2023: { ...mdc, twoOfThreeBeyondLimits: true },
  qic: { screening: true, limitFactor: 3 / D2, nearFactor: 2 / D2, rules: 'outside_limits', twoOfThreeBeyondLimits: false },
}

/** The constants and rule set of `profile`. */
export function profileSettings(profile: Profile): ProfileSettings {
  return SETTINGS[profile]
}
