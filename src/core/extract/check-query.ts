/**
 * Checks on every row of the extract: every date parses, every site is one of the organisation's,
 * every number compared or averaged is a number, every true/false is one, and no group column has
 * so many distinct values that a group could be one person. They are counted in the same pass that
 * builds the cells (a bad date gives a NULL period, a bad site shows as a cell's site, numbers and
 * true/false are counted beside the cells), so a good file is read once; only when a check fails is
 * the file read again to find the rows.
 */
import { NUMBER_LIMIT } from './condition-tokens.ts'
import { cellKeys, type ExtractMeasure, type QueryPlan } from './aggregate-query.ts'
import { definitionColumns } from './columns.ts'
import { booleanExpression, dateExpression, numberExpression, textExpression, type ColumnInfos } from './expressions.ts'
import { quoteIdentifier, quoteString } from './sql-text.ts'

/** Distinct values one group column may hold: more suggests a column that tells people apart. */
export const DISTINCT_GROUP_LIMIT = 100

export type CheckRule = 'date' | 'site' | 'number' | 'boolean'

/** A check on one column: `bad` (SQL over the file's row) is true for a row that fails it; `id` names its count. */
export interface RowCheck {
  readonly id: string
  readonly rule: CheckRule
  readonly column: string
  /** Where the column is named (e.g. `extract.numerator`) and in which measure, for messages. */
  readonly field: string
  readonly measure: string
  readonly bad: string
}

export interface GroupCheck {
  readonly id: string
  /** The cell key holding the group (lhs_g0, …). */
  readonly key: string
  readonly column: string
  readonly field: string
  readonly measure: string
}

export interface PlanChecks {
  readonly rows: readonly RowCheck[]
  readonly groups: readonly GroupCheck[]
  /** Counters to build into the cells (number and true/false checks): id → bad-row SQL. */
  readonly counters: ReadonlyMap<string, string>
}

/** The checks of a plan, each column checked once per rule. */
export function planChecks(plan: QueryPlan, columns: ColumnInfos, sites: ReadonlySet<string>): PlanChecks {
  const rows = new Map<string, RowCheck>()
  const add = (check: Omit<RowCheck, 'id'>) => {
    const key = `${check.rule}\u0000${check.column}`
    if (!rows.has(key)) rows.set(key, { ...check, id: `c${rows.size}` })
  }
  for (const measure of plan.measures) {
    for (const [column, roles] of definitionColumns(measure.definition)) {
      const q = quoteIdentifier(column)
      for (const { field, use } of roles) {
        const base = { column, field, measure: measure.code }
        if (use === 'date') add({ ...base, rule: 'date', bad: `(${dateExpression(columns, column, true)}) IS NULL` })
        else if (use === 'site') add({ ...base, rule: 'site', bad: siteCheck(textExpression(columns, column), sites) })
        else if (use === 'number' || use === 'mean') {
          const n = numberExpression(columns, column)
          add({ ...base, rule: 'number', bad: `(${q} IS NOT NULL AND NOT coalesce(isfinite(${n}) AND abs(${n}) <= ${NUMBER_LIMIT}, FALSE))` })
        } else if (use === 'boolean' && columns.get(column)?.kind !== 'boolean') add({ ...base, rule: 'boolean', bad: `(${q} IS NOT NULL AND ${booleanExpression(columns, column)} IS NULL)` })
      }
    }
  }
  const first = plan.measures[0] as ExtractMeasure
  const groups = first.definition.groups.map((g, i) => ({ id: `d${i}`, key: `lhs_g${i}`, column: g.column, field: `extract.groups.${g.dimension}`, measure: first.code }))
  const checks = [...rows.values()]
  const counters = new Map(checks.filter((c) => c.rule === 'number' || c.rule === 'boolean').map((c) => [c.id, c.bad]))
  return { rows: checks, groups, counters }
}

function siteCheck(site: string, sites: ReadonlySet<string>): string {
  if (sites.size === 0) return 'TRUE'
  return `(${site} IS NULL OR ${site} NOT IN (${[...sites].sort().map(quoteString).join(', ')}))`
}

/**
 * One row over the cells of `table`: `lhs_rows`, then each row check's failing rows (`c{i}`) and
 * each group column's distinct values (`d{i}`).
 */
export function cellsCheckQuery(plan: QueryPlan, table: string, checks: PlanChecks, sites: ReadonlySet<string>): string {
  const hasSite = cellKeys(plan).includes('lhs_s')
  const parts = ['coalesce(sum(lhs_n), 0) AS lhs_rows']
  for (const check of checks.rows) {
    if (check.rule === 'date') parts.push(`coalesce(sum(lhs_n) FILTER (WHERE lhs_p IS NULL), 0) AS ${check.id}`)
    else if (check.rule === 'site' && hasSite) parts.push(`coalesce(sum(lhs_n) FILTER (WHERE ${siteCheck('lhs_s', sites)}), 0) AS ${check.id}`)
    else if (checks.counters.has(check.id)) parts.push(`coalesce(sum(${check.id}), 0) AS ${check.id}`)
  }
  for (const group of checks.groups) parts.push(`count(DISTINCT ${group.key}) AS ${group.id}`)
  return `SELECT ${parts.join(', ')} FROM ${table}`
}

/** The first `limit` failing rows of a check, by position in the file: `lhs_row` (0-based) and `lhs_value` as text. */
export function failingRowsQuery(numberedSource: string, rowNumber: string, check: RowCheck, limit: number): string {
  return `SELECT ${rowNumber} AS lhs_row, CAST(${quoteIdentifier(check.column)} AS VARCHAR) AS lhs_value FROM ${numberedSource} WHERE ${check.bad} ORDER BY ${rowNumber} LIMIT ${Math.trunc(limit)}`
}

/** Up to `limit` distinct failing values of a check (NULL for an empty value), to find in a CSV by line. */
export function failingValuesQuery(source: string, check: RowCheck, limit: number): string {
  return `SELECT DISTINCT CAST(${quoteIdentifier(check.column)} AS VARCHAR) AS lhs_value FROM ${source} WHERE ${check.bad} LIMIT ${Math.trunc(limit)}`
}
