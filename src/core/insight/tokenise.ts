/**
 * Words of an excerpt for TF-IDF: what the excerpt is about, not how it is said. Lower case;
 * runs of letters and digits (an inner apostrophe is dropped: "didn't" → "didnt"); one-character
 * tokens, stop words (`stop-words.ts`) and the placeholders left by `redact` ("[NAME]",
 * "[NHS_NUMBER]") are left out; plurals are folded by `stem`. Pure and deterministic.
 */
import { STOP_WORDS } from './stop-words.ts'

export interface TokeniseOptions {
  /** Fold plurals with `stem` (default true). */
  readonly stem?: boolean
}

const TOKEN = /\[[A-Z][A-Z_]*\]|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu
const APOSTROPHE = /['’]/g

/** The content words of `text`, in order, with repeats. */
export function tokenise(text: string, options: TokeniseOptions = {}): string[] {
  const { stem: fold = true } = options
  const out: string[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    if (m[0].charCodeAt(0) === 91 /* [ */) continue // placeholder from redact
    let word = m[0].toLowerCase()
    if (word.includes("'") || word.includes('’')) word = word.replace(APOSTROPHE, '')
    if (word.length < 2 || STOP_WORDS.has(word)) continue
    out.push(fold ? stem(word) : word)
  }
  return out
}

/**
 * Harman's "S" stemmer, which only folds plurals, so that key terms stay readable words:
 * "-ies" → "-y" (not "-eies", "-aies"), "-es" → "-e" (not "-aes", "-ees", "-oes"), "-s" → "" (not
 * "-us", "-ss"); first matching rule only. Words of 3 letters or fewer and words in "-is"
 * ("diagnosis") are kept as they are.
 * @see Harman D. How effective is suffixing? J Am Soc Inf Sci 1991;42(1):7–15.
 */
export function stem(word: string): string {
  const n = word.length
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word
  if (word.endsWith('ies')) return word.endsWith('eies') || word.endsWith('aies') ? word : word.slice(0, -3) + 'y'
  if (word.endsWith('es')) return word.endsWith('aes') || word.endsWith('ees') || word.endsWith('oes') ? word : word.slice(0, -1)
  if (word.endsWith('us') || word.endsWith('ss') || word.endsWith('is')) return word
  return word.slice(0, -1)
}
