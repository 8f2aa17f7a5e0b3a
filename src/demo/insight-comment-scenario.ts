/**
 * The shape of the phrase tables patient comments are composed from: each scenario's comments are
 * an opening, a core and a closing, so about eighty comments read as many people rather than one.
 */
import type { ThemePath } from './insight-codebook.ts'
import type { GroupProfile, Weights } from './insight-draw.ts'

/** Tone from −2 (very negative) to +2 (very positive); an FFT answer is drawn to match it. */
export interface Phrase {
  readonly text: string
  readonly themes: readonly ThemePath[]
  readonly tone: number
  /** Week range (inclusive) when this phrase is said, instead of the scenario's. */
  readonly weeks?: readonly [number, number]
  readonly sites?: Weights
  /** Dimensions that differ from the scenario's profile. */
  readonly groups?: GroupProfile
}

/** An opening or closing that may add a theme and shift the tone. */
export interface Addition {
  readonly text: string
  readonly themes?: readonly ThemePath[]
  readonly tone?: number
}

export interface CommentScenario {
  readonly name: string
  readonly count: number
  readonly weeks: readonly [number, number]
  readonly sites: Weights
  readonly groups: GroupProfile
  readonly cores: readonly Phrase[]
  readonly openers: readonly Addition[]
  readonly closers: readonly Addition[]
}

export const NONE: Addition = { text: '' }
export const DEPRIVED = { '1': 6, '2': 2.5, '3': 1, '4': 0.4, '5': 0.2 }
export const WORKING_AGE = { '18-39': 4, '40-59': 5, '60-79': 0.6 }
export const OLDER = { '40-59': 1, '60-79': 4, '80+': 2.5 }
export const ANY_AGE = { '18-39': 1, '40-59': 3, '60-79': 4, '80+': 1.5 }
export const SEXES = { Female: 1, Male: 1 }
export const MIXED_ETHNICITY = { 'White British': 5, 'Asian or Asian British': 2.5, 'Black or Black British': 1.5, Mixed: 0.5, Other: 0.5 }
export const DEPRIVED_SITES = { eastgate: 5, southmead: 2, northfield: 2, riverbank: 1.5, hillside: 0.5, westbrook: 0.3 }
