import { findDates } from './dates.ts'
import type { Entity } from './entity.ts'

const BIRTH_WORDS = /\b(?:born|dob|d\.\s?o\.\s?b\.?|d\/o\/b|date\s+of\s+birth|birth\s?date|birthday|b'?day)(?![\p{L}])/giu
const MAX_GAP = 30
// Between the word and the date only short linking words: "born on the", "DOB:", "birthday is".
const GAP_ALLOWED = /^(?:[\s:;,=()[\]–—-]|\b(?:on|in|is|was|were|are|of|the|at|date|dated|be|its|it's)\b)*$/i
const LABEL_AFTER = /^\s*[([]?\s*(?:dob|d\.o\.b\.?|date of birth|born)\b/i

/**
 * Dates of birth: the first date after "born", "DOB", "D.O.B.", "date of birth", "birth date" or
 * "birthday" when only linking words stand between ("born on the", "DOB:", "birthday is"), or a
 * date followed by "(DOB)". Other dates ("seen on 3 March") are left alone, and a year alone ("born in
 * 1956") is not a date of birth.
 */
export function findDatesOfBirth(text: string): Entity[] {
  const dates = findDates(text)
  if (dates.length === 0) return []
  const taken = new Set<number>()
  for (const word of text.matchAll(BIRTH_WORDS)) {
    const after = word.index + word[0].length
    const next = dates.find((date) => date.start >= after)
    if (next !== undefined && next.start - after <= MAX_GAP && GAP_ALLOWED.test(text.slice(after, next.start))) {
      taken.add(dates.indexOf(next))
    }
  }
  dates.forEach((date, i) => {
    if (LABEL_AFTER.test(text.slice(date.end, date.end + 20))) taken.add(i)
  })
  return [...taken].sort((a, b) => a - b).map((i) => ({ type: 'date_of_birth', start: dates[i]!.start, end: dates[i]!.end }))
}
