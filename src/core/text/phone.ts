import type { Entity } from './entity.ts'

// A run that starts like a phone number (+44, 0044, another +country code, 0 or "(0") and goes on
// in digits, spaces, hyphens, dots and brackets (at most 27 characters, enough for any number
// written out). Never inside a word, an amount, a time, a date or a longer number; "Tel:07700…"
// and "tel.07700…" are fine.
const CANDIDATE = /(?<![\p{L}\p{N}_+£$€]|\p{N}[.,:])(?:\+\s?\d|00\d|\(0|0\d)[\d ()\-.\u00a0]{0,24}\d(?!\d)/gu
const SEPARATOR_RUN = /^[ ()\-.\u00a0]{1,3}$/

/**
 * Phone numbers: UK landlines and mobiles (0 or +44 prefix, optional "(0)", 10 or 11 digits with
 * the national 0, starting 01, 02, 03, 05, 07, 08 or 09) and international numbers written with
 * "+" and a country code (8–15 digits). Service numbers ("NHS 111", "999", "116 123") are too short
 * to match. When more digits follow, the number ends at the last digit group that makes it valid.
 */
export function findPhones(text: string): Entity[] {
  const found: Entity[] = []
  const candidate = new RegExp(CANDIDATE)
  for (let match = candidate.exec(text); match !== null; match = candidate.exec(text)) {
    const length = validLength(match[0])
    if (length > 0) found.push({ type: 'phone', start: match.index, end: match.index + length })
    // Go on after the number taken, or after the first character of a run that held none, so that
    // "07700 900123 07700 900124" gives two numbers.
    candidate.lastIndex = match.index + Math.max(1, length)
  }
  return found
}

/** The length of the longest prefix of `run`, ending at a digit group, that is a phone number; 0 if none. */
function validLength(run: string): number {
  const groups = digitGroups(run)
  if (groups === undefined) return 0
  let best = 0
  let digits = ''
  for (const group of groups) {
    digits += group.digits
    if (isPhoneNumber(digits, run)) best = group.end
  }
  return best
}

interface DigitGroup {
  readonly digits: string
  readonly end: number
}

function digitGroups(run: string): DigitGroup[] | undefined {
  const groups: DigitGroup[] = []
  const pattern = /\d+|[^\d]+/g
  for (const piece of run.matchAll(pattern)) {
    const isDigits = /^\d/.test(piece[0])
    if (isDigits) groups.push({ digits: piece[0], end: piece.index + piece[0].length })
    else if (!SEPARATOR_RUN.test(piece[0]) && piece[0] !== '+') return groups.length > 0 ? groups : undefined
  }
  return groups
}

function isPhoneNumber(digits: string, run: string): boolean {
  if (run.startsWith('+') || run.startsWith('00')) {
    const international = run.startsWith('+') ? digits : digits.slice(2)
    if (international.startsWith('44')) return isUkNational(`0${international.slice(2).replace(/^0/, '')}`, run)
    return international.length >= 8 && international.length <= 15
  }
  return isUkNational(digits, run)
}

function isUkNational(national: string, run: string): boolean {
  const hasUkPrefix = /^\+\s?44|^0044/.test(run)
  if (!hasUkPrefix && !national.startsWith('0')) return false
  return (national.length === 10 || national.length === 11) && /^0[1235789]/.test(national)
}
