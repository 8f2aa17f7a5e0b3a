/** Collects the issues of one file, in the house format, up to a limit. */
import { issueLocation } from '../core/issues.ts'
import type { Issue, Severity } from '../core/issues.ts'

/** Issues kept per file; the rest are counted and summed up in one `too_many_issues` issue. */
export const ISSUE_LIMIT = 1000

/** Where in the file an issue is: a 1-based line and/or a column name (or JSON path). */
export interface IssuePlace {
  readonly line?: number | undefined
  readonly column?: string | undefined
}

/** One problem, described in parts; the collector writes the message. */
export interface IssueReport extends IssuePlace {
  readonly code: string
  /** What is wrong, quoting the bad value, e.g. `"2024-03-05" is not the start of a week`. */
  readonly problem: string
  /** What would have been right, e.g. `the Monday that starts the week (YYYY-MM-DD)`. */
  readonly expected: string
  /** The offending value as written, when there is one. */
  readonly value?: string | undefined
}

/**
 * Builds issues for one file with the message `file:line:column: problem (expected …).`
 * Issues past `limit` are only counted, so a file full of mistakes stays cheap to report.
 */
export class IssueCollector {
  readonly file: string
  readonly limit: number
  readonly #issues: Issue[] = []
  #errors = 0
  #dropped = 0
  #droppedErrors = 0

  constructor(file: string, limit: number = ISSUE_LIMIT) {
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`invalid issue limit: ${limit} (expected a whole number ≥ 0)`)
    this.file = file
    this.limit = limit
  }

  /** Errors reported so far, including those past the limit: compare before and after a row. */
  get errorCount(): number {
    return this.#errors
  }

  error(report: IssueReport): void {
    this.#add('error', report)
  }

  warning(report: IssueReport): void {
    this.#add('warning', report)
  }

  /** The issues kept, followed by a `too_many_issues` issue when some were left out. */
  toArray(): Issue[] {
    if (this.#dropped === 0) return [...this.#issues]
    const more = this.#dropped.toLocaleString('en-GB')
    const summary = buildIssue(this.file, this.#droppedErrors > 0 ? 'error' : 'warning', {
      code: 'too_many_issues',
      problem: `${more} more ${this.#dropped === 1 ? 'issue was' : 'issues were'} found but not listed after the first ${this.limit.toLocaleString('en-GB')}`,
      expected: 'fix the issues listed and check the file again to see the rest',
    })
    return [...this.#issues, summary]
  }

  #add(severity: Severity, report: IssueReport): void {
    if (severity === 'error') this.#errors++
    if (this.#issues.length < this.limit) {
      this.#issues.push(buildIssue(this.file, severity, report))
      return
    }
    this.#dropped++
    if (severity === 'error') this.#droppedErrors++
  }
}

function buildIssue(file: string, severity: Severity, report: IssueReport): Issue {
  const { code, problem, expected, line, column, value } = report
  const place = {
    file,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  }
  const message = `${issueLocation(place)}${problem} (expected ${expected}).`
  return { severity, code, message, ...place, ...(value === undefined ? {} : { value }), expected }
}

/** Quote a value for a message: `"text"`, with quotes and line breaks escaped. */
export function quote(value: string): string {
  return JSON.stringify(value)
}
