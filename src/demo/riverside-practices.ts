/** The six Riverside practices and the part each plays in the story (docs/DEMO.md). */
import type { PracticeProfile } from './scenario.ts'
import type { Mix } from './strata.ts'

export interface RiversidePractice extends PracticeProfile {
  /** Log-odds offset on blood-pressure control (the practice's own quality). */
  readonly control: number
  /** Log-odds offset on blood pressure recorded. */
  readonly recording: number
  /** Week index the practice's changes start; null when it made none. */
  readonly changeWeek: number | null
  /** Log-odds gain in control once the changes are fully in place, for quintiles 3 to 5. */
  readonly controlGain: number
  /** Log-odds gain for quintile 1 (Core20), which most changes target; quintile 2 gets the average of the two. */
  readonly core20Gain: number
  /** Monitors lent per person on the register per week once loans are standardised. */
  readonly monitorLoanRate: number
  /** Mean days to a routine GP appointment. */
  readonly waitDays: number
}

/** Register age mix: a deprived practice's register is younger. */
const AGE_OLDER = [0.06, 0.28, 0.47, 0.19]
const AGE_YOUNGER = [0.09, 0.35, 0.43, 0.13]
const SEX = [0.49, 0.51]

// Ethnicity order: White British, Asian or Asian British, Black or Black British, Mixed, Other, Not stated.
const mix = (imd: number[], ethnicity: number[], age = AGE_OLDER): Mix => ({ imd_quintile: imd, ethnicity, sex: SEX, age_band: age })

/** The week index northfield's extract failed (two weeks over the new year with no rows). */
export const NORTHFIELD_MISSING_WEEKS = [42, 43] as const

/**
 * List sizes and levels are set so that the site-comparison funnel plot of `bp-control` (each
 * practice's all-people counts summed over the first or the latest 13 weeks) shows westbrook as
 * possible excellence, eastgate as possible concern and the other four within the 99.8% limits
 * (story.test.ts). With six practices, Spiegelhalter's overdispersion adjustment estimates τ² from
 * the outliers themselves (winsorising only pulls each to the midpoint with its neighbour), so the
 * two outliers stay outside only if their shares of the weight, n / (Σn − Σn²/Σn), add up to well
 * under 0.42 and the other four sit close to the average. Hence eastgate and westbrook are small
 * practices, the three big practices track the average, and hillside, flat while the others gain
 * about 9 points, starts about 4 points above the average and ends about 4 below it.
 */
export const RIVERSIDE_PRACTICES: readonly RiversidePractice[] = [
  // The most deprived practice: poor control at baseline, and still the lowest after its changes
  // (possible concern on the funnel plot in the first and the last 13 weeks).
  {
    code: 'eastgate', listSize: 6_000, prevalence: 0.14, missingWeeks: [],
    mix: mix([0.55, 0.25, 0.1, 0.06, 0.04], [0.46, 0.27, 0.14, 0.05, 0.04, 0.04], AGE_YOUNGER),
    control: -0.5, recording: -0.1, changeWeek: 26, controlGain: 0.3, core20Gain: 0.5, monitorLoanRate: 0.007, waitDays: 13,
  },
  // Improves; its extract fails for two weeks (a data-quality blip, not zeros).
  {
    code: 'northfield', listSize: 16_000, prevalence: 0.15, missingWeeks: NORTHFIELD_MISSING_WEEKS,
    mix: mix([0.3, 0.3, 0.2, 0.12, 0.08], [0.63, 0.17, 0.08, 0.04, 0.03, 0.05]),
    control: 0, recording: 0, changeWeek: 27, controlGain: 0.27, core20Gain: 0.6, monitorLoanRate: 0.006, waitDays: 11,
  },
  // The affluent practice: excellent at baseline and still the best at the end (possible excellence
  // on the funnel plot in the first and the last 13 weeks); its gain is smaller and none is aimed at Core20.
  {
    code: 'westbrook', listSize: 6_000, prevalence: 0.145, missingWeeks: [],
    mix: mix([0.03, 0.07, 0.15, 0.3, 0.45], [0.8, 0.08, 0.03, 0.03, 0.02, 0.04]),
    control: 0.5, recording: 0.2, changeWeek: 30, controlGain: 0.5, core20Gain: 0, monitorLoanRate: 0.003, waitDays: 9,
  },
  {
    code: 'southmead', listSize: 15_300, prevalence: 0.155, missingWeeks: [],
    mix: mix([0.35, 0.25, 0.2, 0.12, 0.08], [0.55, 0.15, 0.16, 0.05, 0.04, 0.05], AGE_YOUNGER),
    control: 0.08, recording: 0, changeWeek: 28, controlGain: 0.27, core20Gain: 0.6, monitorLoanRate: 0.006, waitDays: 12,
  },
  // Lends monitors like the others, but control does not move: "not working, adapt".
  {
    code: 'hillside', listSize: 6_200, prevalence: 0.13, missingWeeks: [],
    mix: mix([0.15, 0.25, 0.3, 0.2, 0.1], [0.72, 0.1, 0.06, 0.04, 0.03, 0.05]),
    control: 0.18, recording: 0, changeWeek: 28, controlGain: 0, core20Gain: 0, monitorLoanRate: 0.004, waitDays: 10,
  },
  // Its register has under ten people of "Other" ethnic group: the small-numbers group.
  {
    code: 'riverbank', listSize: 15_800, prevalence: 0.15, missingWeeks: [],
    mix: mix([0.25, 0.3, 0.25, 0.12, 0.08], [0.8, 0.07, 0.04, 0.03, 0.0025, 0.0575]),
    control: -0.02, recording: 0.05, changeWeek: 28, controlGain: 0.3, core20Gain: 0.65, monitorLoanRate: 0.006, waitDays: 10,
  },
]
