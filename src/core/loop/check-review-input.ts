/** Impossible review arguments throw, quoting the value: they are bugs in the caller, not problems in the data. */
import { parseIsoDate } from '../period.ts'
import { checkExpectedSize } from './size-comparison.ts'
import type { PredictionInput, ReviewSettings } from './types.ts'

const MOVEMENTS = ['increase', 'decrease'] as const

export function checkSettings(settings: ReviewSettings): void {
  checkDate('changeDate', settings.changeDate)
  checkDate('asOf', settings.asOf)
  const { ruleLength } = settings
  if (ruleLength !== undefined && !(Number.isInteger(ruleLength) && ruleLength >= 2)) {
    throw new Error(`invalid ruleLength: ${ruleLength} (expected a whole number of at least 2)`)
  }
}

export function checkPrediction(prediction: PredictionInput): void {
  const role: string = prediction.role
  if (prediction.role === 'primary') {
    checkMovement('direction', prediction.direction)
    if (prediction.by !== undefined) checkDate('by', prediction.by)
    if (prediction.expectedSize !== undefined) checkExpectedSize(prediction.expectedSize)
  } else if (prediction.role === 'balancing') {
    checkMovement('harmfulDirection', prediction.harmfulDirection)
  } else {
    throw new Error(`invalid role: ${JSON.stringify(role)} (expected primary or balancing)`)
  }
}

function checkDate(name: string, value: string): void {
  if (parseIsoDate(value) === undefined) throw new Error(`invalid ${name}: ${JSON.stringify(value)} (expected an ISO date, YYYY-MM-DD)`)
}

function checkMovement(name: string, value: string): void {
  if (!(MOVEMENTS as readonly string[]).includes(value)) throw new Error(`invalid ${name}: ${JSON.stringify(value)} (expected increase or decrease)`)
}
