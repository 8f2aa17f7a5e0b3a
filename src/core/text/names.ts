import type { Entity } from './entity.ts'
import { acceptsName, extendName, isParticle, nameContext, type NameContext, type NameRun } from './name-context.ts'
import {
  firstNameClass,
  INTRODUCTIONS,
  isOrdinaryWord,
  LOWER_CASE_TITLES,
  NAME_SLOTS,
  PLACE_AFTER,
  PLACE_BEFORE,
  RELATIVES,
  SELF_INTRODUCTIONS,
  STRICT_TITLES,
  STRONG_NAME_SLOTS,
  TITLES,
} from './name-words.ts'
import { listedName, nameBeforeBirth, personBeforeVerb, signature, staffAction, staffAtWork } from './name-rules.ts'
import { resolveOverlaps } from './resolve-overlaps.ts'
import { tokenize, type Token } from './tokens.ts'

/**
 * People's names: after a title (Dr, Mrs, Nurse, Sister…; the title itself is kept), after "my
 * name is", "called", "thanks to", "my husband"…, in sign-offs ("Thanks, Sarah", "– John Smith"),
 * staff at work ("Amina on reception", "Priya the midwife"), and listed first names on their own
 * (`first-names.ts`), with the surname and middle names that follow and the names listed with
 * them ("Amina and Kwame"). Listed names that are also words ("Will", "May", "Grace") need a
 * capital away from a sentence start or a naming context; lower-case names need a listed name and
 * a cue word beside it.
 */
export function findNames(text: string): Entity[] {
  const tokens = tokenize(text)
  const context = nameContext(tokens)
  const runs: NameRun[] = []
  for (let i = 0; i < tokens.length; i++) {
    const run = nameAt(context, i)
    if (run === undefined) continue
    const listed = listedWith(context, run)
    runs.push(run, ...listed)
    i = Math.max(run.last, ...listed.map((other) => other.last))
  }
  return resolveOverlaps(runs.map((run) => ({ type: 'name', start: tokens[run.first]!.start, end: tokens[run.last]!.end })))
}

function nameAt(context: NameContext, i: number): NameRun | undefined {
  if (context.tokens[i]!.kind !== 'word') return undefined
  const introduced = afterPhrase(context, i, INTRODUCTIONS) && acceptsName(context, context.tokens[i]!, 'introduced')
  if (introduced) return extendName(context, i)
  const titled = afterTitle(context, i)
  // "Dr Oyelowo's clinic" is a person's clinic, not a place named after someone.
  if (titled !== undefined && isPossessive(context.tokens[titled.last + 1])) return titled
  const run =
    titled ??
    selfIntroduced(context, i) ??
    (afterPhrase(context, i, STRONG_NAME_SLOTS) && acceptsName(context, context.tokens[i]!, 'strong') ? extendLowerName(context, i) : undefined) ??
    relativeWithWordName(context, i) ??
    (afterPhrase(context, i, NAME_SLOTS) && acceptsName(context, context.tokens[i]!, 'slot') ? extendName(context, i) : undefined) ??
    signature(context, i) ??
    staffAtWork(context, i) ??
    staffAction(context, i) ??
    nameBeforeBirth(context, i) ??
    listedName(context, i) ??
    personBeforeVerb(context, i)
  return run === undefined || partOfPlace(context, run) ? undefined : run
}

function isPossessive(token: Token | undefined): boolean {
  return token !== undefined && (token.lower === "'s" || token.lower === '’s')
}

const MODALS = new Set(['will', 'may', 'can', 'must', 'shall'])
// Words after which a word-like name is the verb it also is ("my mum rose from her chair", "my dad drew a map").
const VERB_OBJECTS = new Set(['the', 'a', 'an', 'his', 'her', 'my', 'their', 'our', 'your', 'up', 'it', 'him', 'me', 'them', 'us', 'from', 'out', 'to', 'off', 'on', 'in', 'at', 'into', 'over', 'back', 'down', 'some', 'this', 'that'])

// "my carer jack comes daily", "our daughter grace": after a relative, a name that is also a word is
// taken in lower case too, unless it is a modal ("my son will…") or reads as a verb ("my mum rose from…").
function relativeWithWordName(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const token = tokens[i]!
  if (token.shape !== 'lower' || firstNameClass(token.lower) !== 'word' || MODALS.has(token.lower)) return undefined
  const relative = tokens[i - 1]
  if (relative === undefined || !RELATIVES.includes(relative.lower) || !['my', 'our'].includes(tokens[i - 2]?.lower ?? '')) return undefined
  const next = tokens[i + 1]
  return next !== undefined && VERB_OBJECTS.has(next.lower) ? undefined : extendName(context, i)
}

function afterTitle(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const titleAt = tokens[i - 1]?.text === '.' ? i - 2 : i - 1
  const title = tokens[titleAt]
  if (title === undefined || title.kind !== 'word' || !TITLES.has(title.lower)) return undefined
  const token = tokens[i]!
  if (token.shape === 'initial' || isParticle(token)) {
    const run = extendName(context, i)
    if (run.last > i) return run
    // "mrs da silva", "dr van rijn": a particle and an unlisted lower-case surname.
    const next = tokens[i + 1]
    return isParticle(token) && next?.shape === 'lower' && !next.newlineBefore && !isOrdinaryWord(next.lower) ? { first: i, last: i + 1 } : undefined
  }
  return acceptsName(context, token, 'title', STRICT_TITLES.has(title.lower), LOWER_CASE_TITLES.has(title.lower)) ? extendLowerName(context, i) : undefined
}

// extendName, and in lower case also over one more unlisted word that is not an ordinary word
// ("called tendai moyo", "my uncle kudzai okonjo came").
function extendLowerName(context: NameContext, i: number): NameRun {
  const run = extendName(context, i)
  const { tokens } = context
  const next = tokens[run.last + 1]
  if (run.last !== i || tokens[i]!.shape !== 'lower' || next === undefined || next.shape !== 'lower' || next.newlineBefore) return run
  return firstNameClass(next.lower) !== undefined || isOrdinaryWord(next.lower) ? run : { first: i, last: run.last + 1 }
}

function selfIntroduced(context: NameContext, i: number): NameRun | undefined {
  if (!afterPhrase(context, i, SELF_INTRODUCTIONS)) return undefined
  const token = context.tokens[i]!
  if (acceptsName(context, token, 'slot') && listedName(context, i, true) !== undefined) return extendName(context, i)
  return fullNameIntroduced(context, i)
}

const AFTER_NAME = new Set([',', '.', '!', ';', ':', '-', '–', '—', '(', ')', 'and', 'from', 'here'])

// "I'm Tendai Moyo, …", "I'm Tendai, …", "hi i'm tendai moyo, …": after "I'm", capitalised words that
// are not ordinary words (nor a nationality: "I'm Black British") are a name even unlisted: two
// together, or one that ends the clause (punctuation, "and", or "I" starting the next sentence of an
// unpunctuated text). In lower case, words that are not ordinary English words: two ending the clause
// or before a number ("i'm tendai moyo 12 elm road"), or one before a comma or full stop that does not
// end like an adjective ("i'm tendai, …", not "i'm anaemic, …").
function fullNameIntroduced(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const first = tokens[i]!
  const second = tokens[i + 1]
  const nameLike = (token: Token | undefined, shape: Token['shape']) =>
    token !== undefined && token.shape === shape && !token.newlineBefore && firstNameClass(token.lower) !== 'place' && !isOrdinaryWord(token.lower)
  const endsClause = (token: Token | undefined) => token === undefined || token.newlineBefore || AFTER_NAME.has(token.lower)
  if (first.shape === 'title' && context.caseInformative && nameLike(first, 'title')) {
    if (nameLike(second, 'title')) return { first: i, last: i + 1 }
    return endsClause(second) || second?.text === 'I' ? { first: i, last: i } : undefined
  }
  if (!nameLike(first, 'lower')) return undefined
  if (nameLike(second, 'lower')) return endsClause(tokens[i + 2]) || tokens[i + 2]?.kind === 'number' ? { first: i, last: i + 1 } : undefined
  // One lower-case word alone must end the clause and not look like an adjective ("i'm anaemic,").
  return endsClause(second) && second?.lower !== 'and' && !ADJECTIVE_ENDING.test(first.lower) ? { first: i, last: i } : undefined
}

// Endings of adjectives that describe oneself after "I'm" ("anaemic", "hypertensive", "claustrophobic").
const ADJECTIVE_ENDING = /(?:ic|ive|ary|ory|less|ish|ical|ial|ent|ant|al)$/

/** Whether one of the phrases ends just before token i (a colon or comma may stand between). */
function afterPhrase(context: NameContext, i: number, phrases: readonly (readonly string[])[]): boolean {
  const { tokens } = context
  const end = tokens[i - 1]?.text === ':' || tokens[i - 1]?.text === ',' ? i - 1 : i
  const candidates = byLastWord(phrases).get(tokens[end - 1]?.lower ?? '')
  return candidates !== undefined && candidates.some((phrase) => phrase.every((word, k) => tokens[end - phrase.length + k]?.lower === word))
}

const PHRASE_INDEX = new WeakMap<readonly (readonly string[])[], Map<string, (readonly string[])[]>>()

// The phrases of a list by their last word, so that a token is checked only against the phrases it could end.
function byLastWord(phrases: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  let index = PHRASE_INDEX.get(phrases)
  if (index === undefined) {
    index = new Map()
    for (const phrase of phrases) {
      const last = phrase.at(-1)!
      index.set(last, [...(index.get(last) ?? []), phrase])
    }
    PHRASE_INDEX.set(phrases, index)
  }
  return index
}

// "St Mary's", "Queen Elizabeth Hospital", "Florence Nightingale Ward", "the John Radcliffe".
function partOfPlace(context: NameContext, run: NameRun): boolean {
  const { tokens } = context
  const before = tokens[tokens[run.first - 1]?.text === '.' ? run.first - 2 : run.first - 1]
  let afterAt = run.last + 1
  if (tokens[afterAt]?.lower === "'s" || tokens[afterAt]?.lower === '’s') afterAt++
  const after = tokens[afterAt]
  return (before !== undefined && PLACE_BEFORE.has(before.lower) && !before.newlineBefore) || (after !== undefined && PLACE_AFTER.has(after.lower))
}

// "Amina and Kwame", "Siobhan, Aoife and Niamh": names listed beside a name found.
function listedWith(context: NameContext, run: NameRun): NameRun[] {
  const { tokens } = context
  const more: NameRun[] = []
  let last = run.last
  while (isListJoin(tokens[last + 1]?.text) && tokens[last + 2] !== undefined) {
    const next = tokens[last + 2]?.lower === 'and' ? last + 3 : last + 2
    const token = tokens[next]
    if (token === undefined || token.newlineBefore || !acceptsName(context, token, 'slot')) break
    const added = extendName(context, next)
    if (partOfPlace(context, added)) break
    more.push(added)
    last = added.last
  }
  let first = run.first
  while (isListJoin(tokens[first - 1]?.text) && first >= 2 && acceptsName(context, tokens[first - 2]!, 'slot')) {
    if (partOfPlace(context, { first: first - 2, last: first - 2 })) break
    more.push({ first: first - 2, last: first - 2 })
    first -= 2
  }
  return more
}

function isListJoin(text: string | undefined): boolean {
  return text === ',' || text === '&' || text === 'and'
}
