/** JSON text parsed with the place of a syntax error, for FHIR files (a JSON document or NDJSON lines). */

export type JsonText = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly offset: number; readonly detail: string }

/** 1-based line and character of a character offset in `text`. */
export function lineAndCharacter(text: string, offset: number): { readonly line: number; readonly character: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (char === 10 || (char === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, character: Math.min(offset, text.length) - lineStart + 1 }
}

/** Parse `text`; on a syntax error, the offset of the first character that cannot be read and V8's message. */
export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, data: JSON.parse(text) as unknown }
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\r\n|\r|\n/g, '\\n')
    return { ok: false, offset: errorOffset(text, detail), detail }
  }
}

/**
 * V8 gives the position of most syntax errors, but not of an unexpected token ("Unexpected token ']',
 * …"): then it is found as the end of the longest prefix of `text` that is still the start of some
 * JSON text (a binary search, as such prefixes only ever fail by running out).
 */
function errorOffset(text: string, detail: string): number {
  const position = /at position (\d+)/.exec(detail)?.[1]
  if (position !== undefined) return Number(position)
  if (detail.includes('end of JSON input')) return text.length
  let good = 0
  let bad = text.length
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2)
    if (isJsonStart(text.slice(0, middle))) good = middle
    else bad = middle
  }
  return good
}

/** True when `prefix` is JSON, or fails only because it stops too soon. */
function isJsonStart(prefix: string): boolean {
  try {
    JSON.parse(prefix)
    return true
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    if (message.includes('end of JSON input')) return true
    const position = /at position (\d+)/.exec(message)?.[1]
    return position !== undefined && Number(position) >= prefix.length
  }
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
