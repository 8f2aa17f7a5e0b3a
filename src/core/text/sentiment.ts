/**
 * Sentiment of one excerpt of feedback, and the distribution over many excerpts. A reading of
 * words, not of people: report it as a distribution (`sentimentDistribution`), never as a verdict
 * on a person or a team. Pure and deterministic: no IO, no clock, no randomness.
 *
 * Rules (the word tables are in `sentiment-lexicon.ts`):
 * - Tokens: words (letters/digits with inner apostrophes or hyphens), emoji and emoticons, all
 *   lower-cased; curly apostrophes count as straight ones. Placeholders from `redact` ("[NAME]")
 *   and punctuation are not tokens. `tokens` counts words plus emoji.
 * - Valence: AFINN-165 with the healthcare adjustments over it; 2- and 3-word lexicon phrases
 *   ("fed up", "kind of") are matched before single words.
 * - Negation: "not", "no", "never", "nobody", "nothing", "none", "hardly", "without", "cannot" and
 *   every "n't" form (with or without the apostrophe: "didn't", "didnt") flip the valence of every
 *   sentiment word among the next 3 words and damp it by `NEGATION_FACTOR` (−0.5): "not bad" = +1.5,
 *   "not good" = −1.5, "never rude" = +1, "no problems" = +1. The window ends early at punctuation,
 *   "but" or "however". Modifier words inside it do not use up the window ("nothing was too much
 *   trouble"). "not only" is not a negation. "can't/cannot/couldn't … enough/more" is emphasis, not
 *   negation: the valence is multiplied by 1.5 ("can't thank them enough", "couldn't be more helpful").
 * - Modifiers multiply the next sentiment word: intensifiers ×1.5 ("very", "really", "so") or ×2
 *   ("extremely"), dampeners ×0.5 ("a bit", "slightly") or ×0.75 ("fairly", "pretty"). Consecutive
 *   modifiers multiply ("so very kind" ×2.25); any other word, or punctuation, cancels them. A
 *   two-word modifier ("a bit", "kind of") counts only before a sentiment word: "kind of them" is kind. A modifier
 *   that is also a sentiment word ("super", "pretty") is scored as a word when no word follows it.
 * - "but"/"however": the part of the sentence before it is halved and every word after it, to the
 *   end of the sentence (. ! ? or a line break), is weighted ×1.5 ("waited ages but the nurse was lovely").
 * - Emoji and emoticons have their own valences and are not negated or modified.
 */
import { buildLexicon, EMOJI, EMPHATIC_NEGATORS, MODIFIERS, NEGATORS } from './sentiment-lexicon.ts'

export type SentimentLabel = 'negative' | 'neutral' | 'positive'

export interface Sentiment {
  /** Sum of token valences after negation, modifiers and "but" weighting. */
  readonly score: number
  /** `score / tokens / 5` (AFINN's largest valence), clamped to −1..1; 0 when there are no tokens. */
  readonly comparative: number
  /** `positive` when score ≥ 1, `negative` when score ≤ −1, else `neutral`. */
  readonly label: SentimentLabel
  /** Words plus emoji; placeholders and punctuation are not counted. */
  readonly tokens: number
}

export interface SentimentDistribution {
  readonly negative: number
  readonly neutral: number
  readonly positive: number
  readonly total: number
}

/** Multiplier for a negated sentiment word: flips it and halves it. */
export const NEGATION_FACTOR = -0.5
/** Number of words after a negator whose valence it flips. */
export const NEGATION_WINDOW = 3
/** Weight of the rest of the sentence after "but"; the part before it is multiplied by `BUT_BEFORE`. */
export const BUT_AFTER = 1.5
export const BUT_BEFORE = 0.5
/** Multiplier for "can't … enough", "couldn't … more". */
export const EMPHATIC_FACTOR = 1.5
/** Labels: score ≥ `POSITIVE_AT` is positive, score ≤ −`POSITIVE_AT` is negative. */
export const POSITIVE_AT = 1
/** Scale for `comparative`: AFINN's largest absolute valence. */
export const COMPARATIVE_SCALE = 5

const LEXICON = buildLexicon()

/** Longest phrase (in words) starting with each word, for lexicon and modifier phrases. */
const PHRASE_STARTS = new Map<string, number>()
for (const phrase of [...LEXICON.keys(), ...MODIFIERS.keys()]) {
  const words = phrase.split(' ')
  if (words.length < 2) continue
  const first = words[0] ?? ''
  PHRASE_STARTS.set(first, Math.max(PHRASE_STARTS.get(first) ?? 0, words.length))
}

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'this', 'that', 'what', 'which', 'some', 'any', 'every', 'same', 'these', 'those', 'all', 'one'])

const TOKEN =
  /\[[a-z_]+\]|(?<![\p{L}\p{N}])(?::'\(|:-?[()d](?![\p{L}\p{N}]))|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[.!?\n]|[,;:()]|\p{Extended_Pictographic}/gu

const BREAK = 0
const SENTENCE_END = 1
const WORD = 2
const EMOTE = 3
type Kind = typeof BREAK | typeof SENTENCE_END | typeof WORD | typeof EMOTE

function tokenize(text: string): { kinds: Kind[]; texts: string[] } {
  const kinds: Kind[] = []
  const texts: string[] = []
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'")
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) {
    const t = m[0]
    const c = t.charCodeAt(0)
    if (c === 91 /* [ */) continue // placeholder from redact
    if (EMOJI[t] !== undefined) {
      kinds.push(EMOTE)
    } else if (t === '.' || t === '!' || t === '?' || t === '\n') {
      kinds.push(SENTENCE_END)
    } else if (t.length === 1 && ',;:()'.includes(t)) {
      kinds.push(BREAK)
    } else if (/[\p{L}\p{N}]/u.test(t)) {
      kinds.push(WORD)
    } else {
      continue // pictograph with no valence
    }
    texts.push(t)
  }
  return { kinds, texts }
}

/** A word with a valence, or a modifier before one, at `j`: "a bit rude", not "kind of them". */
function startsSentiment(kinds: readonly Kind[], texts: readonly string[], j: number): boolean {
  for (; j < kinds.length && kinds[j] === WORD; j++) {
    const w = texts[j] ?? ''
    if ((LEXICON.get(w) ?? 0) !== 0) return true
    if (!MODIFIERS.has(w)) return false
  }
  return false
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't")
}

/** Sentiment of one excerpt. Case-insensitive, deterministic. */
export function sentiment(text: string): Sentiment {
  const { kinds, texts } = tokenize(text)
  const n = kinds.length
  let score = 0
  let tokens = 0
  let sentenceStart = 0
  let weight = 1
  let negLeft = 0
  let negFactor = NEGATION_FACTOR
  let modifier = 1

  for (let i = 0; i < n; i++) {
    const kind = kinds[i]
    const t = texts[i] ?? ''
    if (kind === SENTENCE_END || kind === BREAK) {
      if (kind === SENTENCE_END) {
        sentenceStart = score
        weight = 1
      }
      negLeft = 0
      modifier = 1
      continue
    }
    tokens++
    if (kind === EMOTE) {
      score += (EMOJI[t] ?? 0) * weight
      modifier = 1
      continue
    }
    if (t === 'but' || t === 'however') {
      score = sentenceStart + (score - sentenceStart) * BUT_BEFORE
      weight = BUT_AFTER
      negLeft = 0
      modifier = 1
      continue
    }

    // Phrases first (longest match over consecutive words).
    let value: number | undefined
    let isModifier = false
    const longest = PHRASE_STARTS.get(t)
    if (longest !== undefined) {
      for (let len = Math.min(longest, n - i); len >= 2 && value === undefined; len--) {
        let phrase = t
        let ok = true
        for (let j = 1; j < len; j++) {
          if (kinds[i + j] !== WORD) {
            ok = false
            break
          }
          phrase += ' ' + (texts[i + j] ?? '')
        }
        if (!ok) continue
        const mod = MODIFIERS.get(phrase)
        if (mod !== undefined && startsSentiment(kinds, texts, i + len)) {
          modifier *= mod
          isModifier = true
          value = 0
        } else {
          const v = LEXICON.get(phrase)
          if (v === undefined) continue
          value = v
        }
        tokens += len - 1
        i += len - 1
      }
    }
    if (isModifier) continue

    if (value === undefined) {
      if (isNegator(t)) {
        if (t === 'not' && texts[i + 1] === 'only') continue
        const emphaticEnd = emphasisEnd(kinds, texts, i)
        negFactor = emphaticEnd > 0 ? EMPHATIC_FACTOR : NEGATION_FACTOR
        negLeft = emphaticEnd > 0 ? Math.max(NEGATION_WINDOW, emphaticEnd - i + 1) : NEGATION_WINDOW
        continue
      }
      const mod = MODIFIERS.get(t)
      if (mod !== undefined && kinds[i + 1] === WORD) {
        modifier *= mod
        continue
      }
      value = LEXICON.get(t) ?? 0
      // "the kind of place", "what kind": the noun, not the adjective
      if (t === 'kind' && i > 0 && kinds[i - 1] === WORD && DETERMINERS.has(texts[i - 1] ?? '')) value = 0
    }

    if (value !== 0) {
      let v = value * modifier
      if (negLeft > 0) v *= negFactor
      score += v * weight
    }
    modifier = 1
    if (negLeft > 0) negLeft--
  }

  const comparative = tokens === 0 ? 0 : Math.max(-1, Math.min(1, score / tokens / COMPARATIVE_SCALE))
  const label: SentimentLabel = score >= POSITIVE_AT ? 'positive' : score <= -POSITIVE_AT ? 'negative' : 'neutral'
  return { score, comparative, label, tokens }
}

/**
 * "can't/cannot/couldn't/can not/could not … enough|more" within 6 words of the clause: emphasis.
 * Returns the index of "enough"/"more", or −1.
 */
function emphasisEnd(kinds: readonly Kind[], texts: readonly string[], i: number): number {
  const t = texts[i] ?? ''
  const prev = i > 0 && kinds[i - 1] === WORD ? texts[i - 1] : undefined
  if (!EMPHATIC_NEGATORS.has(t) && !(t === 'not' && (prev === 'can' || prev === 'could'))) return -1
  for (let j = i + 1; j < kinds.length && j <= i + 6; j++) {
    if (kinds[j] !== WORD) return -1
    const w = texts[j]
    if (w === 'but' || w === 'however') return -1
    if (w === 'enough' || w === 'more') return j
  }
  return -1
}

/** How many excerpts read negative, neutral and positive: a distribution, never a verdict on a person. */
export function sentimentDistribution(texts: readonly string[]): SentimentDistribution {
  let negative = 0
  let neutral = 0
  let positive = 0
  for (const text of texts) {
    const { label } = sentiment(text)
    if (label === 'negative') negative++
    else if (label === 'positive') positive++
    else neutral++
  }
  return { negative, neutral, positive, total: texts.length }
}
