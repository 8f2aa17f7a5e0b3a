/**
 * The statements an extract import runs, all written by the compiler (quoted names, escaped
 * values), never taken from user SQL. For the measures that share a breakdown (date column, period,
 * site column, groups), two steps:
 *
 * 1. `cellsStatement`: one pass over the file into a small in-memory table of cells, one per
 *    period × site × group value of every dimension, with each measure's counts or sums and the
 *    counters of the row checks (check-query.ts). A date that does not parse gives the period NULL.
 * 2. `outputQuery`: the cells summed by GROUPING SETS into one row per period × (whole
 *    organisation, each site) × (all people, each group of each dimension).
 */
import type { MeasureKind, PeriodUnit } from '../model.ts'
import type { ExtractDefinition } from './definition.ts'
import { conditionSql, dateExpression, groupExpression, numberExpression, periodExpression, textExpression, type ColumnInfos } from './expressions.ts'
import { quoteString } from './sql-text.ts'

/** A measure to work out from the extract. */
export interface ExtractMeasure {
  readonly code: string
  readonly kind: MeasureKind
  readonly period: PeriodUnit
  readonly rateMultiplier: number | null
  readonly definition: ExtractDefinition
}

/** Measures answered together: the same date column, period, site column and groups. */
export interface QueryPlan {
  readonly measures: readonly ExtractMeasure[]
}

/** Group the measures by what they are broken down by, keeping their order. */
export function planQueries(measures: readonly ExtractMeasure[]): QueryPlan[] {
  const plans = new Map<string, ExtractMeasure[]>()
  for (const measure of measures) {
    const { date, site, groups } = measure.definition
    const key = JSON.stringify([date, measure.period, site, groups.map((g) => [g.dimension, g.column])])
    plans.set(key, [...(plans.get(key) ?? []), measure])
  }
  return [...plans.values()].map((m) => ({ measures: m }))
}

/** Output column names of the output query (also used to read its rows). */
export const OUTPUT = { period: 'lhs_period', site: 'lhs_site', dimension: 'lhs_dimension', group: 'lhs_group' } as const
export const measureColumns = (index: number) => ({ a: `m${index}_a`, b: `m${index}_b` })

function firstOf(plan: QueryPlan): ExtractMeasure {
  const first = plan.measures[0]
  if (first === undefined) throw new Error('a query plan needs at least one measure')
  return first
}

/** The cell keys: period, then site and group columns when the definition has them. */
export function cellKeys(plan: QueryPlan): string[] {
  const { site, groups } = firstOf(plan).definition
  return ['lhs_p', ...(site === null ? [] : ['lhs_s']), ...groups.map((_, i) => `lhs_g${i}`)]
}

/**
 * `CREATE TEMP TABLE {table} AS SELECT …`: per cell, `lhs_n` rows and per measure `m{i}_a`, `m{i}_b`:
 * count → rows counted, –; ratio → numerator rows, denominator rows; mean → sum, count of values.
 * `counters` are extra per-row SQL counts (name → expression), such as the checks' bad rows.
 */
export function cellsStatement(source: string, columns: ColumnInfos, plan: QueryPlan, table: string, counters: ReadonlyMap<string, string> = new Map()): string {
  const first = firstOf(plan)
  const { date, site, groups } = first.definition
  const inner: string[] = [`${periodExpression(dateExpression(columns, date, true), first.period)} AS lhs_p`]
  if (site !== null) inner.push(`${textExpression(columns, site)} AS lhs_s`)
  groups.forEach((g, i) => inner.push(`${groupExpression(columns, g.column)} AS lhs_g${i}`))
  const sums: string[] = ['count(*) AS lhs_n']
  plan.measures.forEach((measure, i) => {
    const { a, b } = measureColumns(i)
    const { where, value } = measure.definition
    const within = where === null ? null : conditionSql(where, columns)
    const both = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : `(${x} AND ${y})`)
    if (value.kind === 'count') {
      if (within !== null) inner.push(`${within} AS m${i}_in`)
      sums.push(`${within === null ? 'count(*)' : `count(*) FILTER (WHERE m${i}_in)`} AS ${a}`)
    } else if (value.kind === 'ratio') {
      const denominator = both(within, value.denominator === null ? null : conditionSql(value.denominator, columns))
      inner.push(`${both(denominator, conditionSql(value.numerator, columns))} AS m${i}_num`)
      if (denominator !== null) inner.push(`${denominator} AS m${i}_den`)
      sums.push(`count(*) FILTER (WHERE m${i}_num) AS ${a}`, `${denominator === null ? 'count(*)' : `count(*) FILTER (WHERE m${i}_den)`} AS ${b}`)
    } else {
      inner.push(`${numberExpression(columns, value.column)} AS m${i}_x`)
      if (within !== null) inner.push(`${within} AS m${i}_in`)
      const filter = within === null ? '' : ` FILTER (WHERE m${i}_in)`
      sums.push(`fsum(m${i}_x)${filter} AS ${a}`, `count(m${i}_x)${filter} AS ${b}`)
    }
  })
  for (const [name, bad] of counters) {
    inner.push(`${bad} AS ${name}_bad`)
    sums.push(`count(*) FILTER (WHERE ${name}_bad) AS ${name}`)
  }
  const keys = cellKeys(plan)
  return [
    `CREATE TEMP TABLE ${table} AS SELECT ${[...keys, ...sums].join(', ')}`,
    `FROM (SELECT ${inner.join(', ')} FROM ${source}) AS lhs_rows`,
    `GROUP BY ${keys.join(', ')}`,
  ].join('\n')
}

/**
 * The cells of `table` summed by period × (whole organisation, each site) × (all people, each
 * group of each dimension). Rows without a value in a group column count in the totals but in no
 * group of that dimension.
 */
export function outputQuery(plan: QueryPlan, table: string): string {
  const first = firstOf(plan)
  const { site, groups } = first.definition
  const sums = plan.measures.flatMap((measure, i) => {
    const { a, b } = measureColumns(i)
    switch (measure.definition.value.kind) {
      case 'count':
        return [`sum(${a}) AS ${a}`, `NULL AS ${b}`]
      case 'ratio':
        return [`sum(${a}) AS ${a}`, `sum(${b}) AS ${b}`]
      case 'mean':
        return [`fsum(${a}) AS ${a}`, `sum(${b}) AS ${b}`]
    }
  })
  const siteOut = site === null ? `CAST(NULL AS VARCHAR)` : `CASE WHEN GROUPING(lhs_s) = 0 THEN lhs_s END`
  const dimensionOut = groups.length === 0 ? `CAST(NULL AS VARCHAR)` : `CASE ${groups.map((g, i) => `WHEN GROUPING(lhs_g${i}) = 0 THEN ${quoteString(g.dimension)}`).join(' ')} END`
  const groupOut = groups.length === 0 ? `CAST(NULL AS VARCHAR)` : `CASE ${groups.map((_, i) => `WHEN GROUPING(lhs_g${i}) = 0 THEN lhs_g${i}`).join(' ')} END`
  const having = groups.map((_, i) => `NOT (GROUPING(lhs_g${i}) = 0 AND lhs_g${i} IS NULL)`)
  const sites = site === null ? [[]] : [[], ['lhs_s']]
  const dimensions = [[], ...groups.map((_, i) => [`lhs_g${i}`])]
  const sets = sites.flatMap((s) => dimensions.map((d) => `(${['lhs_p', ...s, ...d].join(', ')})`))
  return [
    `SELECT lhs_p AS ${OUTPUT.period}, ${siteOut} AS ${OUTPUT.site}, ${dimensionOut} AS ${OUTPUT.dimension}, ${groupOut} AS ${OUTPUT.group}, ${sums.join(', ')}`,
    `FROM ${table}`,
    `GROUP BY GROUPING SETS (${sets.join(', ')})`,
    ...(having.length > 0 ? [`HAVING ${having.join(' AND ')}`] : []),
    `ORDER BY ${OUTPUT.period}, ${OUTPUT.site} NULLS FIRST, ${OUTPUT.dimension} NULLS FIRST, ${OUTPUT.group}`,
  ].join('\n')
}
