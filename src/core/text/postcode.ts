import type { Entity } from './entity.ts'

// Royal Mail's format rules, matched case-insensitively (use the `i` flag). Outward code: an area of
// one or two letters (the first never Q, V or X; the second never I, J or Z) and a district (a
// digit, then an optional digit, or a letter: after one area letter one of A–H J K P S T U W, after
// two one of A B E H M N P R V W X Y). Inward code: a digit and two letters never C I K M O V (so
// "B12 2mg" is not a postcode). With or without the space. GIR 0AA is the odd one out. The areas are
// not checked against the list of real ones, so a format-valid postcode is found whatever its area.
export const POSTCODE_SOURCE =
  '(?:[A-PR-UWYZ]\\d[\\dA-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y]\\d[\\dABEHMNPRV-Y]?|GIR)[ \\u00a0]{0,2}\\d[ABD-HJLNP-UW-Z]{2}'
const POSTCODE = new RegExp(`(?<![\\p{L}\\p{N}])${POSTCODE_SOURCE}(?![\\p{L}\\p{N}])`, 'giu')
// A spaced lower-case inward code that reads as an ordinal ("A1 2nd floor", "b2 3rd dose").
const ORDINAL_INWARD = /\s(\d)(st|nd|rd|th)$/
// What may follow a postcode in a sentence: not a noun that an ordinal would qualify ("2nd floor").
const AFTER_POSTCODE = /^(?:\s*(?:[^\s\p{L}]|$)|\s+(?:and|but|so|then|or|which|where|near|is|was|in|to|for|with|if)\b)/u
const POSTCODE_CUE = /\b(?:post\s?code|address)\b[\s:,-]*(?:is\s+|was\s+)?$/i

/**
 * Full UK postcodes ("SW1A 1AA", "ls1 4ab", "M11AE", "cq6m7zw", "k95th"), found by their format alone.
 * A spaced lower-case inward code that reads as a correct ordinal before a word ("A1 2nd floor", "b2
 * 3rd dose") is not taken, unless "postcode" or "address" comes just before it. The address detector
 * takes one after a street whatever follows ("12 Oak Road, a1 2nd floor"). Outward codes alone ("SW1A")
 * are not identifying enough to take.
 */
export function findPostcodes(text: string): Entity[] {
  const found: Entity[] = []
  for (const match of text.matchAll(POSTCODE)) {
    const end = match.index + match[0].length
    if (readsAsOrdinal(match[0]) && !AFTER_POSTCODE.test(text.slice(end, end + 12)) && !POSTCODE_CUE.test(text.slice(Math.max(0, match.index - 20), match.index))) continue
    found.push({ type: 'postcode', start: match.index, end })
  }
  return found
}

/** Whether a postcode-shaped string ends in a spaced, correctly written lower-case ordinal ("A1 2nd", "b12 3rd"; not "k64nd" or "A1 2ND"). */
export function readsAsOrdinal(postcode: string): boolean {
  const ordinal = ORDINAL_INWARD.exec(postcode)
  return ordinal !== null && ordinal[2] === ordinalSuffix(Number(ordinal[1]))
}

function ordinalSuffix(n: number): string {
  return ['th', 'st', 'nd', 'rd'][n] ?? 'th'
}
