import { describe, expect, it } from 'vitest'
import type { MeasureKind } from '../model.ts'
import { checkColumns, definitionColumns, type ColumnInfo } from './columns.ts'
import { parseExtractDefinition, type DefinitionProblem, type ExtractDefinition } from './definition.ts'

function definition(raw: unknown, kind: MeasureKind = 'proportion'): ExtractDefinition {
  const parsed = parseExtractDefinition(raw, { code: 'dna-rate', kind })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.definition
}

function problems(raw: unknown, kind?: MeasureKind): Pick<DefinitionProblem, 'code' | 'field'>[] {
  const parsed = parseExtractDefinition(raw, { code: 'dna-rate', kind })
  return parsed.ok ? [] : parsed.problems.map(({ code, field }) => ({ code, field }))
}

const DNA = { date: 'appointment_date', site: 'practice', groups: { imd_quintile: 'imd', ethnicity: 'Ethnic group' }, where: "status != 'cancelled'", numerator: "attended = 'N'" }

describe('parseExtractDefinition', () => {
  it('reads a proportion: columns, groups in order, conditions parsed, the JSON kept in a fixed key order', () => {
    const d = definition({ numerator: DNA.numerator, groups: DNA.groups, where: DNA.where, site: DNA.site, date: DNA.date })
    expect(d.date).toBe('appointment_date')
    expect(d.site).toBe('practice')
    expect(d.groups).toEqual([{ dimension: 'imd_quintile', column: 'imd' }, { dimension: 'ethnicity', column: 'Ethnic group' }])
    expect(d.where).toMatchObject({ kind: 'compare', column: 'status', operator: '!=' })
    expect(d.value).toMatchObject({ kind: 'ratio', numerator: { column: 'attended' }, denominator: null })
    expect(Object.keys(d.json)).toEqual(['date', 'site', 'groups', 'where', 'numerator'])
  })

  it('reads a count, a mean and a ratio with a denominator; site and groups may be left out or null', () => {
    expect(definition({ date: 'd', count: true }, 'count')).toMatchObject({ site: null, groups: [], where: null, value: { kind: 'count' }, json: { date: 'd', count: true } })
    expect(definition({ date: 'd', site: null, groups: null, mean: 'wait_days' }, 'mean')).toMatchObject({ value: { kind: 'mean', column: 'wait_days' }, json: { date: 'd', mean: 'wait_days' } })
    expect(definition({ date: 'd', numerator: 'falls > 0', denominator: "ward IS NOT NULL" }, 'rate').value).toMatchObject({ kind: 'ratio', denominator: { kind: 'null', negated: true } })
  })

  it('reports every problem, each naming the measure and the field', () => {
    const parsed = parseExtractDefinition({ date: 3, site: '', groups: { 'IMD quintile': 'imd', sex: 7 }, where: "a = ", numerator: 'x = 1', colour: 'red' }, { code: 'dna-rate', kind: 'proportion' })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems.map((p) => [p.code, p.field])).toEqual([
      ['unknown_field', 'extract.colour'],
      ['wrong_type', 'extract.date'],
      ['bad_column', 'extract.site'],
      ['bad_dimension', 'extract.groups.IMD quintile'],
      ['wrong_type', 'extract.groups.sex'],
      ['bad_condition', 'extract.where'],
    ])
    for (const p of parsed.problems) expect(p.problem).toMatch(/^measure "dna-rate": /)
    const where = parsed.problems.find((p) => p.field === 'extract.where')
    expect(where?.problem).toBe('measure "dna-rate": extract.where "a = " cannot be read at character 5: found the end of the condition')
    expect(where?.expected).toContain('a value')
  })

  it.each([
    [{ date: 'd' }, 'proportion', [{ code: 'missing_value', field: 'extract' }]],
    [{ date: 'd', count: true, mean: 'x' }, undefined, [{ code: 'conflicting_fields', field: 'extract' }]],
    [{ date: 'd', denominator: 'a = 1' }, 'proportion', [{ code: 'missing_value', field: 'extract.numerator' }]],
    [{ date: 'd', count: true }, 'proportion', [{ code: 'kind_mismatch', field: 'extract.count' }]],
    [{ date: 'd', numerator: 'a = 1' }, 'count', [{ code: 'kind_mismatch', field: 'extract.numerator' }]],
    [{ date: 'd', mean: 'w' }, 'rate', [{ code: 'kind_mismatch', field: 'extract.mean' }]],
    [{ date: 'd', count: 'yes' }, 'count', [{ code: 'wrong_type', field: 'extract.count' }]],
    [{ count: true }, 'count', [{ code: 'missing_value', field: 'extract.date' }]],
    [{ date: 'a\u0000b', count: true }, 'count', [{ code: 'bad_column', field: 'extract.date' }]],
    [{ date: 'x'.repeat(256), count: true }, 'count', [{ code: 'bad_column', field: 'extract.date' }]],
    [{ date: 'd', count: true, groups: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`g${i}`, `c${i}`])) }, 'count', [{ code: 'too_many_groups', field: 'extract.groups' }]],
    [{ date: 'd', count: true, groups: ['imd'] }, 'count', [{ code: 'wrong_type', field: 'extract.groups' }]],
    [{ date: 'd', numerator: 42 }, 'proportion', [{ code: 'wrong_type', field: 'extract.numerator' }]],
    ['{"date": "d"}', 'count', [{ code: 'wrong_type', field: 'extract' }]],
    [null, 'count', [{ code: 'wrong_type', field: 'extract' }]],
  ] as const)('%j for a %s measure: %j', (raw, kind, expected) => {
    expect(problems(raw, kind)).toEqual(expected)
  })

  it('says what each kind of measure needs', () => {
    const parsed = parseExtractDefinition({ date: 'd', count: true }, { code: 'wait', kind: 'mean' })
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.problem, p.expected])).toEqual([['measure "wait": extract.count does not fit a mean measure', '"mean", as the measure is a mean']])
  })
})

describe('the columns of a definition', () => {
  const d = definition(DNA)
  const text = (): ColumnInfo => ({ kind: 'text', type: 'VARCHAR' })

  it('lists every column with its roles, in order of first mention', () => {
    expect([...definitionColumns(d)].map(([c, roles]) => [c, roles.map((r) => `${r.field}:${r.use}`)])).toEqual([
      ['appointment_date', ['extract.date:date']],
      ['practice', ['extract.site:site']],
      ['imd', ['extract.groups.imd_quintile:group']],
      ['Ethnic group', ['extract.groups.ethnicity:group']],
      ['status', ['extract.where:text']],
      ['attended', ['extract.numerator:text']],
    ])
  })

  it('finds missing columns (suggesting one that differs only in case) and columns whose type does not fit', () => {
    const columns = new Map<string, ColumnInfo>([
      ['appointment_date', { kind: 'number', type: 'BIGINT' }],
      ['PRACTICE', text()],
      ['imd', { kind: 'number', type: 'INTEGER' }],
      ['Ethnic group', text()],
      ['status', { kind: 'other', type: 'VARCHAR[]' }],
    ])
    expect(checkColumns(d, columns)).toEqual([
      { code: 'wrong_column_type', column: 'appointment_date', field: 'extract.date', type: 'BIGINT', expected: 'dates: a DATE or TIMESTAMP column, or text such as 2024-03-05' },
      { code: 'missing_column', column: 'practice', field: 'extract.site', suggestion: 'PRACTICE' },
      { code: 'wrong_column_type', column: 'status', field: 'extract.where', type: 'VARCHAR[]', expected: 'values that can be compared as text' },
      { code: 'missing_column', column: 'attended', field: 'extract.numerator' },
    ])
  })

  it('accepts a number compared with a number only in a numeric or text column, and true/false only in a boolean or text one', () => {
    const flagged = definition({ date: 'd', numerator: 'age >= 65 AND smoker = true' })
    const base = new Map<string, ColumnInfo>([['d', { kind: 'date', type: 'DATE' }]])
    const fits = (age: ColumnInfo, smoker: ColumnInfo) => checkColumns(flagged, new Map([...base, ['age', age], ['smoker', smoker]])).map((p) => p.column)
    expect(fits({ kind: 'number', type: 'INTEGER' }, { kind: 'boolean', type: 'BOOLEAN' })).toEqual([])
    expect(fits(text(), text())).toEqual([])
    expect(fits({ kind: 'boolean', type: 'BOOLEAN' }, { kind: 'number', type: 'INTEGER' })).toEqual(['age', 'smoker'])
  })
})
