/** What every issue list from an importer must look like, whatever the input was. */
import { expect } from 'vitest'
import type { Issue } from '../../src/core/issues.ts'
import { ISSUE_LIMIT } from '../../src/ingest/index.ts'

const TABLE_CODES = ['bad_header', 'wrong_field_count', 'empty_file', 'too_many_issues'] as const
const OBSERVATION_CODES = [
  ...TABLE_CODES, 'unknown_measure', 'unknown_site', 'bad_date', 'misaligned_period', 'incomplete_group', 'not_a_number', 'negative_value',
  'missing_value', 'zero_denominator', 'numerator_above_denominator', 'inconsistent_value', 'not_a_whole_number', 'duplicate_row', 'out_of_range', 'bad_character',
] as const
const MEASURE_CODES = ['bad_code', 'invalid_choice', 'not_positive', 'out_of_range', 'not_a_number', 'missing_value', 'duplicate_code', 'ignored_value', 'bad_character'] as const

/** The issue codes each importer may use (README.md of src/ingest/). */
export const ISSUE_CODES = {
  observationsCsv: new Set<string>([...OBSERVATION_CODES, 'bad_csv']),
  observationsXlsx: new Set<string>([...OBSERVATION_CODES, 'bad_xlsx']),
  measuresCsv: new Set<string>([...TABLE_CODES, ...MEASURE_CODES, 'bad_csv']),
  measuresJson: new Set<string>(['bad_json', 'wrong_type', 'empty_file', 'unknown_field', 'too_many_issues', ...MEASURE_CODES]),
  spcInputCsv: new Set<string>([...TABLE_CODES, 'bad_csv', 'bad_date', 'missing_value', 'not_a_number', 'negative_value', 'zero_denominator', 'numerator_above_denominator', 'duplicate_period', 'out_of_range']),
} as const

export interface IssueExpectations {
  /** The file name given to the parser: every issue names it and its message starts with it. */
  readonly file: string
  /** Lines in the file (or rows in the sheet): every issue's line is within 1…lines. */
  readonly lines: number
  readonly codes: ReadonlySet<string>
}

/**
 * Every issue has a severity, a known code, the file, a line within the file, and a message that
 * starts with the file and ends with a full stop; at most ISSUE_LIMIT of them plus one summary.
 */
export function expectWellFormedIssues(issues: readonly Issue[], expected: IssueExpectations): void {
  expect(issues.length, 'issues kept, plus one too_many_issues summary').toBeLessThanOrEqual(ISSUE_LIMIT + 1)
  issues.forEach((issue, i) => {
    const where = `issue ${i} ${JSON.stringify(issue).slice(0, 300)}`
    expect(['error', 'warning'], where).toContain(issue.severity)
    expect([...expected.codes], where).toContain(issue.code)
    expect(issue.file, where).toBe(expected.file)
    expect(typeof issue.message, where).toBe('string')
    expect(issue.message.startsWith(`${expected.file}`), where).toBe(true)
    expect(issue.message.endsWith('.'), where).toBe(true)
    if (issue.line !== undefined) {
      expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= expected.lines, `${where}: line within 1…${expected.lines}`).toBe(true)
    }
    for (const key of ['column', 'value', 'expected'] as const) {
      if (issue[key] !== undefined) expect(typeof issue[key], `${where}: ${key}`).toBe('string')
    }
    if (issue.code === 'too_many_issues') expect(i, `${where}: the summary comes last`).toBe(issues.length - 1)
  })
  expect(() => JSON.stringify(issues)).not.toThrow()
}

export function errorsIn(issues: readonly Issue[]): Issue[] {
  return issues.filter((issue) => issue.severity === 'error')
}
