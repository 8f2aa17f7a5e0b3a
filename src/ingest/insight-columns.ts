/**
 * The header of an insight file: columns in any order, named in any case and with spaces, hyphens
 * or underscores between words (`Age band`, `age-band` and `AGE_BAND` are all `age_band`).
 */
import type { IssueCollector } from './issue-collector.ts'
import { quote } from './issue-collector.ts'

/** The columns an insight file may have, in the documented order. */
export const INSIGHT_COLUMNS = ['text', 'date', 'site', 'source', 'fft', 'age_band', 'ethnicity', 'sex', 'imd_quintile', 'tags'] as const
export type InsightColumn = (typeof INSIGHT_COLUMNS)[number]

/** Columns every insight file needs. */
export const REQUIRED_INSIGHT_COLUMNS: readonly InsightColumn[] = ['text', 'date']

/** A column found in the header: where it is and its name as written (trimmed), for messages. */
export interface ColumnAt {
  readonly index: number
  readonly name: string
}

const KNOWN: ReadonlySet<string> = new Set(INSIGHT_COLUMNS)
/** Names listed in a message before "…". */
const LISTED_NAMES = 10

/** The column a header name stands for, compared without case and with spaces, hyphens and underscores alike. */
export function insightColumnKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '_')
}

function isInsightColumn(key: string): key is InsightColumn {
  return KNOWN.has(key)
}

function listNames(names: readonly string[]): string {
  const quoted = names.slice(0, LISTED_NAMES).map((name) => (name === '' ? 'an unnamed column' : quote(name)))
  const more = names.length > LISTED_NAMES ? `, … (${names.length.toLocaleString('en-GB')} in all)` : ''
  return `${quoted.join(', ')}${more}`
}

/**
 * The known columns of the header on `line`, or undefined after one `bad_header` error when `text`
 * or `date` is missing or a column is given twice. Columns it does not know get one `unknown_column`
 * warning and are ignored.
 */
export function readInsightHeader(fields: readonly string[], line: number, issues: IssueCollector): ReadonlyMap<InsightColumn, ColumnAt> | undefined {
  const columns = new Map<InsightColumn, ColumnAt>()
  const unknown: string[] = []
  const repeated: string[] = []
  fields.forEach((field, index) => {
    const name = field.trim()
    const key = insightColumnKey(name)
    if (!isInsightColumn(key)) unknown.push(name)
    else if (columns.has(key)) repeated.push(name)
    else columns.set(key, { index, name })
  })
  const semicolons = fields.length === 1 && /[;\t]/.test(fields[0] ?? '')
  if (unknown.length > 0 && !semicolons) {
    const problem = `${unknown.length === 1 ? 'column' : 'columns'} ${listNames(unknown)} ${unknown.length === 1 ? 'is not an insight column and is' : 'are not insight columns and are'} ignored`
    issues.warning({ code: 'unknown_column', line, value: unknown.join(','), problem, expected: `only the columns ${INSIGHT_COLUMNS.join(', ')}` })
  }
  const missing = REQUIRED_INSIGHT_COLUMNS.filter((column) => !columns.has(column))
  if (missing.length === 0 && repeated.length === 0) return columns
  const parts = [
    semicolons ? 'has semicolons or tabs between the columns instead of commas' : '',
    !semicolons && missing.length > 0 ? `has no ${missing.join(' or ')} column` : '',
    repeated.length > 0 ? `repeats ${repeated.length === 1 ? 'column' : 'columns'} ${listNames(repeated)}` : '',
  ].filter((part) => part !== '')
  issues.error({
    code: 'bad_header',
    line,
    value: fields.join(','),
    problem: `the header ${quote(fields.map((f) => f.trim()).join(','))} ${parts.join(' and ')}`,
    expected: `columns text and date, in any order, and optionally ${INSIGHT_COLUMNS.filter((c) => !REQUIRED_INSIGHT_COLUMNS.includes(c)).join(', ')}, each once`,
  })
  return undefined
}
