/** A date written in a text: UTF-16 offsets, `end` exclusive. */
export interface DateSpan {
  readonly start: number
  readonly end: number
}

const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?)'
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?'
const YEAR = "(?:(?:19|20)\\d{2}|'\\d{2})"
const PATTERNS: readonly RegExp[] = [
  // 12/03/1956, 12-3-56, 12.03.1956, 12 03 1956 (day first or month first)
  /(?<![\d/.-])\d{1,2}(?:[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\s\d{1,2}\s\d{4})(?![\d/.-]\d)/g,
  // 1956-03-12, 1956/03/12
  /(?<![\d/.-])(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}(?![\d/-])/g,
  // 12 March 1956, 12th of March, 3 Mar '56
  new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+${YEAR})?(?![\\p{L}\\d])`, 'giu'),
  // March 12th, 1956; March 12
  new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?(?![\\p{L}\\d])`, 'giu'),
  // March 1956
  new RegExp(`\\b${MONTH},?\\s+${YEAR}(?![\\p{L}\\d])`, 'giu'),
]

/**
 * Calendar dates in a text (numeric with / - . or spaces, ISO, and with month names), longest
 * the first and longest kept where two forms overlap; numeric dates must have a month 1–12 in first or second place.
 * Years alone are not dates here.
 */
export function findDates(text: string): DateSpan[] {
  const spans: DateSpan[] = []
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (!plausible(match[0])) continue
      spans.push({ start: match.index, end: match.index + match[0].length })
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: DateSpan[] = []
  for (const span of spans) {
    if (span.start >= (kept.at(-1)?.end ?? 0)) kept.push(span)
  }
  return kept
}

function plausible(date: string): boolean {
  const numeric = /^(\d{1,4})[\s/.-](\d{1,2})[\s/.-](\d{1,4})$/.exec(date)
  if (numeric === null) return true
  const [first, second, third] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])]
  if (numeric[1]!.length === 4) return second >= 1 && second <= 12 && third >= 1 && third <= 31
  const dayMonth = first >= 1 && first <= 31 && second >= 1 && second <= 12
  const monthDay = first >= 1 && first <= 12 && second >= 1 && second <= 31
  return dayMonth || monthDay
}
