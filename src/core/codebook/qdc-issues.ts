/**
 * The issues found in one codebook file, in the house format: a message `file:line:column: problem
 * (expected …).`, where the column is the attribute or element concerned (or, for malformed XML,
 * the character position the parser gives). Issues past a limit are counted in one summary issue,
 * so a file full of mistakes stays cheap to report.
 */
import { issueLocation } from '../issues.ts'
import type { Issue, Severity } from '../issues.ts'

/** Issues kept per file before the rest are summed up in one `too_many_issues` issue. */
export const QDC_ISSUE_LIMIT = 1000

/** Characters of a value quoted in a message before it is cut short. */
const QUOTE_LIMIT = 100

/** One problem, in parts; the collector writes the message. */
export interface QdcIssueReport {
  readonly code: string
  /** What is wrong, quoting the bad value. */
  readonly problem: string
  readonly expected: string
  readonly line?: number | undefined
  readonly column?: string | undefined
  readonly value?: string | undefined
}

export class QdcIssues {
  readonly #file: string | undefined
  readonly #issues: Issue[] = []
  #dropped = 0
  #droppedErrors = 0

  constructor(file?: string) {
    this.#file = file
  }

  error(report: QdcIssueReport): void {
    this.#add('error', report)
  }

  warning(report: QdcIssueReport): void {
    this.#add('warning', report)
  }

  /** The issues kept, then a `too_many_issues` issue when some were left out. */
  toArray(): Issue[] {
    if (this.#dropped === 0) return [...this.#issues]
    const more = this.#dropped.toLocaleString('en-GB')
    return [
      ...this.#issues,
      this.#build(this.#droppedErrors > 0 ? 'error' : 'warning', {
        code: 'too_many_issues',
        problem: `${more} more ${this.#dropped === 1 ? 'issue was' : 'issues were'} found but not listed after the first ${QDC_ISSUE_LIMIT.toLocaleString('en-GB')}`,
        expected: 'fix the issues listed and read the file again to see the rest',
      }),
    ]
  }

  #add(severity: Severity, report: QdcIssueReport): void {
    if (this.#issues.length < QDC_ISSUE_LIMIT) {
      this.#issues.push(this.#build(severity, report))
      return
    }
    this.#dropped++
    if (severity === 'error') this.#droppedErrors++
  }

  #build(severity: Severity, report: QdcIssueReport): Issue {
    const { code, problem, expected, line, column, value } = report
    const place = {
      ...(this.#file === undefined ? {} : { file: this.#file }),
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    }
    const message = `${issueLocation(place)}${problem} (expected ${expected}).`
    return { severity, code, message, ...place, ...(value === undefined ? {} : { value }), expected }
  }
}

/** A value quoted for a message, with line breaks and quotes escaped, cut short when long. */
export function quote(value: string): string {
  if (value.length <= QUOTE_LIMIT) return JSON.stringify(value)
  return `${JSON.stringify(`${value.slice(0, QUOTE_LIMIT)}…`)} (${value.length.toLocaleString('en-GB')} characters)`
}
