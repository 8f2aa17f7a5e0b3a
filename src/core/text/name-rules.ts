import { extendName, type NameContext, type NameRun } from './name-context.ts'
import { CUE_AFTER, CUE_BEFORE, firstNameClass, isDistinctiveSurname, isNotName, isOrdinaryWord, isSurname, PLACE_BEFORE, ROLES, WORKPLACES } from './name-words.ts'
import type { Token } from './tokens.ts'
import { ABSTRACT_NAMES } from './word-like-names.ts'

/**
 * A listed first name standing on its own, or an initial before a listed surname ("J. Smith").
 * Names that are also words need a capital away from a sentence start, or a listed surname after
 * them ("Grace Hall"); a lower-case name needs a cue word beside it ("thanks sarah").
 * With `introduced`, the context has already said a name comes ("I'm Sarah").
 */
export function listedName(context: NameContext, i: number, introduced = false): NameRun | undefined {
  const { tokens } = context
  const token = tokens[i]!
  if (token.shape === 'initial') return initialAndSurname(context, i)
  const listed = firstNameClass(token.lower)
  if (listed === undefined) return unlistedBeforeSurname(context, i) ? extendName(context, i) : undefined
  const capitalised = token.shape === 'title'
  const surnameNext = isSurnameAfter(token, tokens[i + 1])
  const found =
    listed === 'distinctive'
      ? capitalised || introduced || surnameNext || hasCue(tokens, i)
      : capitalised && (surnameNext || introduced || (listed === 'word' && wordUsedAsName(context, i)))
  return found ? extendName(context, i) : undefined
}

const NAME_VERBS = new Set(['was', 'is', 'has', 'had', 'did', 'helped', 'explained', 'listened', 'made', 'took', 'gave', 'came', 'went', 'called', 'rang', 'looked', 'saw', 'treated', 'sorted', 'kept'])

// "I saw Will today" (a capital inside a sentence), "Will was lovely" (a name-like word before a
// verb at a sentence start; not "Hope was lost"), but not "Will it hurt?" or "Hope it helps".
function wordUsedAsName(context: NameContext, i: number): boolean {
  const token = context.tokens[i]!
  if (!context.caseInformative || usedAsVerb(context.tokens, i)) return false
  if (!token.sentenceStart) return true
  return !ABSTRACT_NAMES.has(token.lower) && NAME_VERBS.has(context.tokens[i + 1]?.lower ?? '')
}

// Names that are also modals or verbs, and what follows them when they are the word: a subject or
// object pronoun or an auxiliary ("Will it hurt?", "May I ask", "Hope you are well", "Mark it urgent"),
// or after a modal a bare verb ("Will come back", "May need a scan").
const VERB_NAMES = new Set(['will', 'may', 'hope', 'mark', 'bill', 'pat', 'sue', 'rob', 'jack', 'grant', 'chase', 'drew', 'nick'])
const MODAL_NAMES = new Set(['will', 'may'])
const PRONOUNS_AND_AUXILIARIES = new Set([
  'i', 'you', 'we', 'they', 'he', 'she', 'it', 'me', 'him', 'her', 'us', 'them', 'this', 'that', 'these', 'those', 'there',
  'your', 'my', 'our', 'his', 'their', 'not', 'be', 'have', 'also', 'just', 'all', 'everyone', 'someone', 'anyone', 'so',
])
const BARE_VERBS = new Set([
  'come', 'go', 'need', 'get', 'call', 'ring', 'phone', 'see', 'try', 'take', 'make', 'help', 'let', 'keep', 'send',
  'give', 'book', 'check', 'look', 'start', 'stop', 'want', 'know', 'say', 'tell', 'find', 'put', 'bring', 'contact',
  'follow', 'arrange', 'continue', 'review', 'update', 'do', 'visit', 'wait', 'return', 'write', 'email', 'text',
  'attend', 'feel', 'cause', 'affect', 'require', 'happen', 'work', 'change', 'improve', 'recommend', 'definitely',
  'probably', 'certainly', 'never', 'always', 'hurt', 'use', 'ask', 'pop', 'drop', 'chase', 'speak', 'talk',
])

/**
 * Whether a name that is also a modal or verb is used as the word: before a pronoun or auxiliary, or
 * (a modal) before a bare verb, unless a cue before it makes it an object ("I told Will it was fine").
 */
export function usedAsVerb(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!
  const next = tokens[i + 1]
  if (!VERB_NAMES.has(token.lower) || next === undefined || next.kind !== 'word') return false
  const before = tokens[i - 1]
  if (before !== undefined && before.kind === 'word' && !before.newlineBefore && CUE_BEFORE.has(before.lower) && !token.sentenceStart) return false
  return PRONOUNS_AND_AUXILIARIES.has(next.lower) || (MODAL_NAMES.has(token.lower) && BARE_VERBS.has(next.lower))
}

// "Adaeze Okafor", "Xiaoling Evans": an unlisted capitalised word before a listed surname that is not
// also an ordinary word (a surname that is also a first name counts: "Evans", "Thomas"). A word that
// makes a place of what follows ("St Thomas", "King James") is not a first name.
function unlistedBeforeSurname(context: NameContext, i: number): boolean {
  const { tokens } = context
  const token = tokens[i]!
  const next = tokens[i + 1]
  if (!context.caseInformative || token.shape !== 'title' || isNotName(token.lower, true) || PLACE_BEFORE.has(token.lower)) return false
  if (next === undefined || next.shape !== 'title' || next.newlineBefore) return false
  return isDistinctiveSurname(next.lower) || (isSurname(next.lower) && firstNameClass(next.lower) === 'distinctive')
}

function initialAndSurname(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  if (tokens[i]!.text === 'I' || tokens[i]!.text === 'A') return undefined
  const next = tokens[i + 1]?.text === '.' ? i + 2 : i + 1
  const surname = tokens[next]
  return surname?.shape === 'title' && isSurname(surname.lower) && !surname.newlineBefore ? extendName(context, i) : undefined
}

function isSurnameAfter(token: Token, next: Token | undefined): boolean {
  if (next === undefined || next.newlineBefore || !isSurname(next.lower)) return false
  return next.shape === 'title' || (token.shape === 'lower' && next.shape === 'lower')
}

function hasCue(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]
  const after = tokens[i + 1]
  return after === undefined || (before !== undefined && CUE_BEFORE.has(before.lower)) || CUE_AFTER.has(after.lower)
}

const SIGN_OFF_ANYWHERE = new Set(['regards', 'wishes', 'cheers', 'thanks', 'sincerely', 'faithfully'])
const SIGN_OFF_AT_START = new Set(['from', 'love', 'best', 'ta', 'thank', 'warmly'])
const DASHES = new Set(['-', '–', '—', '~'])
const KISSES = new Set(['x', 'xx', 'xxx', 'xox', 'xoxo'])

/** A signature: "Thanks, Sarah", "Kind regards, Priya Shah", "– John", or a name alone on the last line. */
export function signature(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const token = tokens[i]!
  const lowerCase = lowerCaseSignOff(tokens, i)
  if (lowerCase !== undefined) return lowerCase
  const lastLine = token.newlineBefore && i > 0
  if (!(lastLine || afterSignOff(tokens, i)) || !signs(token)) return undefined
  const run = extendName(context, i)
  if (!endsLine(tokens, run.last)) return undefined
  if (!lastLine || afterSignOff(tokens, i)) return run
  const isLast = onlyPunctuationAfter(tokens, run.last)
  const runTokens = tokens.slice(run.first, run.last + 1)
  const listed = runTokens.some((t) => firstNameClass(t.lower) !== undefined || isSurname(t.lower))
  return isLast && listed && runTokens.every((t) => t.shape === 'title' || t.shape === 'initial') ? run : undefined
}

// Forms of address after "thanks," that are not names ("thanks, love").
const FORMS_OF_ADDRESS = new Set(['love', 'dear', 'darling', 'babe', 'mate', 'pal', 'hun', 'doc', 'sir', 'madam', 'all', 'lovely', 'you', 'much'])

// "…in front of everyone.\nthanks, xiaoling", "cheers tendai", "— tendai moyo": after a sign-off
// ("thanks", "cheers", "regards", "thank you", a dash), one or two unlisted lower-case words that end
// the text are the writer's name, unless they are ordinary words ("thanks guys", "cheers mate").
function lowerCaseSignOff(tokens: readonly Token[], i: number): NameRun | undefined {
  const last = tokens[i + 1]?.shape === 'lower' && !tokens[i + 1]!.newlineBefore ? i + 1 : i
  for (let k = i; k <= last; k++) {
    const token = tokens[k]!
    if (token.shape !== 'lower' || firstNameClass(token.lower) !== undefined || isOrdinaryWord(token.lower, true) || FORMS_OF_ADDRESS.has(token.lower)) return undefined
  }
  if (!onlyPunctuationAfter(tokens, last)) return undefined
  let j = i - 1
  let dash = false
  while (tokens[j] !== undefined && (tokens[j]!.text === ',' || tokens[j]!.text === ':' || DASHES.has(tokens[j]!.text))) {
    dash ||= DASHES.has(tokens[j]!.text)
    j--
  }
  const word = tokens[j]
  // After a dash alone, one lower-case word is too often a last remark ("good - reassurance"): two are a name.
  if (dash) return last > i ? { first: i, last } : undefined
  const signedOff = word !== undefined && (SIGN_OFF_ANYWHERE.has(word.lower) || (word.lower === 'you' && tokens[j - 1]?.lower === 'thank'))
  return signedOff ? { first: i, last } : undefined
}

// Whether only punctuation and kisses follow token k to the end of the text (stops at the first word).
function onlyPunctuationAfter(tokens: readonly Token[], k: number): boolean {
  for (let m = k + 1; m < tokens.length; m++) {
    if (tokens[m]!.kind !== 'punct' && !KISSES.has(tokens[m]!.lower)) return false
  }
  return true
}

function signs(token: Token): boolean {
  const listed = firstNameClass(token.lower)
  if (listed === 'distinctive') return true
  return token.shape === 'title' && (listed !== undefined || !isNotName(token.lower))
}

function afterSignOff(tokens: readonly Token[], i: number): boolean {
  let j = i - 1
  let dash: Token | undefined
  while (tokens[j] !== undefined && (tokens[j]!.text === ',' || tokens[j]!.text === ':' || DASHES.has(tokens[j]!.text))) {
    if (DASHES.has(tokens[j]!.text)) dash = tokens[j]
    j--
  }
  const word = tokens[j]
  if (dash !== undefined) return word === undefined || word.end < dash.start
  if (word === undefined) return false
  if (SIGN_OFF_ANYWHERE.has(word.lower)) return true
  if (word.lower === 'you' && tokens[j - 1]?.lower === 'thank') return true
  return SIGN_OFF_AT_START.has(word.lower) && word.sentenceStart
}

function endsLine(tokens: readonly Token[], last: number): boolean {
  for (let k = last + 1; k < tokens.length; k++) {
    const token = tokens[k]!
    if (token.newlineBefore) return true
    if (token.kind !== 'punct' && !KISSES.has(token.lower)) return false
  }
  return true
}

const PLACE_PREPOSITIONS = new Set(['on', 'at', 'in', 'from', 'covering', 'working'])
const ROLE_FILLERS = new Set([',', 'the', 'our', 'a', 'an', 'my', 'your', 'lovely', 'student', 'senior', 'staff', 'ward', 'specialist', 'head', 'charge', 'lead', 'community', 'district', 'practice', 'junior', 'trainee', 'support'])

/**
 * Staff at work: "Amina on reception", "Kwame from the pharmacy", "Priya the midwife", "Jo, our
 * receptionist"; in lower case an unlisted word that is not an English word, starting a clause
 * ("tendai on reception was lovely").
 */
export function staffAtWork(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const token = tokens[i]!
  const listed = firstNameClass(token.lower)
  const before = tokens[i - 1]
  const clauseStart = token.sentenceStart || before === undefined || CLAUSE_JOINS.has(before.lower)
  const possible =
    listed === 'distinctive' ||
    (token.shape === 'title' && (listed !== undefined || !isOrdinaryWord(token.lower))) ||
    (token.shape === 'lower' && listed === undefined && clauseStart && !isOrdinaryWord(token.lower))
  // An unlisted plural at a sentence start is a thing, not a person ("Delays at reception").
  if (!possible || (listed === undefined && token.sentenceStart && /[^s]s$/.test(token.lower))) return undefined
  const run = extendName(context, i)
  // "Will the doctor call me?": a name that is also a word, at a sentence start, needs a workplace.
  const roleCounts = listed === 'distinctive' || listed === undefined || !token.sentenceStart
  return atWorkplace(tokens, run.last + 1) || (roleCounts && beforeRole(tokens, run.last + 1)) ? run : undefined
}

// "on reception", "at the front desk", "in the blood clinic", "from the diabetes team", "in A&E".
function atWorkplace(tokens: readonly Token[], k: number): boolean {
  if (!PLACE_PREPOSITIONS.has(tokens[k]?.lower ?? '')) return false
  for (let m = k + 1; m <= k + 4 && tokens[m] !== undefined; m++) {
    const token = tokens[m]!
    if (WORKPLACES.has(token.lower) || (token.lower === 'a' && tokens[m + 1]?.text === '&')) return true
    if (token.kind !== 'word' || (token.shape !== 'lower' && m > k + 1)) return false
  }
  return false
}

function beforeRole(tokens: readonly Token[], k: number): boolean {
  for (let m = k; m < k + 4 && tokens[m] !== undefined; m++) {
    const lower = tokens[m]!.lower
    if (ROLES.has(lower)) return m > k || tokens[m]!.shape === 'lower'
    if (!ROLE_FILLERS.has(lower)) return false
  }
  return false
}

// What staff notes give someone to do: "Niamh to call …", "Layla to book …", "Tom will ring …".
const ACTIONS = new Set([
  'call', 'ring', 'phone', 'book', 'rebook', 'chase', 'contact', 'email', 'text', 'arrange', 'review', 'check', 'send',
  'refer', 'visit', 'see', 'discuss', 'speak', 'liaise', 'update', 'confirm', 'order', 'organise', 'organize', 'request',
  'complete', 'escalate', 'inform', 'follow', 'feed', 'sort', 'collect', 'deliver', 'write', 'post', 'prescribe',
  'recheck', 'repeat', 'bring', 'ask', 'let', 'tell', 'print', 'add', 'cover', 'handover', 'catch', 'fax',
])
const CLAUSE_JOINS = new Set([',', ';', ':', '-', '–', '—', '/', 'and', 'but', 'then'])

/**
 * A name given a task in a staff note: "Niamh to call 0113 …", "priya to book", "Tom will ring back".
 * A listed first name in any case, or before "to" an unlisted word that is not an ordinary word, a
 * role or a department, capitalised or (not an English word, starting a clause) in lower case
 * ("Pharmacy to call", "Need to ring", "pt to book" are not names).
 */
export function staffAction(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const token = tokens[i]!
  const before = tokens[i - 1]
  const clauseStart = token.sentenceStart || token.newlineBefore || before === undefined || CLAUSE_JOINS.has(before.lower)
  // A capital says enough inside a sentence ("asked Niamh to call"); a lower-case word must start a clause.
  if (!clauseStart && token.shape !== 'title') return undefined
  const listed = firstNameClass(token.lower)
  const possible =
    listed === 'distinctive' ||
    (token.shape === 'title' &&
      (listed === 'word'
        ? !ABSTRACT_NAMES.has(token.lower)
        : listed === undefined && context.caseInformative && !isOrdinaryWord(token.lower) && !/[^s]s$/.test(token.lower))) ||
    (token.shape === 'lower' && listed === undefined && !isOrdinaryWord(token.lower))
  if (!possible) return undefined
  const run = extendName(context, i)
  const link = tokens[run.last + 1]?.lower
  const verb = tokens[run.last + 2]
  // "X will ring" needs a listed name: "Boots will call", "Tesco will deliver" are shops.
  const linked = link === 'to' || (link === 'will' && listed !== undefined)
  return linked && verb !== undefined && ACTIONS.has(verb.lower) ? run : undefined
}

const BIRTH_WORDS = new Set(['dob', 'born', 'aged', 'b'])
// "One gentleman Tendai dob …", "the patient Amina Begum DOB …" (punctuation stripped).
const PERSON_NOUNS = new Set(['gentleman', 'man', 'lady', 'woman', 'patient', 'pt', 'client', 'resident', 'service', 'user', 'boy', 'girl', 'child', 'baby', 'son', 'daughter'])

/**
 * A name just before its date of birth, in brackets or at the start of a clause: "(Tendai, d.o.b.
 * 1/2/53)", "Amina Begum, DOB 3/4/61", "Kwame (born 1960)". A listed first name in any case, an
 * unlisted capitalised word that is not an ordinary word ("One gentleman (DOB …)" is not a name), or
 * in brackets an unlisted lower-case word that is not an English word ("(tendai, dob …)").
 */
export function nameBeforeBirth(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const token = tokens[i]!
  const before = tokens[i - 1]
  const opens = before === undefined || before.text === '(' || before.text === ':' || before.text === ',' || PERSON_NOUNS.has(before.lower)
  if (!(token.sentenceStart || token.newlineBefore || opens)) return undefined
  const listed = firstNameClass(token.lower)
  const possible =
    listed === 'distinctive' ||
    (token.shape === 'title' && (listed !== undefined || (context.caseInformative && !isOrdinaryWord(token.lower, true)))) ||
    (token.shape === 'lower' && listed === undefined && opens && !isOrdinaryWord(token.lower))
  if (!possible) return undefined
  const run = extendName(context, i)
  let k = run.last + 1
  if (tokens[k]?.text === ',' || tokens[k]?.text === '(') k++
  return birthWordAt(tokens, k) ? run : undefined
}

// "DOB", "born", "aged", "b." , "D.O.B.", "d.o.b", "date of birth".
function birthWordAt(tokens: readonly Token[], k: number): boolean {
  const word = tokens[k]?.lower
  if (word === undefined) return false
  if (word === 'b') return tokens[k + 1]?.text === '.' && tokens[k + 2]?.kind === 'number'
  if (BIRTH_WORDS.has(word)) return true
  if (word === 'd') return tokens[k + 1]?.text === '.' && tokens[k + 2]?.lower === 'o' && tokens[k + 3]?.text === '.' && tokens[k + 4]?.lower === 'b'
  return word === 'date' && tokens[k + 1]?.lower === 'of' && tokens[k + 2]?.lower === 'birth'
}

// What people do for patients, so that the unlisted capitalised word before them is a person
// ("Tendai listened", "Oyelaran explained everything"); not "was"/"is" ("Riverside was busy").
// Verbs that organisations also do ("Macmillan helped", "Boots supported us") are left out.
const PERSON_VERBS = new Set([
  'explained', 'listened', 'reassured', 'smiled', 'comforted', 'calmed', 'chatted', 'apologised', 'apologized', 'laughed',
  'hugged', 'phoned', 'texted', 'examined', 'stitched', 'bandaged', 'spoke', 'talked', 'understood', 'greeted', 'joked',
])

/** An unlisted capitalised word that is not an ordinary word, with its surname, before a verb of care: "Tendai listened to me". */
export function personBeforeVerb(context: NameContext, i: number): NameRun | undefined {
  const { tokens } = context
  const token = tokens[i]!
  if (!context.caseInformative || token.shape !== 'title' || firstNameClass(token.lower) !== undefined || isOrdinaryWord(token.lower)) return undefined
  const run = extendName(context, i)
  return PERSON_VERBS.has(tokens[run.last + 1]?.lower ?? '') ? run : undefined
}
