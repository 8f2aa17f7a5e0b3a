/**
 * DuckDB expressions for one column by what it holds, and conditions compiled to SQL. Text columns
 * (every CSV column is read as text) are cast explicitly, so a value that is not a number or a date
 * never slips through as NULL: the checks in check-query.ts find those rows first.
 */
import type { PeriodUnit } from '../model.ts'
import type { ColumnInfo } from './columns.ts'
import type { Condition, Literal } from './condition.ts'
import { numberLiteral, quoteIdentifier, quoteString } from './sql-text.ts'

export type ColumnInfos = ReadonlyMap<string, ColumnInfo>

/** A date in text: YYYY-MM-DD with a year from 1000, optionally followed by T or a space and a time (ignored). */
export const DATE_TEXT_PATTERN = '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}([T ]|$)'

function info(columns: ColumnInfos, column: string): ColumnInfo {
  const found = columns.get(column)
  if (found === undefined) throw new Error(`unknown column ${JSON.stringify(column)} (checkColumns should have reported it)`)
  return found
}

/**
 * The day of each row as a DATE. `strict` (for checks) gives NULL for text that is not a date in
 * the accepted form; otherwise the text is trusted, having passed that check.
 */
export function dateExpression(columns: ColumnInfos, column: string, strict: boolean): string {
  const q = quoteIdentifier(column)
  switch (info(columns, column).kind) {
    case 'date':
      return q
    case 'timestamp':
      return `CAST(${q} AS DATE)`
    default:
      return strict ? `CASE WHEN regexp_matches(${q}, ${quoteString(DATE_TEXT_PATTERN)}) THEN TRY_CAST(left(${q}, 10) AS DATE) END` : `CAST(left(${q}, 10) AS DATE)`
  }
}

/** The first day of the period (weeks start on Monday, as in core/period.ts) as YYYY-MM-DD text. */
export function periodExpression(day: string, unit: PeriodUnit): string {
  return unit === 'day' ? `CAST(${day} AS VARCHAR)` : `CAST(CAST(date_trunc(${quoteString(unit)}, ${day}) AS DATE) AS VARCHAR)`
}

export function textExpression(columns: ColumnInfos, column: string): string {
  const q = quoteIdentifier(column)
  return info(columns, column).kind === 'text' ? q : `CAST(${q} AS VARCHAR)`
}

/** A group label: trimmed text, with empty text treated as no value. */
export function groupExpression(columns: ColumnInfos, column: string): string {
  return `NULLIF(trim(${textExpression(columns, column)}), '')`
}

export function numberExpression(columns: ColumnInfos, column: string): string {
  const q = quoteIdentifier(column)
  return info(columns, column).kind === 'text' ? `TRY_CAST(${q} AS DOUBLE)` : `CAST(${q} AS DOUBLE)`
}

export function booleanExpression(columns: ColumnInfos, column: string): string {
  const q = quoteIdentifier(column)
  return info(columns, column).kind === 'boolean' ? q : `TRY_CAST(${q} AS BOOLEAN)`
}

function literalSql(literal: Literal): string {
  switch (literal.type) {
    case 'text':
      return quoteString(literal.value)
    case 'number':
      return numberLiteral(literal.value)
    case 'boolean':
      return literal.value ? 'TRUE' : 'FALSE'
  }
}

function operandSql(columns: ColumnInfos, column: string, literal: Literal): string {
  switch (literal.type) {
    case 'text':
      return textExpression(columns, column)
    case 'number':
      return numberExpression(columns, column)
    case 'boolean':
      return booleanExpression(columns, column)
  }
}

/** The condition as a SQL boolean expression (NULL, as in SQL, when it compares an empty value). */
export function conditionSql(condition: Condition, columns: ColumnInfos): string {
  switch (condition.kind) {
    case 'compare': {
      const operator = condition.operator === '!=' ? '<>' : condition.operator
      return `(${operandSql(columns, condition.column, condition.literal)} ${operator} ${literalSql(condition.literal)})`
    }
    case 'in': {
      const first = condition.literals[0]
      if (first === undefined) throw new Error('an IN list needs at least one value')
      return `(${operandSql(columns, condition.column, first)} ${condition.negated ? 'NOT IN' : 'IN'} (${condition.literals.map(literalSql).join(', ')}))`
    }
    case 'null':
      return `(${quoteIdentifier(condition.column)} IS ${condition.negated ? 'NOT NULL' : 'NULL'})`
    case 'and':
    case 'or':
      return `(${conditionSql(condition.left, columns)} ${condition.kind === 'and' ? 'AND' : 'OR'} ${conditionSql(condition.right, columns)})`
    case 'not':
      return `(NOT ${conditionSql(condition.operand, columns)})`
  }
}
