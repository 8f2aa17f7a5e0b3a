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

/** Characters of a value quoted in a message before it is cut short. */
export const QUOTE_LIMIT = 100

/** Characters of a JSON value shown in a message by `preview`, and how many levels deep it looks. */
const PREVIEW_LIMIT = 80
const PREVIEW_DEPTH = 3

/**
 * Quote a value for a message: `"text"`, with quotes, line breaks and control characters escaped.
 * A value longer than `limit` is cut short and its length given, `"aaaa…" (1,048,576 characters)`,
 * so a huge cell never makes a huge message.
 */
export function quote(value: string, limit: number = QUOTE_LIMIT): string {
  if (value.length <= limit) return JSON.stringify(value)
  return `${JSON.stringify(`${cutShort(value, limit)}…`)} (${value.length.toLocaleString('en-GB')} characters)`
}

/**
 * Any value read from JSON, written for a message much as JSON.stringify writes it, but never more
 * than a few levels deep (`[[[…]]]`) nor much longer than 80 characters: JSON.stringify throws on a
 * value nested thousands deep and would copy a huge one whole.
 */
export function preview(value: unknown): string {
  const text = previewPart(value, PREVIEW_DEPTH, PREVIEW_LIMIT + 1)
  return text.length > PREVIEW_LIMIT ? `${cutShort(text, PREVIEW_LIMIT)}…` : text
}

/** `value` written in about `room` characters at most, looking `depth` more levels into arrays and objects. */
function previewPart(value: unknown, depth: number, room: number): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > room ? `${cutShort(value, room)}…` : value)
  if (typeof value !== 'object') return String(value)
  const parts: string[] = []
  let used = 2
  /** Adds one part; false once there is no more room (or depth) and "…" stands for the rest. */
  const add = (write: () => string): boolean => {
    if (depth === 0 || used >= room) {
      parts.push('…')
      return false
    }
    const part = write()
    parts.push(part)
    used += part.length + 1
    return true
  }
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (!add(() => previewPart(item, depth - 1, room - used))) break
    }
    return `[${parts.join(',')}]`
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && !add(() => `${previewPart(key, 0, room - used)}:${previewPart((value as Record<string, unknown>)[key], depth - 1, room - used)}`)) break
  }
  return `{${parts.join(',')}}`
}

/** The first `length` characters of `text`, one fewer when the cut would split a surrogate pair. */
function cutShort(text: string, length: number): string {
  const last = text.charCodeAt(length - 1)
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length)
}
