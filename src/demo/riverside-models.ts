/**
 * How each Riverside measure is drawn for one finest cell in one week: the story of docs/DEMO.md
 * written as log-odds effects. Tuned so the baseline is about 58% controlled with a 12-point gap
 * between quintiles 1 and 5, rising towards 66–70% by the last quarter.
 */
import type { CellContext, CellCount, MeasureModel } from './scenario.ts'
import type { RiversidePractice } from './riverside-practices.ts'
import { BP_CONTROL, BP_RECORDED, COMMUNITY_REFERRAL, FALLS, GP_WAIT_DAYS, MONITORS_LENT } from './riverside-measures.ts'
import type { AgeBand, Ethnicity, Quintile } from './strata.ts'

type Cell = CellContext<RiversidePractice>

/** Week index of the new guideline: from then "controlled" is stricter for people aged 80 and over. */
export const GUIDELINE_WEEK = 40

interface Effects {
  readonly base: number
  readonly imd: Readonly<Record<Quintile, number>>
  readonly ethnicity: Readonly<Record<Ethnicity, number>>
  readonly age: Readonly<Record<AgeBand, number>>
}

const logit = (p: number): number => Math.log(p / (1 - p))
const logistic = (x: number): number => 1 / (1 + Math.exp(-x))

/** 0 before `start`, rising linearly to 1 over `length` weeks; 0 throughout when `start` is null. */
export function ramp(week: number, start: number | null, length: number): number {
  if (start === null || week < start) return 0
  return Math.min(1, (week - start + 1) / length)
}

/** The practice's full gain in control for a quintile: Core20 gain for 1, the average for 2, else the general gain. */
function controlGain(practice: RiversidePractice, quintile: Quintile): number {
  if (quintile === '1') return practice.core20Gain
  if (quintile === '2') return (practice.core20Gain + practice.controlGain) / 2
  return practice.controlGain
}

const linear = (effects: Effects, cell: Cell): number =>
  effects.base + effects.imd[cell.strata.imd_quintile] + effects.ethnicity[cell.strata.ethnicity] + effects.age[cell.strata.age_band]

const CONTROL: Effects = {
  base: logit(0.585),
  imd: { '1': -0.15, '2': -0.08, '3': 0, '4': 0.06, '5': 0.12 },
  // Black or Black British: recorded often but controlled less (the dissonance community events explain).
  ethnicity: { 'White British': 0.03, 'Asian or Asian British': -0.05, 'Black or Black British': -0.3, Mixed: -0.05, Other: -0.05, 'Not stated': -0.1 },
  // People of working age cannot get time off for the nurse clinic.
  age: { '18-39': -0.25, '40-59': -0.15, '60-79': 0.1, '80+': 0.12 },
}
const CONTROL_RAMP_WEEKS = 16
const CONTROL_WEEKLY_NOISE = 0.03
const GUIDELINE_STEP_80_PLUS = -0.25

const RECORDED: Effects = {
  base: logit(0.82),
  imd: { '1': -0.2, '2': -0.1, '3': 0, '4': 0.08, '5': 0.15 },
  // Letters only in English: recording is lower for Asian or Asian British people until reminders are translated.
  ethnicity: { 'White British': 0, 'Asian or Asian British': -0.3, 'Black or Black British': 0.35, Mixed: 0, Other: -0.1, 'Not stated': -0.2 },
  age: { '18-39': -0.5, '40-59': -0.3, '60-79': 0.15, '80+': 0.25 },
}
const RECORDED_GAIN = 0.4
const RECORDED_TRANSLATION_GAIN = 0.3
const RECORDED_RAMP_WEEKS = 12

const REFERRAL: Effects = {
  base: logit(0.18),
  imd: { '1': 0.35, '2': 0.15, '3': 0, '4': -0.1, '5': -0.2 },
  ethnicity: { 'White British': 0, 'Asian or Asian British': 0.1, 'Black or Black British': 0.25, Mixed: 0, Other: 0, 'Not stated': 0 },
  age: { '18-39': -0.6, '40-59': 0, '60-79': 0.3, '80+': 0.3 },
}
const REFERRAL_GAIN = 0.35
const CHECKS_PER_ADULT_WEEK = 0.006
const CHECKS_GROWTH = 0.6

const MONITORS_BEFORE_PER_PERSON_WEEK = 0.0012
const MONITORS_QUINTILE_1_FACTOR = 1.5

const FALLS_PER_PERSON_WEEK = 0.0022
const FALLS_AGE: Readonly<Record<AgeBand, number>> = { '18-39': 0.3, '40-59': 0.6, '60-79': 1.1, '80+': 2.4 }

const APPOINTMENTS_PER_ADULT_WEEK = 0.06
const APPOINTMENTS_AGE: Readonly<Record<AgeBand, number>> = { '18-39': 0.7, '40-59': 0.9, '60-79': 1.2, '80+': 1.4 }
const WAIT_WEEKLY_NOISE_DAYS = 0.8
const WAIT_SD_DAYS = 6

function drawControl(cell: Cell): CellCount {
  const { practice, strata, week } = cell
  const gain = ramp(week, practice.changeWeek, CONTROL_RAMP_WEEKS) * controlGain(practice, strata.imd_quintile)
  const guideline = week >= GUIDELINE_WEEK && strata.age_band === '80+' ? GUIDELINE_STEP_80_PLUS : 0
  const x = linear(CONTROL, cell) + practice.control + gain + guideline + CONTROL_WEEKLY_NOISE * cell.shared
  return { numerator: cell.random.binomial(cell.register, logistic(x)), denominator: cell.register }
}

function drawRecorded(cell: Cell): CellCount {
  const { practice, strata, week } = cell
  const progress = ramp(week, practice.changeWeek, RECORDED_RAMP_WEEKS)
  const translated = strata.ethnicity === 'Asian or Asian British' ? RECORDED_TRANSLATION_GAIN : 0
  const x = linear(RECORDED, cell) + practice.recording + progress * (RECORDED_GAIN + translated) + CONTROL_WEEKLY_NOISE * cell.shared
  return { numerator: cell.random.binomial(cell.register, logistic(x)), denominator: cell.register }
}

function drawMonitors(cell: Cell): CellCount {
  const { practice, strata, week } = cell
  const standardised = practice.changeWeek !== null && week >= practice.changeWeek
  const targeted = strata.imd_quintile === '1' ? MONITORS_QUINTILE_1_FACTOR : 1
  const rate = standardised ? practice.monitorLoanRate * targeted : MONITORS_BEFORE_PER_PERSON_WEEK
  return { numerator: cell.random.binomial(cell.register, rate), denominator: 0 }
}

function drawReferral(cell: Cell): CellCount {
  const progress = ramp(cell.week, cell.practice.changeWeek, CONTROL_RAMP_WEEKS)
  const checks = cell.random.binomial(cell.list, CHECKS_PER_ADULT_WEEK * (1 + CHECKS_GROWTH * progress))
  const referred = cell.random.binomial(checks, logistic(linear(REFERRAL, cell) + REFERRAL_GAIN * progress))
  return { numerator: referred, denominator: checks }
}

function drawFalls(cell: Cell): CellCount {
  const rate = FALLS_PER_PERSON_WEEK * FALLS_AGE[cell.strata.age_band] * Math.exp(0.05 * cell.shared)
  return { numerator: cell.random.binomial(cell.register, rate), denominator: cell.register }
}

function drawWait(cell: Cell): CellCount {
  const appointments = cell.random.binomial(cell.list, APPOINTMENTS_PER_ADULT_WEEK * APPOINTMENTS_AGE[cell.strata.age_band])
  if (appointments === 0) return { numerator: 0, denominator: 0 }
  const meanDays = cell.practice.waitDays + WAIT_WEEKLY_NOISE_DAYS * cell.shared
  const days = Math.max(0, Math.round(cell.random.normal(appointments * meanDays, WAIT_SD_DAYS * Math.sqrt(appointments))))
  return { numerator: days, denominator: appointments }
}

export const RIVERSIDE_MODELS: readonly MeasureModel<RiversidePractice>[] = [
  { measure: BP_CONTROL, draw: drawControl },
  { measure: BP_RECORDED, draw: drawRecorded },
  { measure: MONITORS_LENT, draw: drawMonitors },
  { measure: COMMUNITY_REFERRAL, draw: drawReferral },
  { measure: FALLS, draw: drawFalls },
  { measure: GP_WAIT_DAYS, draw: drawWait },
]
