/**
 * Text width estimated from Arial's advance widths (Liberation Sans has the same metrics), with a
 * margin for Frutiger and other fallbacks, so boxes can be sized in Node without measuring a DOM.
 */

export type FontWeight = 'normal' | 'bold'

/** Advance widths in 1/1000 em of the printable ASCII characters (space to tilde), Arial regular and bold. */
const ASCII_WIDTHS: Readonly<Record<FontWeight, readonly number[]>> = {
  normal: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ],
  bold: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ],
}

/** Frequent characters outside ASCII; anything else counts as 0.6 em, or 1 em from CJK on. */
const OTHER_WIDTHS: Readonly<Record<string, number>> = { '–': 556, '—': 1000, '…': 1000, '‘': 222, '’': 222, '“': 333, '”': 333, '•': 350, '£': 556, '€': 556, '°': 400, '×': 584, '→': 1000 }

/** Frutiger is a little wider than Arial, and browsers differ: estimates are stretched by this. */
const SAFETY = 1.06

/** Estimated width in pixels of `text` set at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number, weight: FontWeight = 'normal'): number {
  const table = ASCII_WIDTHS[weight]
  let units = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    units += (code >= 32 && code <= 126 ? table[code - 32] : OTHER_WIDTHS[char]) ?? (code >= 0x2e80 ? 1000 : 600)
  }
  return (units / 1000) * fontSize * SAFETY
}

/**
 * Break `text` into lines no wider than `widthPx`, at spaces, or after a hyphen or slash when a word
 * is too long, and inside a word only when even a part is too long. Never drops text.
 */
export function wrapText(text: string, widthPx: number, fontSize: number, weight: FontWeight = 'normal'): string[] {
  const fits = (s: string): boolean => estimateTextWidth(s, fontSize, weight) <= widthPx
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (fits(candidate)) {
      line = candidate
      continue
    }
    if (line !== '') lines.push(line)
    const pieces = splitWord(word, fits)
    lines.push(...pieces.slice(0, -1))
    line = pieces.at(-1) ?? ''
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A word too long for a line: cut after hyphens and slashes where the parts fit, else character by character. */
function splitWord(word: string, fits: (s: string) => boolean): string[] {
  const parts = word.split(/(?<=[-/])/)
  const pieces: string[] = []
  let piece = ''
  for (const part of parts) {
    if (fits(piece + part)) {
      piece += part
      continue
    }
    if (piece !== '') pieces.push(piece)
    piece = ''
    for (const char of part) {
      if (piece !== '' && !fits(piece + char)) {
        pieces.push(piece)
        piece = ''
      }
      piece += char
    }
  }
  pieces.push(piece)
  return pieces
}
