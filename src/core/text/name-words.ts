import { COMMON_WORDS } from './common-words.ts'
import { FIRST_NAMES } from './first-names.ts'
import { NOT_NAMES } from './not-names.ts'
import { SURNAMES } from './surnames.ts'
import { PLACE_OR_MONTH_NAMES, WORD_NAMES, WORD_SURNAMES } from './word-like-names.ts'

/** How much a listed first name says on its own: see `word-like-names.ts`. */
export type FirstNameClass = 'distinctive' | 'word' | 'place'

/**
 * The class of a listed first name, or undefined when the word is not one. Accents are ignored
 * ("Zoë", "Seán"); a hyphenated name counts by its first part when every part is a listed name
 * ("Mary-Jane", "Kerry-Ann").
 */
export function firstNameClass(lower: string): FirstNameClass | undefined {
  const plain = withoutAccents(lower)
  const found = classOf(plain)
  if (found !== undefined || !plain.includes('-')) return found
  const parts = plain.split('-')
  return parts.every((part) => classOf(part) !== undefined || SURNAMES.has(part)) ? classOf(parts[0]!) : undefined
}

function classOf(plain: string): FirstNameClass | undefined {
  if (PLACE_OR_MONTH_NAMES.has(plain)) return 'place'
  if (WORD_NAMES.has(plain)) return 'word'
  return FIRST_NAMES.has(plain) ? 'distinctive' : undefined
}

/** Whether a word is a listed surname (accents ignored; each part of a double-barrelled one). */
export function isSurname(lower: string): boolean {
  const plain = withoutAccents(lower)
  return SURNAMES.has(plain) || (plain.includes('-') && plain.split('-').every((part) => SURNAMES.has(part) || FIRST_NAMES.has(part)))
}

/** Whether a listed surname is not also an ordinary word, so that it marks a name by itself ("Okafor", not "Day"). */
export function isDistinctiveSurname(lower: string): boolean {
  return isSurname(lower) && !WORD_SURNAMES.has(withoutAccents(lower)) && !NOT_NAMES.has(lower)
}

function withoutAccents(word: string): string {
  return /[^ -~]/.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'") : word
}

/**
 * Whether a word is never a name: function words, roles, places in a hospital, praise words,
 * months, and unlisted words with the ending of an ordinary word ("-ly", "-ness", "-ology"…).
 * With `ingIsName`, an "-ing" ending does not count: where a surname beside the word already says
 * it is a name, "-ing" is as likely to end a given name ("Xiaoling", "Yiming", "Jing") as a verb.
 */
export function isNotName(lower: string, ingIsName = false): boolean {
  if (NOT_NAMES.has(lower) || NOT_NAME_EXTRA.has(lower)) return true
  const suffix = ENGLISH_SUFFIX.exec(lower)
  const ordinary = (suffix !== null && !(ingIsName && suffix[0] === 'ing')) || CONTRACTION.test(lower)
  return ordinary && !isSurname(lower) && firstNameClass(lower) === undefined
}

/**
 * Whether an unlisted word is an ordinary English word, so that it cannot be taken as a name from a
 * lower-case text even in a naming context: `isNotName`, the common words of `common-words.ts`, and
 * their "-s", "-es", "-d", "-ed" forms ("my son lives", "dr thinks", "called back"), and slips
 * of the keyboard on any of them ("sister wrd", "dr siad"). With `ingIsName`, as for `isNotName`.
 */
export function isOrdinaryWord(lower: string, ingIsName = false): boolean {
  return isNotName(lower, ingIsName) || CLINICAL_ENDING.test(lower) || isKnownWord(lower) || isTypoOfKnownWord(lower)
}

// A common or never-name word, or its "-s", "-es", "-d", "-ed" form.
function isKnownWord(word: string): boolean {
  if (isListedWord(word)) return true
  if (word.endsWith('s') && (isListedWord(word.slice(0, -1)) || (word.endsWith('es') && isListedWord(word.slice(0, -2))))) return true
  return word.endsWith('d') && (isListedWord(word.slice(0, -1)) || (word.endsWith('ed') && isListedWord(word.slice(0, -2))))
}

function isListedWord(word: string): boolean {
  return word.length > 1 && isCommonWord(word)
}

/** Whether a word is in the lists of ordinary words (`not-names.ts`, `common-words.ts`), as it is. */
export function isCommonWord(lower: string): boolean {
  return NOT_NAMES.has(lower) || COMMON_WORDS.has(lower)
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Whether a word is one slip away from a known ordinary word: two letters swapped ("siad", "tlod"), a
 * letter doubled ("woould") or, from three letters on, one dropped ("wrd", "clinc"), or from five
 * letters on, one added ("explaoined"). Typed text is full of these, and they are not names. Letters
 * replaced by others are not undone: that would turn too many real names into words.
 */
export function isTypoOfKnownWord(lower: string): boolean {
  if (lower.length < 3 || lower.length > 20 || !/^[a-z]+$/.test(lower)) return false
  let typo = TYPO_CACHE.get(lower)
  if (typo === undefined) {
    if (TYPO_CACHE.size >= TYPO_CACHE_SIZE) TYPO_CACHE.clear()
    typo = slipOfKnownWord(lower)
    TYPO_CACHE.set(lower, typo)
  }
  return typo
}

// Words already checked (pure, so caching changes no result; cleared when full, to bound memory).
const TYPO_CACHE = new Map<string, boolean>()
const TYPO_CACHE_SIZE = 10_000

function slipOfKnownWord(lower: string): boolean {
  for (let i = 0; i + 1 < lower.length; i++) {
    if (lower[i] !== lower[i + 1] && isKnownWord(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2))) return true
    if (lower[i] === lower[i + 1] && isKnownWord(lower.slice(0, i) + lower.slice(i + 1))) return true
  }
  if (lower.length >= 5) {
    for (let i = 0; i < lower.length; i++) if (isKnownWord(lower.slice(0, i) + lower.slice(i + 1))) return true
  }
  for (let i = 1; i < lower.length; i++) {
    for (const letter of LETTERS) if (isKnownWord(lower.slice(0, i) + letter + lower.slice(i))) return true
  }
  return false
}

// Endings of abstract nouns ("reassurance", "persistence"), professions, specialties, conditions,
// procedures and drugs ("optometrist", "physician", "colitis", "ramipril", "bisoprolol",
// "atorvastatin", "omeprazole", "apixaban"): "called ramipril".
const CLINICAL_ENDING =
  /(?:ance|ence|ist|ician|ogy|itis|osis|aemia|emia|pathy|ectomy|otomy|scopy|graphy|gram|pril|olol|statin|azole|azol|mab|pine|mycin|cillin|oxacin|parin|xaban|gliptin|sartan|dronate|azepam|oxetine|aline|profen|amol|formin|tidine|lukast|olone|asone|semide|thiazide|codeine|morphine|insulin|amine|azine|idine|oxine|ocaine|xone)$/

// "I'm", "It's", "Don't", "We've" (but not "O'Neill").
const CONTRACTION = /['’](?:m|s|re|ve|ll|d|t)$/

// Endings of ordinary English words that no common name has ("Everything", "Amazingly").
const ENGLISH_SUFFIX = /(?:ly|ness|ment|tion|sion|ful|ous|able|ible|ity|ing|ings|ies|ology|ologies|ics|ism|[a-z]{3}ed)$/
const NOT_NAME_EXTRA = new Set(['guys', 'folks', 'lads', 'ladies', 'gents', 'loads', 'heaps', 'again', 'anyway', 'xx', 'xxx', 'x'])

/** Titles after which a capitalised or listed word is a name. */
export const TITLES: ReadonlySet<string> = new Set(['dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame', 'rev', 'reverend', 'nurse', 'sister', 'sr', 'matron', 'midwife', 'fr'])
/** Titles after which an unlisted lower-case word that is not an ordinary word is a name ("nurse tendai"); not "miss" (a verb). */
export const LOWER_CASE_TITLES: ReadonlySet<string> = new Set(['dr', 'doctor', 'nurse', 'sister', 'sr', 'matron', 'midwife', 'prof', 'professor', 'rev', 'reverend'])
/** Titles that are only ever titles, so that even an unlisted lower-case word after them is a name ("mrs kowalczyk"). */
export const STRICT_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'mx'])

/** Name particles that may stand inside a name in lower case ("van der Berg", "de Souza"). */
export const PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'le', 'la', 'al', 'el', 'bin', 'ibn', 'ap'])

/** Words after a name that make it part of a place ("Florence Nightingale Ward", "Guy's Hospital"). */
export const PLACE_AFTER: ReadonlySet<string> = new Set([
  'hospital', 'infirmary', 'ward', 'wing', 'unit', 'house', 'centre', 'center', 'clinic', 'surgery', 'practice',
  'medical', 'health', 'hospice', 'building', 'suite', 'road', 'street', 'avenue', 'lane', 'station', 'line', 'school',
  'college', 'university', 'trust', 'park', 'square', 'bridge', 'court', 'gardens', 'way', 'drive', 'close', 'place',
  'crescent', 'terrace', 'grove', 'hill', 'fund', 'foundation', 'award', 'syndrome', 'disease', 'palsy', 'test',
  'score', 'theatre', 'block', 'lodge', 'hall', 'library', 'shopping', 'airport', 'stadium', 'bay', 'cross',
])
/** Words before a name that make it part of a place ("St Mary's", "Queen Elizabeth", "the John Radcliffe"). */
export const PLACE_BEFORE: ReadonlySet<string> = new Set(['st', 'saint', 'queen', 'king', 'prince', 'princess', 'royal', 'mount', 'port', 'fort', 'lake', 'cape', 'the'])

/** Relatives and people close to a patient: "my cousin X", "our nan X" (with "my" or "our"). */
export const RELATIVES: readonly string[] = `
husband wife son daughter partner brother sister mum mam mom dad mother father friend carer grandson
granddaughter grandchild baby cousin neighbour neighbor nan nana nanna gran granny grandma grandmother
grandad granddad grandpa grandfather niece nephew aunt auntie aunty uncle stepson stepdaughter stepmum
stepdad boyfriend girlfriend fiance fiancé fiancee fiancée flatmate housemate colleague
`.split(/\s+/).filter((word) => word !== '')

/** Words after which a listed lower-case first name is a name ("thanks sarah", "nurse priya"). */
export const CUE_BEFORE: ReadonlySet<string> = new Set([
  'thanks', 'thank', 'you', 'to', 'by', 'with', 'from', 'called', 'named', 'nurse', 'dr', 'doctor', 'sister', 'and',
  '&', ',', 'saw', 'see', 'seen', 'met', 'asked', 'told', 'ask', 'tell', 'is', 'am', "i'm", 'im', 'cheers', 'regards',
  'love', 'receptionist', 'midwife', 'physio', 'consultant', 'surgeon', 'porter', 'carer', 'paramedic', 'pharmacist',
  'especially', ...RELATIVES,
])
/** Words before which a listed lower-case first name is a name ("sarah was lovely", "priya on reception"). */
export const CUE_AFTER: ReadonlySet<string> = new Set([
  'was', 'is', 'were', 'has', 'had', 'and', '&', 'on', 'at', 'from', 'in', 'who', 'the', 'helped', 'explained',
  'gave', 'made', 'took', 'did', 'came', 'looked', 'listened', 'treated', 'saw', 'said', 'told', 'always', 'really',
  'went', "'s", '’s', ',', '.', '!', 'x', 'xx', 'xxx', 'for', 'thank', 'thanks', 'did', 'does', 'will', 'could',
  'would', 'kept', 'put', 'rang', 'called', 'sorted', 'took',
])

/** Phrases after which the next words are a name, however they are written ("my name is"). */
export const INTRODUCTIONS: readonly (readonly string[])[] = [
  ['my', 'name', 'is'], ['my', 'name', "'s"], ['my', 'name', '’s'], ['name', 'is'], ['name', 'was'], ['names', 'are'],
]
/**
 * Phrases after which a word is a name when capitalised or listed, and also, in lower case, when it
 * is not an ordinary word ("a nurse called tendai", "my neighbour nasreen", "thanks to rumbi").
 */
export const STRONG_NAME_SLOTS: readonly (readonly string[])[] = [
  ['called'], ['named'], ['call', 'me'], ['known', 'as'], ['seen', 'by'], ['looked', 'after', 'by'], ['treated', 'by'],
  ['cared', 'for', 'by'], ['helped', 'by'], ['examined', 'by'], ['visited', 'by'], ['spoke', 'to'], ['spoke', 'with'],
  ['spoken', 'to'], ['talked', 'to'], ['speak', 'to'], ['thanks', 'to'], ['thank', 'you', 'to'], ['shout', 'out', 'to'],
  ['shoutout', 'to'], ['credit', 'to'], ['grateful', 'to'], ['kudos', 'to'],
  ...RELATIVES.flatMap((relative) => [['my', relative], ['our', relative]]),
]
/** Phrases after which a capitalised or listed word is a name ("I saw Sarah", "thanks Amina"). */
export const NAME_SLOTS: readonly (readonly string[])[] = [
  ['talk', 'to'], ['saw'], ['met'], ['ask', 'for'], ['asked', 'for'], ['thank', 'you'], ['thanks'], ['especially'],
  ['particularly'], ['well', 'done'], ['receptionist'], ['midwife'], ['physio'], ['consultant'], ['surgeon'], ['porter'],
  ['hca'], ['carer'], ['paramedic'], ['pharmacist'],
]
/** Phrases after "I'm" / "I am": only a listed first name is taken there ("I'm Sarah", not "I'm fine"). */
export const SELF_INTRODUCTIONS: readonly (readonly string[])[] = [["i'm"], ['i’m'], ['im'], ['i', 'am']]
/** Words that close a message before a signature ("Thanks, Sarah", "Kind regards, Priya"). */
export const SIGN_OFFS: ReadonlySet<string> = new Set(['thanks', 'thank', 'you', 'regards', 'wishes', 'cheers', 'love', 'sincerely', 'faithfully', 'from', 'ta', 'best', 'warmly'])
/** Where staff work, so that "Amina on reception" is a name. */
export const WORKPLACES: ReadonlySet<string> = new Set(['reception', 'ward', 'desk', 'triage', 'pharmacy', 'switchboard', 'phones', 'phone', 'outpatients', 'maternity', 'radiology', 'x-ray', 'theatre', 'theatres', 'icu', 'itu', 'admissions', 'nights', 'duty', 'shift', 'ed', 'ae', 'physio', 'physiotherapy', 'clinic', 'team', 'unit', 'department', 'switchboard'])
/** Staff roles, so that "Amina the nurse" and "Amina, our receptionist" are names. */
export const ROLES: ReadonlySet<string> = new Set([
  'nurse', 'doctor', 'receptionist', 'midwife', 'physio', 'physiotherapist', 'consultant', 'surgeon', 'porter', 'hca',
  'carer', 'paramedic', 'pharmacist', 'registrar', 'sister', 'matron', 'gp', 'manager', 'cleaner', 'volunteer',
  'student', 'healthcare', 'therapist', 'dentist', 'radiographer', 'sonographer', 'phlebotomist', 'anaesthetist',
])
