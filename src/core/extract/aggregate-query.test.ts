import { describe, expect, it } from 'vitest'
import type { MeasureKind, PeriodUnit } from '../model.ts'
import { cellsStatement, outputQuery, planQueries, type ExtractMeasure } from './aggregate-query.ts'
import { observationsFromAggregates } from './aggregate-rows.ts'
import { planChecks } from './check-query.ts'
import type { ColumnInfo } from './columns.ts'
import { parseExtractDefinition } from './definition.ts'
import { conditionSql } from './expressions.ts'
import { parseCondition } from './parse-condition.ts'
import { numberLiteral, quoteIdentifier, quoteString } from './sql-text.ts'

function measure(code: string, kind: MeasureKind, raw: object, period: PeriodUnit = 'month', rateMultiplier: number | null = null): ExtractMeasure {
  const parsed = parseExtractDefinition(raw, { code, kind })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return { code, kind, period, rateMultiplier, definition: parsed.definition }
}

const TEXT: ColumnInfo = { kind: 'text', type: 'VARCHAR' }
const columnsOf = (...names: string[]) => new Map(names.map((n) => [n, TEXT]))

describe('SQL text', () => {
  it('quotes names and escapes text so nothing in them is read as SQL', () => {
    expect(quoteIdentifier('x"; DROP TABLE t; --')).toBe('"x""; DROP TABLE t; --"')
    expect(quoteString("'); DROP TABLE t; --")).toBe("'''); DROP TABLE t; --'")
    expect(numberLiteral(-0)).toBe('CAST(0 AS DOUBLE)')
    expect(numberLiteral(1e15)).toBe('CAST(1000000000000000 AS DOUBLE)')
  })

  it('refuses what it cannot write faithfully', () => {
    expect(() => quoteIdentifier('')).toThrow(/invalid SQL identifier/)
    expect(() => quoteIdentifier('a\nb')).toThrow(/invalid SQL identifier/)
    expect(() => quoteString('a\u0000b')).toThrow(/invalid SQL string/)
    expect(() => numberLiteral(Number.NaN)).toThrow(/finite/)
  })

  it('compiles each kind of comparison by what the column holds', () => {
    const sql = (text: string, columns: Map<string, ColumnInfo>) => {
      const parsed = parseCondition(text)
      if (!parsed.ok) throw new Error(text)
      return conditionSql(parsed.condition, columns)
    }
    const columns = new Map<string, ColumnInfo>([['t', TEXT], ['n', { kind: 'number', type: 'BIGINT' }], ['b', { kind: 'boolean', type: 'BOOLEAN' }], ['d', { kind: 'date', type: 'DATE' }]])
    expect(sql("t = 'a'", columns)).toBe(`("t" = 'a')`)
    expect(sql('t > 2.5', columns)).toBe(`(TRY_CAST("t" AS DOUBLE) > CAST(2.5 AS DOUBLE))`)
    expect(sql('t = true', columns)).toBe(`(TRY_CAST("t" AS BOOLEAN) = TRUE)`)
    expect(sql("n = '7'", columns)).toBe(`(CAST("n" AS VARCHAR) = '7')`)
    expect(sql('n NOT IN (1, 2)', columns)).toBe(`(CAST("n" AS DOUBLE) NOT IN (CAST(1 AS DOUBLE), CAST(2 AS DOUBLE)))`)
    expect(sql('b != false', columns)).toBe(`("b" <> FALSE)`)
    expect(sql("d = '2024-01-01' OR NOT d IS NULL", columns)).toBe(`((CAST("d" AS VARCHAR) = '2024-01-01') OR (NOT ("d" IS NULL)))`)
  })
})

describe('the aggregate statements', () => {
  const hostile = 'x"; DROP TABLE t; --'
  const dna = measure('dna', 'proportion', { date: 'when', site: 'site', groups: { imd_quintile: hostile }, where: `"${hostile.replaceAll('"', '""')}" != '''; DROP'`, numerator: "attended = 'N'" })
  const visits = measure('visits', 'count', { date: 'when', site: 'site', groups: { imd_quintile: hostile }, count: true })
  const waits = measure('waits', 'mean', { date: 'when', mean: 'wait' })
  const columns = columnsOf('when', 'site', hostile, 'attended', 'wait')

  it('answers measures with the same breakdown together, in order', () => {
    expect(planQueries([dna, waits, visits]).map((p) => p.measures.map((m) => m.code))).toEqual([['dna', 'visits'], ['waits']])
    expect(planQueries([dna, { ...visits, period: 'week' }]).length).toBe(2)
  })

  it('holds hostile names and values only quoted', () => {
    const [plan] = planQueries([dna, visits])
    const statements = [cellsStatement("read_csv('f.csv')", columns, plan!, 'lhs_cells_0', planChecks(plan!, columns, new Set(["s'1"])).counters), outputQuery(plan!, 'lhs_cells_0')]
    const all = statements.join('\n')
    expect(all).toContain('"x""; DROP TABLE t; --"')
    expect(all).toContain("'''; DROP'")
    expect(all.replaceAll('"x""; DROP TABLE t; --"', '').replaceAll("'''; DROP'", '')).not.toContain('DROP')
  })

  it('keeps a measure\'s where, denominator and numerator nested: numerator rows are a subset of denominator rows', () => {
    const m = measure('m', 'proportion', { date: 'when', where: "site = 'a'", denominator: 'wait > 0', numerator: "attended = 'N'" })
    const sql = cellsStatement('src', columns, planQueries([m])[0]!, 't')
    expect(sql).toContain(`((("site" = 'a') AND (TRY_CAST("wait" AS DOUBLE) > CAST(0 AS DOUBLE))) AND ("attended" = 'N')) AS m0_num`)
    expect(sql).toContain(`(("site" = 'a') AND (TRY_CAST("wait" AS DOUBLE) > CAST(0 AS DOUBLE))) AS m0_den`)
  })

  it('sums the cells by every period × (organisation, site) × (all people, each dimension)', () => {
    const sql = outputQuery(planQueries([dna])[0]!, 't')
    expect(sql).toContain('GROUP BY GROUPING SETS ((lhs_p), (lhs_p, lhs_g0), (lhs_p, lhs_s), (lhs_p, lhs_s, lhs_g0))')
    expect(outputQuery(planQueries([waits])[0]!, 't')).toContain('GROUP BY GROUPING SETS ((lhs_p))')
  })
})

describe('observations from the aggregate rows', () => {
  const row = (values: (number | null)[], group: string | null = null) => ({ period: '2025-01-01', site: 'a', dimension: group === null ? null : 'imd_quintile', group, values })

  it('follows the model for each kind: count alone; proportion a fraction; rate × multiplier; mean with its count', () => {
    const count = measure('c', 'count', { date: 'd', count: true })
    const proportion = measure('p', 'proportion', { date: 'd', numerator: 'x = 1' })
    const rate = measure('r', 'rate', { date: 'd', numerator: 'x = 1' }, 'month', 1000)
    const mean = measure('w', 'mean', { date: 'd', mean: 'x' })
    const plan = { measures: [count, proportion, rate, mean] }
    const out = observationsFromAggregates(plan, [row([12, null, 3, 12, 3, 12, 30.5, 5], '2')])
    expect(out.map((o) => [o.measure, o.numerator, o.denominator, o.value])).toEqual([
      ['c', null, null, 12],
      ['p', 3, 12, 0.25],
      ['r', 3, 12, 250],
      ['w', null, 5, 6.1],
    ])
    expect(out[0]).toMatchObject({ period: '2025-01-01', site: 'a', dimension: 'imd_quintile', group: '2' })
  })

  it('leaves out a cell with nobody in its denominator, but keeps a count of 0', () => {
    const plan = { measures: [measure('c', 'count', { date: 'd', where: 'x = 1', count: true }), measure('p', 'proportion', { date: 'd', numerator: 'x = 1', denominator: 'x IS NOT NULL' }), measure('w', 'mean', { date: 'd', mean: 'x' })] }
    expect(observationsFromAggregates(plan, [row([0, null, 0, 0, null, 0])]).map((o) => [o.measure, o.value])).toEqual([['c', 0]])
  })
})
