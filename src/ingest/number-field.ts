/** Reading one number field of a row, reporting text, numbers out of range and (optionally) negative numbers. */
import type { IssueCollector } from './issue-collector.ts'
import { quote } from './issue-collector.ts'
import { NUMBER_RANGE_RULE, numberRangeProblem, parseNumberText } from './number-text.ts'

/** What a number field may hold. */
export interface NumberRule {
  /** Report numbers below 0 as `negative_value`. */
  readonly nonNegative: boolean
}

/**
 * The number in `raw`: null when the field is empty, undefined after reporting `not_a_number`,
 * `negative_value` or `out_of_range` (beyond ±1e15, or nearer 0 than 1e-300 but not 0).
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
  const range = numberRangeProblem(value)
  if (range !== undefined) {
    issues.error({ code: 'out_of_range', line, column, value: raw, problem: `${quote(raw)} is ${range} to store`, expected: NUMBER_RANGE_RULE })
    return undefined
  }
  return value
}
