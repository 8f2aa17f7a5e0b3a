/** Problems found in input data are values, not exceptions: they are collected and shown in full. */
export type Severity = 'error' | 'warning'

export interface Issue {
  readonly severity: Severity
  /** Stable, machine-readable code such as `unknown_measure` or `missing_period`. */
  readonly code: string
  /** Plain-English sentence naming the place, the bad value and what was expected. */
  readonly message: string
  /** File name the issue was found in, when it came from a file. */
  readonly file?: string
  /** 1-based line in the file (the header is line 1). */
  readonly line?: number
  /** Column name from the header (or the cell's column letter for a sheet without one). */
  readonly column?: string
  /** The offending value, as it was written. */
  readonly value?: string
  /** What was expected instead. */
  readonly expected?: string
}

/** The result of reading untrusted input: what could be read, plus every problem found. */
export interface Parsed<T> {
  readonly value: T
  readonly issues: readonly Issue[]
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error')
}

/** Prefix `file:line:column: ` for a message, leaving out the parts that are unknown. */
export function issueLocation(issue: Pick<Issue, 'file' | 'line' | 'column'>): string {
  const parts = [issue.file, issue.line?.toString(), issue.column].filter((p) => p !== undefined && p !== '')
  return parts.length > 0 ? `${parts.join(':')}: ` : ''
}
