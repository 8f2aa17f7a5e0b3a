/**
 * Checks of what a gold span claims to be, written independently of the generator: they are what
 * labelled-texts.test.ts holds the set to (labels exact, identifiers only from reserved or
 * fictional ranges, no unlabelled look-alikes left in the text).
 */
import { type EntityType, type LabelledText } from './labelled-texts.ts'
import { FIRST_NAMES, SURNAMES } from './pools.ts'

/** Modulus 11 as the NHS Data Dictionary states it: weights 10..2 on digits 1-9. */
export function passesModulus11(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(tenDigits[i]) * (10 - i)
  const r = 11 - (sum % 11)
  if (r === 10) return false
  return (r === 11 ? 0 : r) === Number(tenDigits[9])
}

/** 3-3-4 with one consistent separator (space, dash or none), 999 000 0000-999 999 9999, check digit valid, not all one digit. */
export function isReservedNhsNumber(span: string): boolean {
  const m = /^(\d{3})([ -]?)(\d{3})\2(\d{4})$/.exec(span)
  if (!m) return false
  const d = `${m[1]}${m[3]}${m[4]}`
  return d.startsWith('999') && passesModulus11(d) && !/^(\d)\1{9}$/.test(d)
}

/** The phone number in national form (0...), or null if the span is not shaped like a UK number. */
export function nationalDigits(span: string): string | null {
  if (!/^(\+44 ?(\(0\))?|\(?0)[\d ()-]+\d$/.test(span)) return null
  let d = span.replace(/\(0\)/, '').replace(/\D/g, '')
  if (d.startsWith('44')) d = `0${d.slice(2)}`
  return d
}

/** Ofcom's drama ranges: 07700 900000-900999, 01632 960000-960999, 0113 496 0000-0999, 020 7946 0000-0999. */
export function isDramaPhone(span: string): boolean {
  const d = nationalDigits(span)
  return d !== null && /^(07700900\d{3}|01632960\d{3}|01134960\d{3}|02079460\d{3})$/.test(d)
}

/** The 124 postcode areas in use (UK, Channel Islands, Isle of Man), plus BF/BX/XX non-geographic ones. */
export const REAL_POSTCODE_AREAS: ReadonlySet<string> = new Set(
  ('AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC ' +
    'EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME ' +
    'MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA ' +
    'TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV XX YO ZE').split(' '),
)

/** A full postcode in one of the six outward formats, with Royal Mail's letter rules, spaced or not, any case. */
export function postcodeArea(span: string): string | null {
  const s = span.toUpperCase()
  const m = /^([A-PR-UWYZ])(?:(\d{1,2})|(\d[ABCDEFGHJKPSTUW])|([A-HK-Y])(\d{1,2}|\d[ABEHMNPRVWXY])) ?\d[ABD-HJLNP-UW-Z]{2}$/.exec(s)
  if (!m) return null
  return m[4] ? `${m[1]}${m[4]}` : (m[1] as string)
}

const EMAIL = /^[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)*(example\.com|example\.org|nhs\.example)$/i
export const isExampleEmail = (span: string): boolean => EMAIL.test(span) && !span.startsWith('.')

const NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'])
/** Two prefix letters (valid ones only), six digits (spaced in pairs, as one block, or not), a suffix A-D. */
export function isNiNumber(span: string): boolean {
  const s = span.toUpperCase()
  const m = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])(?: ?(\d{6}) ?| (\d{2}) (\d{2}) (\d{2}) )([A-D])$/.exec(s)
  return m !== null && !NEVER_ISSUED.has(m[1] as string)
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** The calendar date a date-of-birth span names, or null if the span is not a whole valid date. */
export function parseDate(span: string): { year: number; month: number; day: number } | null {
  const s = span.toLowerCase()
  let year: number, month: number, day: number
  let m: RegExpExecArray | null
  if ((m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s))) {
    day = Number(m[1]); month = Number(m[3]); year = Number(m[4])
    if (m[4]?.length === 2) year += year > 25 ? 1900 : 2000
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    year = Number(m[1]); month = Number(m[2]); day = Number(m[3])
  } else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+) (\d{4})$/.exec(s))) {
    day = Number(m[1]); month = MONTHS.indexOf((m[2] as string).slice(0, 3)) + 1; year = Number(m[3])
    if (!(m[2] as string).startsWith(MONTHS[month - 1] ?? '?')) return null
  } else if ((m = /^([a-z]+) (\d{1,2}),? (\d{4})$/.exec(s))) {
    month = MONTHS.indexOf((m[1] as string).slice(0, 3)) + 1; day = Number(m[2]); year = Number(m[3])
  } else return null
  if (month < 1 || month > 12 || day < 1) return null
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  return { year, month, day }
}

/** Words that say the next date is a date of birth. */
export const BIRTH_CONTEXT = /\b(born|dob|d\.?o\.?b\.?|date of birth)\b/i

/** True when a birth keyword appears in the 30 characters before `start`. */
export function hasBirthContext(text: string, start: number): boolean {
  return BIRTH_CONTEXT.test(text.slice(Math.max(0, start - 30), start))
}

const STREET_SUFFIX = '(Road|Lane|Street|Avenue|Close|Way|Crescent|Drive|Grove|Court|Walk|Terrace|Place|Gardens|Mews|Row)'
/** House number (or Flat n) first, a street with a known suffix, no postcode inside. */
export function isStreetAddress(span: string): boolean {
  return new RegExp(`^(\\d+[a-c]?,? |flat \\d+, )`, 'i').test(span) &&
    new RegExp(`\\b${STREET_SUFFIX}\\b`, 'i').test(span) &&
    !span.split(/,? /).some((_, i, words) => postcodeArea(words.slice(i, i + 2).join(' ')) !== null) &&
    !/[,.\s]$/.test(span)
}

const NAME_TOKENS: ReadonlySet<string> = new Set(
  [...FIRST_NAMES, ...SURNAMES].flatMap((n) => n.split(/[ -]/)).map((t) => t.toLowerCase()),
)
const TITLES = new Set(['dr', 'dr.', 'mr', 'mrs', 'ms', 'miss', 'nurse', 'sister'])
/** Every word is an invented given name or surname from the pools; no title, no possessive. */
export function isPoolName(span: string): boolean {
  const words = span.split(/[ -]/)
  return words.length > 0 && !TITLES.has(words[0]!.toLowerCase()) &&
    words.every((w) => NAME_TOKENS.has(w.toLowerCase()))
}

/** Whether a span's text is what its type claims. */
export function claimHolds(type: EntityType, item: LabelledText, start: number, end: number): boolean {
  const span = item.text.slice(start, end)
  if (span !== span.trim() || span === '') return false
  switch (type) {
    case 'nhs_number': return isReservedNhsNumber(span)
    case 'phone': return isDramaPhone(span)
    case 'postcode': {
      const area = postcodeArea(span)
      return area !== null && !REAL_POSTCODE_AREAS.has(area)
    }
    case 'email': return isExampleEmail(span)
    case 'ni_number': return isNiNumber(span)
    case 'date_of_birth': {
      const d = parseDate(span)
      return d !== null && d.year >= 1900 && d.year <= 2024 && hasBirthContext(item.text, start)
    }
    case 'address': return isStreetAddress(span)
    case 'name': return isPoolName(span)
  }
}

// ---------------------------------------------------------------------------------------------
// Completeness: identifier look-alikes in the text must sit inside a gold span of the right type.

interface Lookalike {
  readonly what: string
  readonly pattern: RegExp
  /** Gold types allowed to contain the match. */
  readonly inside: readonly EntityType[]
}

const nameAlternation = [...NAME_TOKENS].sort((a, b) => b.length - a.length)
  .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')

export const LOOKALIKES: readonly Lookalike[] = [
  { what: 'a run of 10 or more digits', pattern: /\+?\d(?:[ ()-]{0,2}\d){9,}/g, inside: ['nhs_number', 'phone'] },
  { what: 'an @', pattern: /[\w.+%-]*@[\w.-]*\w/g, inside: ['email'] },
  { what: 'a postcode', pattern: /(?<![\p{L}\d])[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?![\p{L}\d])/giu, inside: ['postcode'] },
  { what: 'an NI number', pattern: /(?<![\p{L}\d])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\d])/giu, inside: ['ni_number'] },
  { what: 'a street address', pattern: new RegExp(`\\b\\d+[a-c]?,? [\\p{L}’']+(?: [\\p{L}’']+)? ${STREET_SUFFIX}\\b`, 'giu'), inside: ['address'] },
  { what: 'a name from the pools', pattern: new RegExp(`(?<![\\p{L}\\d'’])(${nameAlternation})(?![\\p{L}\\d])`, 'giu'), inside: ['name', 'email'] },
  { what: 'a date after a birth keyword', pattern: /\b(born|dob|d\.?o\.?b\.?|date of birth)\b\W{0,4}(on |is |\(?)?\d/gi, inside: [] },
  {
    what: 'a date near a birth keyword',
    pattern: /\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(st|nd|rd|th)?( of)? [A-Z][a-z]+( \d{4})?|(Tuesday|the) \d{1,2}(st|nd|rd|th))\b/gi,
    inside: ['date_of_birth'],
  },
]

/** Look-alikes in a text not covered by a gold span of an allowed type (should be none). */
export function unlabelledLookalikes(item: LabelledText): string[] {
  const out: string[] = []
  for (const l of LOOKALIKES) {
    for (const m of item.text.matchAll(l.pattern)) {
      const start = m.index
      const end = start + m[0].length
      if (l.what === 'a date after a birth keyword') {
        // The digit that ends the match must start a date_of_birth span.
        if (!item.entities.some((e) => e.type === 'date_of_birth' && e.start === end - 1)) out.push(`${l.what}: ${m[0]}`)
        continue
      }
      if (l.what === 'a date near a birth keyword' && !hasBirthContext(item.text, start)) continue
      const covered = item.entities.some((e) => l.inside.includes(e.type) && e.start <= start && end <= e.end)
      if (!covered) out.push(`${l.what}: ${m[0]}`)
    }
  }
  return out
}
