/**
 * Free text that is stored as written (trimmed): measure names, descriptions, definitions and units,
 * and the dimension and group of an observation. PostgreSQL text cannot hold U+0000, and no other
 * C0 control character or lone surrogate belongs in text a person typed, so they are issues.
 */
import type { IssueCollector, IssuePlace } from './issue-collector.ts'
import { quote } from './issue-collector.ts'

/** C0 control characters other than tab, line feed and carriage return; and lone surrogates (half of a UTF-16 pair). */
// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
const BAD_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\p{Cs}/u

/** What stored text may hold, for the `expected` part of an issue. */
export const TEXT_RULE = 'text without control characters (tabs and line breaks are fine) and without lone surrogates'

/** What is wrong with the characters of `text`, such as `contains a NUL character (U+0000) at character 4`, or undefined. */
export function textCharacterProblem(text: string): string | undefined {
  const match = BAD_CHARACTER.exec(text)
  if (match === null) return undefined
  const unit = match[0].charCodeAt(0)
  const code = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`
  const at = `at character ${(match.index + 1).toLocaleString('en-GB')}`
  if (unit === 0) return `contains a NUL character (${code}) ${at}`
  if (unit >= 0xd800) return `contains a lone surrogate (${code}, half of a character cut in two) ${at}`
  return `contains the control character ${code} ${at}`
}

/**
 * Report a `bad_character` error when `raw` holds a character that cannot be stored; true when it is
 * fine. `label` names the field in the message (`name`, `dimension`, `measures[2].unit`).
 */
export function checkTextCharacters(raw: string, label: string, place: IssuePlace, issues: IssueCollector): boolean {
  const problem = textCharacterProblem(raw)
  if (problem === undefined) return true
  issues.error({ code: 'bad_character', ...place, value: raw, problem: `${label} ${quote(raw)} ${problem}`, expected: TEXT_RULE })
  return false
}
