/**
 * Splitting notes and transcripts into excerpts people can code one at a time: paragraphs (blank
 * lines, or lines starting with a speaker label or a bullet) are excerpts; a paragraph longer than
 * `maxLength` is cut at sentence ends so no excerpt is longer than it needs to be.
 */

export const EXCERPT_MAX_LENGTH = 1200

const PARAGRAPH_BREAK = /\n[ \t]*\n+|\n(?=[ \t]*(?:[-*•]\s|[A-Z][A-Za-z .']{0,30}:\s))/
const SENTENCE_END = /(?<=[.!?])\s+(?=\S)/

/** The excerpts of `text`, trimmed, in order, none empty. A short comment is one excerpt. */
export function splitExcerpts(text: string, maxLength = EXCERPT_MAX_LENGTH): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(PARAGRAPH_BREAK)
    .map((p) => p.replace(/^[ \t]*[-*•][ \t]+/, '').replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter((p) => p !== '')
  return paragraphs.flatMap((p) => (p.length <= maxLength ? [p] : packSentences(p, maxLength)))
}

function packSentences(paragraph: string, maxLength: number): string[] {
  const out: string[] = []
  let current = ''
  for (const sentence of paragraph.split(SENTENCE_END)) {
    if (current !== '' && current.length + 1 + sentence.length > maxLength) {
      out.push(current)
      current = ''
    }
    current = current === '' ? sentence : `${current} ${sentence}`
    while (current.length > maxLength) {
      const cut = current.lastIndexOf(' ', maxLength)
      const at = cut > maxLength / 2 ? cut : maxLength
      out.push(current.slice(0, at).trim())
      current = current.slice(at).trim()
    }
  }
  if (current !== '') out.push(current)
  return out
}
