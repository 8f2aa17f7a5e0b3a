/** The issues of an extract import, in the house format: each names the file, the line or row, the column, the value and what was expected. */
import type { AggregateRow, ColumnProblem, ExtractMeasure, QueryPlan, RowCheck } from '../../core/extract/index.ts'
import type { IssueCollector } from '../issue-collector.ts'
import { quote } from '../issue-collector.ts'
import { textCharacterProblem, TEXT_RULE } from '../text-field.ts'
import { firstLine, type ExtractFile, type ExtractFormat } from './extract-file.ts'
import type { FailingRow } from './failing-rows.ts'

/** Names listed in a message before "…". */
const LISTED = 20
/** Longest group label stored. */
export const GROUP_LABEL_MAX = 200

function list(names: Iterable<string>): string {
  const all = [...names]
  const shown = all.slice(0, LISTED).map((n) => quote(n)).join(', ')
  return all.length > LISTED ? `${shown}, … (${all.length} in all)` : shown
}

export function reportColumnProblems(issues: IssueCollector, measure: ExtractMeasure, problems: readonly ColumnProblem[], file: ExtractFile): void {
  for (const p of problems) {
    const named = `measure "${measure.code}": ${p.field} names the column ${quote(p.column)}`
    if (p.code === 'missing_column') {
      const hint = p.suggestion === undefined ? '' : ` (it has ${quote(p.suggestion)}: names must match exactly)`
      issues.error({ code: 'missing_column', column: p.column, value: p.column, problem: `${named}, which the file does not have${hint}`, expected: `one of the file's columns: ${list(file.columns.keys())}` })
    } else {
      issues.error({ code: 'wrong_column_type', column: p.column, value: p.type, problem: `${named}, which holds ${p.type} values`, expected: `a column of ${p.expected}` })
    }
  }
}

const RULES = {
  date: { code: 'bad_date', what: 'a date', expected: 'a date as YYYY-MM-DD with a year from 1000 (a time after it, such as T09:30, is ignored), or a DATE or TIMESTAMP value' },
  site: { code: 'unknown_site', what: 'a site of the organisation', expected: '' },
  number: { code: 'not_a_number', what: 'a number', expected: 'a number between -1e15 and 1e15 written with digits (such as 12 or 4.5), or an empty value' },
  boolean: { code: 'not_a_boolean', what: 'true or false', expected: 'true or false (also t/f, yes/no, y/n, 1/0, any case), or an empty value' },
} as const

/** One issue per failing row found, and one more counting the rows not listed. */
export function reportFailingRows(issues: IssueCollector, file: ExtractFile, check: RowCheck, rows: readonly FailingRow[], total: number, sites: ReadonlySet<string>): void {
  const rule = RULES[check.rule]
  const expected = check.rule === 'site' ? (sites.size === 0 ? 'no site column: the organisation has no sites, so leave out "site"' : `one of the organisation's site codes: ${list([...sites].sort())}`) : rule.expected
  const where = (line: number | undefined) => (file.format === 'csv' ? '' : line === undefined ? 'in some row, ' : `in row ${line.toLocaleString('en-GB')}, `)
  for (const row of rows) {
    const empty = row.value === null
    const problem = empty ? `${where(row.line)}${check.column} is empty` : `${where(row.line)}${quote(row.value ?? '')} is not ${rule.what}`
    const code = empty && check.rule !== 'number' && check.rule !== 'boolean' ? 'missing_value' : rule.code
    issues.error({ code, line: row.line, column: check.column, value: row.value ?? '', problem, expected })
  }
  const rest = total - rows.length
  if (rest > 0) {
    const problem = `${rest.toLocaleString('en-GB')} more ${rest === 1 ? 'row fails' : 'rows fail'} the same check (${total.toLocaleString('en-GB')} in all; the first ${rows.length} are listed)`
    issues.error({ code: 'too_many_issues', column: check.column, problem, expected: expected })
  }
}

/** Group labels are stored as observation groups: no control characters, at most GROUP_LABEL_MAX characters. */
export function reportGroupLabels(issues: IssueCollector, plan: QueryPlan, rows: readonly AggregateRow[]): void {
  const groups = plan.measures[0]?.definition.groups ?? []
  const seen = new Set<string>()
  for (const row of rows) {
    if (row.group === null || seen.has(`${row.dimension}\u0000${row.group}`)) continue
    seen.add(`${row.dimension}\u0000${row.group}`)
    const column = groups.find((g) => g.dimension === row.dimension)?.column
    const problem = textCharacterProblem(row.group)
    if (problem !== undefined) issues.error({ code: 'bad_character', column, value: row.group, problem: `the group ${quote(row.group)} ${problem}`, expected: TEXT_RULE })
    else if ([...row.group].length > GROUP_LABEL_MAX) issues.error({ code: 'too_long', column, value: row.group, problem: `the group ${quote(row.group)} is longer than ${GROUP_LABEL_MAX} characters`, expected: `a group label of at most ${GROUP_LABEL_MAX} characters` })
  }
}

/** Turn DuckDB's complaint about reading the file into an issue; false when the error is not about the file. */
export function reportScanFailure(issues: IssueCollector, error: unknown, format: ExtractFormat, path: string): boolean {
  const message = (error instanceof Error ? error.message : String(error)).replaceAll(path, issues.file)
  if (format === 'csv') {
    const line = /CSV Error on Line: (\d+)/.exec(message)?.[1]
    if (line === undefined && !/Invalid Input Error|Conversion Error/.test(message)) return false
    const detail = csvDetail(message) ?? firstLine(error, path, issues.file)
    issues.error({ code: 'bad_csv', line: line === undefined ? undefined : Number(line), problem: `the file cannot be read as CSV: ${detail}`, expected: 'comma-separated UTF-8 text with as many fields on every line as in the header, and every quoted field closed' })
    return true
  }
  if (!/Invalid Input Error|IO Error|Invalid Error/.test(message)) return false
  issues.error({ code: 'bad_parquet', problem: `the file cannot be read as Parquet: ${firstLine(error, path, issues.file)}`, expected: 'a Parquet file' })
  return true
}

/** DuckDB's reason for a CSV error: the last line before its "Possible fixes", skipping the echo of the line. */
function csvDetail(message: string): string | undefined {
  const lines = message.split('\n')
  const end = lines.findIndex((l) => l.startsWith('Possible'))
  const body = (end === -1 ? lines : lines.slice(0, end)).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('Original Line') && !/^(Invalid Input Error: )?CSV Error on Line/.test(l))
  return body.at(-1)
}
