/** Reading one number field of a row, reporting text and (optionally) negative numbers. */
import type { IssueCollector } from './issue-collector.ts'
import { quote } from './issue-collector.ts'
import { parseNumberText } from './number-text.ts'

/** What a number field may hold. */
export interface NumberRule {
  /** Report numbers below 0 as `negative_value`. */
  readonly nonNegative: boolean
}

/**
 * The number in `raw`: null when the field is empty, undefined after reporting `not_a_number`
 * or `negative_value`.
 */
export function readNumberField(
  raw: string,
  column: string,
  line: number,
  rule: NumberRule,
  issues: IssueCollector,
): number | null | undefined {
  const text = raw.trim()
  if (text === '') return null
  const value = parseNumberText(text)
  if (value === undefined) {
    const expected = rule.nonNegative ? 'a number of 0 or more, such as 12 or 0.5' : 'a number such as 12 or -0.5'
    issues.error({ code: 'not_a_number', line, column, value: raw, problem: `${quote(raw)} is not a number`, expected })
    return undefined
  }
  if (rule.nonNegative && value < 0) {
    issues.error({ code: 'negative_value', line, column, value: raw, problem: `${quote(raw)} is negative`, expected: 'a number of 0 or more' })
    return undefined
  }
  return value
}
