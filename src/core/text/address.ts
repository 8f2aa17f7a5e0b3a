import type { Entity } from './entity.ts'
import { isOrdinaryWord } from './name-words.ts'
import { POSTCODE_SOURCE } from './postcode.ts'

// Street words that name a street whatever the case ("12 oak road"), and those that are also
// ordinary words ("2 very close friends", "a 5 way split"), taken in title case, or in lower case
// with more evidence (see `findAddresses`).
const STRONG_TYPES = 'road|rd|street|avenue|ave|lane|ln|drive|crescent|cres|terrace|gardens|grove|mews|boulevard|parade'
const WEAK_TYPES = 'close|way|court|place|hill|park|square|walk|row|rise|green|view|vale|wharf|st|gate|meadows?|fields?|chase|croft|end|heights|yard|quay'
// Words that name a building inside which flats are numbered ("Flat 2, Kingfisher House, …").
const BUILDING_TYPES = `house|lodge|mansions|buildings?|towers?|point|apartments|cottages?|hall|works|mill|${STRONG_TYPES}|${WEAK_TYPES}`
const NOT_STREET_NAME = '(?:the|a|an|of|and|or|to|my|in|on|at|for|with|very|so|too|times?|weeks?|days?|months?|years?|hours?|hrs?|mins?|minutes?|miles?|mg|ml|mcg|g|kg|tablets?|x)'
const NAME_WORD = `(?!${NOT_STREET_NAME}\\b)[\\p{L}][\\p{L}'’.-]*`
const HOUSE = '\\d{1,4}[A-Za-z]?(?:\\s?[-–]\\s?\\d{1,4}[A-Za-z]?)?'
const FLAT = '(?:flat|apartment|apt\\.?)\\s+(?:\\d{1,4}[A-Za-z]?|[A-Za-z]\\b)'
const BUILDING = `(?:${NAME_WORD}\\s+){1,3}(?:${BUILDING_TYPES})\\b`
// Between "Flat 2," and the street, any one to three words name the building ("The Maltings").
const ANY_BUILDING = `(?:the\\s+)?(?:${NAME_WORD}\\s+){0,2}${NAME_WORD}`

// [flat][, building], [house number][,] street words + street word. Group 1: the flat and building;
// group 2: the house number; group 3: the street-name words; group 4: the street word.
const STREET = new RegExp(
  `(?<![\\p{L}\\p{N}£$€.,:/])(${FLAT}(?:,\\s*${ANY_BUILDING},)?,?\\s+)?(${HOUSE},?\\s+)?((?:${NAME_WORD}\\s+){1,3})(${STRONG_TYPES}|${WEAK_TYPES})\\b(?:(?<=rd|ave|st|cres|ln)\\.)?`,
  'giu',
)
const FLAT_ONLY = new RegExp(`(?<![\\p{L}\\p{N}])${FLAT}(?:,\\s*${BUILDING})?(?![\\p{L}\\p{N}])`, 'giu')
const STRONG = new RegExp(`^(?:${STRONG_TYPES})$`, 'i')
const LIVES_ON = /\b(?:live|lives|lived|living|address is|moved to|staying at|stay at)\s+(?:on|at|in)?\s*$/i
// Words just before a house number that say an address comes ("I live at", "moved to", "visit to",
// "my address:"): they let a lower-case street with an ordinary street word through ("at 4 rowan close").
const ADDRESS_CUE = /(?:\b(?:at|to|on|from|near|opposite|outside|address|(?:live|lives|lived|living)\s+in)|:)\s*$/i

// What may follow a street: ", Town" (up to two), then the postcode; or " Town POSTCODE".
const TOWN = /^\p{L}[\p{L}'’-]*(?=[\s,.;:!?)]|$)(?:[ -]\p{L}[\p{L}'’-]*(?=[\s,.;:!?)]|$))?/u
const NOT_TOWN = new Set(['i', 'and', 'but', 'the', 'we', 'it', 'they', 'he', 'she', 'which', 'who', 'so', 'thanks', 'thank'])
const POSTCODE_NEXT = new RegExp(`^(,?\\s*)(${POSTCODE_SOURCE})(?![\\p{L}\\p{N}])`, 'iu')

/**
 * Street addresses: a house number (or "Flat 3", or "Flat 3, Kingfisher House,"), one to three
 * street-name words and a street word ("12 Acacia Avenue", "flat 2, 7 mill lane", "14, Elm Road"),
 * with the town(s) that follow after commas; also "Flat 3" alone, and a street without a number
 * after "I live on/at". A street word that is also an ordinary word (Close, Way, Court, Park…) needs
 * a capitalised street name, or else a flat, an address cue before the number ("I live at 4 rowan
 * close"), a town or postcode after it ("66 larch place d1 3fe"), or street-name words that are not
 * ordinary English words ("178 rowan close", not "2 car park").
 *
 * A postcode after the address is not part of the address span: it is returned as its own
 * `postcode` entity, so that "12 Oak Road, Leeds LS1 4AB" becomes "[ADDRESS] [POSTCODE]".
 */
export function findAddresses(text: string): Entity[] {
  const found: Entity[] = []
  for (const match of text.matchAll(STREET)) {
    const [whole, flat, house, streetName, type] = match as unknown as [string, string | undefined, string | undefined, string, string]
    const end = match.index + whole.length
    const numbered = flat !== undefined || house !== undefined
    if (!numbered && !LIVES_ON.test(text.slice(Math.max(0, match.index - 30), match.index))) continue
    if (/^st$/i.test(type) && /^\s*\p{Lu}/u.test(text.slice(end, end + 8))) continue // "St Mary's"
    const after = followingTownsAndPostcode(text, end)
    const nameWords = streetName.trim().split(/\s+/)
    const titled = isCapitalised(type) && nameWords.every(isCapitalised)
    const evidence =
      STRONG.test(type) ||
      titled ||
      nameWords.every((word) => !isOrdinaryWord(word.toLowerCase())) ||
      flat !== undefined ||
      after.postcode !== undefined ||
      after.end > end ||
      ADDRESS_CUE.test(text.slice(Math.max(0, match.index - 30), match.index))
    if (!evidence) continue
    found.push({ type: 'address', start: match.index, end: after.end })
    if (after.postcode !== undefined) found.push(after.postcode)
  }
  for (const match of text.matchAll(FLAT_ONLY)) {
    found.push({ type: 'address', start: match.index, end: match.index + match[0].length })
  }
  return found
}

interface Following {
  /** Where the address ends: after the street and the towns, before any postcode. */
  readonly end: number
  readonly postcode?: Entity
}

function followingTownsAndPostcode(text: string, from: number): Following {
  let end = from
  for (let towns = 0; towns < 2; towns++) {
    const postcode = postcodeAt(text, end)
    if (postcode !== undefined) return { end, postcode }
    const rest = text.slice(end, end + 60)
    const separator = /^,\s*|^\s+/.exec(rest)
    const town = separator === null ? null : TOWN.exec(rest.slice(separator[0].length))
    if (separator === null || town === null || NOT_TOWN.has(town[0].split(/[ -]/)[0]!.toLowerCase())) return { end }
    const townEnd = end + separator[0].length + town[0].length
    // A town in lower case or without a comma counts only when the postcode follows it
    // ("High Street Leeds LS1 4AB", "oak road, leeds ls1 4ab").
    const weak = !separator[0].startsWith(',') || !town[0].split(/[ -]/).every(isCapitalised)
    if (weak && postcodeAt(text, townEnd) === undefined) return { end }
    end = townEnd
  }
  const postcode = postcodeAt(text, end)
  return postcode === undefined ? { end } : { end, postcode }
}

// The postcode right after an address (after a comma or spaces). Here, after a street, even a
// lower-case inward code that reads like an ordinal ("a1 2nd") is a postcode.
function postcodeAt(text: string, from: number): Entity | undefined {
  const match = POSTCODE_NEXT.exec(text.slice(from, from + 16))
  if (match === null) return undefined
  const start = from + match[1]!.length
  return { type: 'postcode', start, end: start + match[2]!.length }
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}
