import { firstNameClass, isCommonWord, isNotName, isOrdinaryWord, isSurname, isTypoOfKnownWord, PARTICLES } from './name-words.ts'
import type { Token } from './tokens.ts'

/** The tokens of one text and whether capital letters in it say anything (not in Title Case or ALL CAPS). */
export interface NameContext {
  readonly tokens: readonly Token[]
  readonly caseInformative: boolean
}

/**
 * How much the context of a word already says that it is a name: `introduced` ("my name is"), `title`
 * ("Dr", "Nurse"), `strong` ("called", "my cousin", "thanks to"), `slot` ("saw", "thanks").
 */
export type Evidence = 'introduced' | 'title' | 'strong' | 'slot'

/** A name as tokens `first`…`last` (inclusive). */
export interface NameRun {
  readonly first: number
  readonly last: number
}

/**
 * Builds the context. Capitals are uninformative (Title Case, ALL CAPS) when more of the ordinary
 * words inside sentences ("the", "was", "service") have them than not; names, streets and places,
 * capitalised in any text, are left out of the count. A text without ordinary words is judged on all
 * its words (uninformative when half have capitals).
 */
export function nameContext(tokens: readonly Token[]): NameContext {
  let words = 0
  let capitalised = 0
  let ordinary = 0
  let capitalisedOrdinary = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind !== 'word' || token.sentenceStart || token.text.length < 2) continue
    const capital = token.shape === 'title' || token.shape === 'upper'
    words++
    if (capital) capitalised++
    // Acronyms ("DOB", "NHS", "GP") and "I'm" have capitals in any text, and so do the words of a
    // proper name after its first ("Oak Road", "Medical Centre", "Dr Smith").
    const previous = tokens[i - 1]
    const inProperName = capital && previous !== undefined && (previous.kind === 'number' || previous.shape === 'title' || previous.shape === 'upper')
    if (token.shape !== 'upper' && !inProperName && isCommonWord(token.lower) && !/^i['’]/.test(token.lower)) {
      ordinary++
      if (capital) capitalisedOrdinary++
    }
  }
  const lowerOrdinary = ordinary - capitalisedOrdinary
  const caseInformative = ordinary > 0 ? lowerOrdinary > 0 && capitalisedOrdinary <= lowerOrdinary : words < 4 || capitalised / words < 0.5
  return { tokens, caseInformative }
}

/**
 * Whether a word can be (the first word of) a name, given what its context already says: a listed
 * first name that is not an ordinary word always can; one that is ("Will", "May") needs a capital
 * or an introduction; an unlisted word needs a capital in a text where capitals mean something,
 * except after "my name is" (any word that is not a function word), after "Mr", "Mrs", "Ms", "Mx"
 * (any case) or another title (a listed surname in any case), and after a title that is not also a
 * verb ("dr", "nurse", not "miss") or a strong slot ("called", "my cousin") in lower case when the
 * word is not an ordinary English word ("nurse tendai", not "nurse station"; "called back").
 */
export function acceptsName(context: NameContext, token: Token, evidence: Evidence, strictTitle = false, lowerTitle = false): boolean {
  if (token.kind !== 'word' || token.shape === 'initial') return false
  const listed = firstNameClass(token.lower)
  const capitalised = token.shape === 'title'
  if (listed === 'distinctive') return true
  if (listed !== undefined) return capitalised || evidence === 'introduced'
  if (isNotName(token.lower)) return false
  const unlistedLowerName = token.shape === 'lower' && !isOrdinaryWord(token.lower)
  switch (evidence) {
    case 'introduced':
      return true
    case 'title':
      return strictTitle || capitalised || isSurname(token.lower) || (lowerTitle && unlistedLowerName)
    case 'strong':
      return (capitalised && context.caseInformative && !isTypoOfKnownWord(token.lower)) || unlistedLowerName
    case 'slot':
      return capitalised && context.caseInformative && !isTypoOfKnownWord(token.lower)
  }
}

/** Extends a name over the surname, middle names, initials and particles that follow it. */
export function extendName(context: NameContext, first: number): NameRun {
  const { tokens } = context
  // A name starting with a particle ("bin Laden", "de souza") takes its case from the word after it.
  const lead = isParticle(tokens[first]!) && tokens[first + 1] !== undefined ? tokens[first + 1]! : tokens[first]!
  const lowerCase = lead.shape === 'lower'
  let last = first
  for (let words = 1; words < 4; words++) {
    let next = last + 1
    if (tokens[last]!.shape === 'initial' && tokens[next]?.text === '.') next++
    const token = tokens[next]
    if (token === undefined || token.newlineBefore || token.kind !== 'word') break
    if (isParticle(token) && tokens[next + 1]?.shape === 'title') {
      last = next + 1
      continue
    }
    if (!continuesName(context, token, lowerCase)) break
    last = next
  }
  return { first, last }
}

function continuesName(context: NameContext, token: Token, lowerCase: boolean): boolean {
  if (token.shape === 'initial') return token.text !== 'I' && token.text !== 'A'
  const listed = isSurname(token.lower) || firstNameClass(token.lower) === 'distinctive'
  if (lowerCase) return token.shape === 'lower' && listed && !isNotName(token.lower)
  if (token.shape !== 'title') return false
  return listed || (!isNotName(token.lower, true) && context.caseInformative)
}

/** Whether a word is a lower-case name particle ("van der Berg", "de Souza"). */
export function isParticle(token: Token): boolean {
  return token.shape === 'lower' && PARTICLES.has(token.lower)
}
