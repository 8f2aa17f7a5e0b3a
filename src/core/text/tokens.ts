/** The letter case of a word token. */
export type Shape = 'lower' | 'title' | 'upper' | 'initial' | 'other'

/** A word, number or punctuation mark with its UTF-16 offsets in the text (`end` exclusive). */
export interface Token {
  readonly text: string
  readonly lower: string
  readonly start: number
  readonly end: number
  readonly kind: 'word' | 'number' | 'punct' | 'link'
  readonly shape: Shape
  /** First word of a sentence, a line or the text (where capitals say nothing about names). */
  readonly sentenceStart: boolean
  readonly newlineBefore: boolean
}

// Email addresses and web links are one token each. Words keep inner apostrophes and hyphens
// (O'Brien, Smith-Jones); a possessive 's is split off. An ordinal is one number token ("21st"), so
// that its "st" is not read as "St." (Saint) before the next sentence.
const TOKEN = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}.-]{1,255}|(?:https?:\/\/|www\.)\S+|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\p{N}+(?:st|nd|rd|th|ST|ND|RD|TH)(?![\p{L}\p{M}])|\p{N}+|\S/gu
const LINK = /[@/]|^www\./
const POSSESSIVE = /^(.{2,})(['’][sS])$/u
const SENTENCE_END = new Set(['.', '!', '?', '…'])
// A full stop after these does not end a sentence ("Dr. Patel", "J. Smith").
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'sr', 'rev', 'fr', 'jr', 'snr', 'jnr', 'no', 'e.g', 'i.e', 'etc', 'vs'])
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '-', '–', '—', '*', '•', ':'])

/** Splits a text into tokens, marking sentence starts. Whitespace is not a token. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let previousEnd = 0
  let atSentenceStart = true
  for (const match of text.matchAll(TOKEN)) {
    const newlineBefore = text.slice(previousEnd, match.index).includes('\n')
    if (newlineBefore) atSentenceStart = true
    for (const [piece, offset] of splitPossessive(match[0])) {
      const token = makeToken(piece, match.index + offset, atSentenceStart, newlineBefore && offset === 0)
      const previous = tokens.at(-1)
      tokens.push(token)
      if (token.kind !== 'punct' || !OPENERS.has(token.text)) atSentenceStart = endsSentence(token, previous)
    }
    previousEnd = match.index + match[0].length
  }
  return tokens
}

function endsSentence(token: Token, previous: Token | undefined): boolean {
  if (token.kind !== 'punct' || !SENTENCE_END.has(token.text)) return false
  return token.text !== '.' || previous === undefined || !(previous.shape === 'initial' || ABBREVIATIONS.has(previous.lower))
}

function splitPossessive(word: string): [string, number][] {
  if (LINK.test(word)) return [[word, 0]]
  const possessive = POSSESSIVE.exec(word)
  if (possessive === null) return [[word, 0]]
  return [
    [possessive[1]!, 0],
    [possessive[2]!, possessive[1]!.length],
  ]
}

function makeToken(text: string, start: number, sentenceStart: boolean, newlineBefore: boolean): Token {
  const kind = text.length > 1 && LINK.test(text) ? 'link' : /^[\p{L}\p{M}]/u.test(text) ? 'word' : /^\p{N}/u.test(text) ? 'number' : 'punct'
  return { text, lower: text.toLowerCase(), start, end: start + text.length, kind, shape: shapeOf(text, kind), sentenceStart, newlineBefore }
}

function shapeOf(text: string, kind: Token['kind']): Shape {
  if (kind !== 'word') return 'other'
  if (/^\p{Lu}$/u.test(text)) return 'initial'
  if (!/\p{Lu}/u.test(text)) return 'lower'
  if (!/\p{Ll}/u.test(text)) return 'upper'
  return /^\p{Lu}/u.test(text) ? 'title' : 'other'
}
