import type { Entity } from './entity.ts'

/**
 * Whether ten digits pass the NHS number Modulus 11 check: digits 1–9 weighted 10…2, 11 minus the
 * sum mod 11 is the check digit (11 → 0, 10 → invalid). Numbers of one repeated digit pass the
 * arithmetic but are never issued, so they are rejected. Separators are ignored.
 * @see https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i)
  const check = 11 - (sum % 11)
  if (check === 10) return false
  return (check === 11 ? 0 : check) === Number(digits[9])
}

// Ten digits, alone or in the groupings people use (3-3-4 above all), separated by spaces or a
// hyphen; never part of a longer run of digits, a decimal, an amount or a +44.
const CANDIDATE =
  /(?<![\d£$€+]|\d[.,/:])(?:\d{10}|\d{3}(?:\s{1,2}|\s?-\s?)\d{3}(?:\s{1,2}|\s?-\s?)\d{4}|\d{3}(?:\s{1,2}|\s?-\s?)\d{4}(?:\s{1,2}|\s?-\s?)\d{3}|\d{4}(?:\s{1,2}|\s?-\s?)\d{3}(?:\s{1,2}|\s?-\s?)\d{3}|\d{5}(?:\s{1,2}|\s?-\s?)\d{5})(?![\d%]|[.,]\d)/g

// Words that say a number is a health-service number: "NHS no.", "CHI number", "number: …".
const NHS_CONTEXT = /\b(?:nhs|chi|h&c)\b/i
const NUMBER_CONTEXT = /\b(?:numbers?|num|nr|ref|reference|id)\b|\bno[.:]|#/i
const CONTEXT_BEFORE = 40
const CONTEXT_AFTER = 25

/**
 * NHS numbers in free text. A candidate is ten digits (contiguous, 3-3-4, 3-4-3, 4-3-3 or 5-5) and
 * is taken when it passes the Modulus 11 check, or when "NHS", "CHI" or "number" stands within 40
 * characters before or 25 after, so that a mistyped or repeated-digit number beside "NHS number"
 * is still redacted (favouring recall, STANDARDS.md). A run starting with 0 is left to the phone
 * detector unless "NHS" or "CHI" stands beside it: NHS numbers in England and Wales never start
 * with 0, UK phone numbers always do.
 */
export function findNhsNumbers(text: string): Entity[] {
  const found: Entity[] = []
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index
    const end = start + match[0].length
    const before = wholeWords(text, Math.max(0, start - CONTEXT_BEFORE), start)
    const after = wholeWords(text, end, Math.min(text.length, end + CONTEXT_AFTER))
    const saysNhs = NHS_CONTEXT.test(before) || NHS_CONTEXT.test(after)
    const saysNumber = NUMBER_CONTEXT.test(before) || NUMBER_CONTEXT.test(after)
    const take = match[0].startsWith('0') ? saysNhs : saysNhs || saysNumber || isValidNhsNumber(match[0])
    if (take) found.push({ type: 'nhs_number', start, end })
  }
  return found
}

// The text between two offsets without a word cut at either edge, so that the edge of the window
// makes no word boundary ("[NHS_NUMBER]" cut to "NUMBER]" would read as "number").
function wholeWords(text: string, from: number, to: number): string {
  let window = text.slice(from, to)
  if (from > 0 && /\w/.test(text[from - 1]!)) window = window.replace(/^\w+/, '')
  if (to < text.length && /\w/.test(text[to]!)) window = window.replace(/\w+$/, '')
  return window
}
