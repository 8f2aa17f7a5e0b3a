/** What every one-row-per-period input file (`lhs spc`, `lhs its`) shares. */
import { readCsvRecords } from './csv-records.ts'
import { quote, type IssueCollector } from './issue-collector.ts'
import { createTableSink, type TableRows } from './table-sink.ts'

/** A check that is true (after recording a `duplicate_period` issue naming the first line) when a period comes again. */
export function duplicatePeriodCheck(issues: IssueCollector): (period: string, line: number) => boolean {
  const firstLines = new Map<string, number>()
  return (period, line) => {
    const first = firstLines.get(period)
    if (first === undefined) {
      firstLines.set(period, line)
      return false
    }
    const problem = `period ${quote(period)} already has a row on line ${first}`
    issues.error({ code: 'duplicate_period', line, column: 'period', value: period, problem, expected: 'one row per period' })
    return true
  }
}

/** Read a whole CSV into `rows`, every problem recorded in `issues`. */
export function readTable(input: string | Uint8Array, rows: TableRows, issues: IssueCollector): void {
  const sink = createTableSink(rows, issues)
  readCsvRecords(input, sink)
  sink.finish()
}

/** The points sorted by their ISO period. */
export function inPeriodOrder<T extends { readonly period: string }>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
}
