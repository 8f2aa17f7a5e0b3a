/**
 * Splits condition text into tokens: names (bare or double-quoted), single-quoted text, numbers,
 * keywords, operators, parentheses and commas. Positions are 1-based characters, for messages.
 */

export type Keyword = 'AND' | 'OR' | 'NOT' | 'IN' | 'IS' | 'NULL' | 'TRUE' | 'FALSE'

export type Token =
  | { readonly kind: 'name'; readonly text: string; readonly position: number; readonly quoted: boolean }
  | { readonly kind: 'text'; readonly text: string; readonly position: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly kind: 'keyword'; readonly keyword: Keyword; readonly text: string; readonly position: number }
  | { readonly kind: 'operator'; readonly text: '=' | '!=' | '<>' | '<' | '<=' | '>' | '>='; readonly position: number }
  | { readonly kind: '(' | ')' | ','; readonly text: string; readonly position: number }

/** Where a condition stops making sense: the 1-based character, what was expected there and what was found. */
export interface ConditionProblem {
  readonly position: number
  readonly expected: string
  readonly found: string
}

export type Tokens = { readonly ok: true; readonly tokens: readonly Token[] } | { readonly ok: false; readonly problem: ConditionProblem }

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE'])
const NAME_START = /[A-Za-z_]/
const NAME_PART = /[A-Za-z0-9_]/
const NUMBER = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/
/** Numbers a condition may hold, as for observation values. */
export const NUMBER_LIMIT = 1e15
// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u

/** A short, quoted piece of the text from `index`, for "found …". */
export function foundAt(text: string, index: number): string {
  if (index >= text.length) return 'the end of the condition'
  const piece = text.slice(index, index + 20)
  return `"${piece}${text.length > index + 20 ? '…' : ''}"`
}

export function tokenize(text: string): Tokens {
  const control = CONTROL.exec(text)
  if (control !== null) {
    const code = `U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
    return { ok: false, problem: { position: control.index + 1, expected: 'printable characters (tabs and line breaks are fine)', found: `the control character ${code}` } }
  }
  const tokens: Token[] = []
  let i = 0
  const fail = (index: number, expected: string, found = foundAt(text, index)): Tokens => ({ ok: false, problem: { position: index + 1, expected, found } })
  while (i < text.length) {
    const char = text[i] as string
    const position = i + 1
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i++
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, position })
      i++
    } else if (char === "'" || char === '"') {
      const end = closingQuote(text, i, char)
      if (end === undefined) return fail(i, char === "'" ? `a closing ' for the text that starts here (write '' for a ' inside it)` : `a closing " for the column name that starts here (write "" for a " inside it)`, 'the end of the condition')
      const body = text.slice(i + 1, end).replaceAll(char + char, char)
      if (char === '"') {
        if (body === '') return fail(i, 'a column name between the double quotes', '""')
        tokens.push({ kind: 'name', text: body, position, quoted: true })
      } else tokens.push({ kind: 'text', text: body, position })
      i = end + 1
    } else if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = NUMBER.exec(text.slice(i)) as RegExpExecArray
      const value = Number(match[0])
      if (!(Math.abs(value) <= NUMBER_LIMIT)) return fail(i, `a number between -${NUMBER_LIMIT} and ${NUMBER_LIMIT}`, `"${match[0]}"`)
      if (NAME_PART.test(text[i + match[0].length] ?? '')) return fail(i, 'a number (digits, an optional decimal point and exponent) followed by a space, ) or an operator')
      tokens.push({ kind: 'number', value: Object.is(value, -0) ? 0 : value, text: match[0], position })
      i += match[0].length
    } else if (NAME_START.test(char)) {
      let end = i + 1
      while (end < text.length && NAME_PART.test(text[end] as string)) end++
      const word = text.slice(i, end)
      const upper = word.toUpperCase()
      if (KEYWORDS.has(upper)) tokens.push({ kind: 'keyword', keyword: upper as Keyword, text: word, position })
      else tokens.push({ kind: 'name', text: word, position, quoted: false })
      i = end
    } else {
      const two = text.slice(i, i + 2)
      if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
        tokens.push({ kind: 'operator', text: two, position })
        i += 2
      } else if (char === '=' || char === '<' || char === '>') {
        tokens.push({ kind: 'operator', text: char, position })
        i++
      } else {
        return fail(i, 'a column name, a value in single quotes, a number, an operator (=, !=, <, <=, >, >=), a parenthesis or a comma')
      }
    }
  }
  return { ok: true, tokens }
}

/** Index of the quote that closes the one at `start` (a doubled quote is part of the body), or undefined. */
function closingQuote(text: string, start: number, quote: string): number | undefined {
  let i = start + 1
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2
      else return i
    } else i++
  }
  return undefined
}
