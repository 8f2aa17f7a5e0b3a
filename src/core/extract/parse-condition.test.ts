import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Condition } from './condition.ts'
import { conditionColumns } from './condition.ts'
import { CONDITION_MAX_DEPTH, CONDITION_MAX_LENGTH, parseCondition } from './parse-condition.ts'

function parsed(text: string): Condition {
  const result = parseCondition(text)
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.problem)}`)
  return result.condition
}

const cmp = (column: string, operator: string, literal: unknown) => ({ kind: 'compare', column, operator, literal })
const text = (value: string) => ({ type: 'text', value })
const num = (value: number) => ({ type: 'number', value })

describe('parseCondition: what it reads', () => {
  it.each([
    ["attended = 'N'", cmp('attended', '=', text('N'))],
    ["attended != 'N'", cmp('attended', '!=', text('N'))],
    ["attended <> 'N'", cmp('attended', '!=', text('N'))],
    ['age >= 65', cmp('age', '>=', num(65))],
    ['wait < -1.5e2', cmp('wait', '<', num(-150))],
    ['flag = TRUE', cmp('flag', '=', { type: 'boolean', value: true })],
    ['flag != false', cmp('flag', '!=', { type: 'boolean', value: false })],
    [`"Ethnic group" = 'White'`, cmp('Ethnic group', '=', text('White'))],
    [`"say ""hi""" = 'O''Brien'`, cmp('say "hi"', '=', text("O'Brien"))],
    [`_x1 = ''`, cmp('_x1', '=', text(''))],
    ["status IN ('a', 'b')", { kind: 'in', column: 'status', negated: false, literals: [text('a'), text('b')] }],
    ['imd not in (1,2)', { kind: 'in', column: 'imd', negated: true, literals: [num(1), num(2)] }],
    ['outcome IS NULL', { kind: 'null', column: 'outcome', negated: false }],
    ['outcome is not null', { kind: 'null', column: 'outcome', negated: true }],
  ])('%s', (input, expected) => {
    expect(parsed(input)).toEqual(expected)
  })

  it('binds NOT tighter than AND, and AND tighter than OR, as SQL does', () => {
    expect(parsed('a = 1 OR b = 2 AND NOT c = 3')).toEqual({
      kind: 'or',
      left: cmp('a', '=', num(1)),
      right: { kind: 'and', left: cmp('b', '=', num(2)), right: { kind: 'not', operand: cmp('c', '=', num(3)) } },
    })
    expect(parsed('(a = 1 OR b = 2) AND c = 3')).toMatchObject({ kind: 'and', left: { kind: 'or' } })
    expect(parsed('NOT (a = 1 AND b = 2)')).toMatchObject({ kind: 'not', operand: { kind: 'and' } })
  })

  it('reads keywords in any case and spreads over lines', () => {
    expect(parsed("a = 'x'\n\tand\r\n b iS nOt NuLl")).toEqual({ kind: 'and', left: cmp('a', '=', text('x')), right: { kind: 'null', column: 'b', negated: true } })
  })

  it('lists each column with the ways it is used', () => {
    const columns = conditionColumns(parsed("a = 'x' AND (b > 2 OR a IS NULL) AND c IN (true, false)"))
    expect([...columns].map(([c, uses]) => [c, [...uses]])).toEqual([['a', ['text', 'null']], ['b', ['number']], ['c', ['boolean']]])
  })

  it('round-trips any text value and any column name through quoting (property)', () => {
    // eslint-disable-next-line no-control-regex -- control characters are what is left out
    const printable = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s))
    fc.assert(
      fc.property(printable.filter((s) => s !== ''), printable, (column, value) => {
        const source = `"${column.replaceAll('"', '""')}" = '${value.replaceAll("'", "''")}'`
        expect(parsed(source)).toEqual(cmp(column, '=', text(value)))
      }),
    )
  })
})

describe('parseCondition: what it refuses, with the character and what was expected', () => {
  it.each([
    ['', 1, 'a condition such as', 'the end of the condition'],
    ['attended =', 11, 'a value', 'the end of the condition'],
    ['attended = N', 12, "text goes in single quotes: 'N'", '"N"'],
    ["= 'N'", 1, 'a column name', '"="'],
    ["attended 'N'", 10, 'a comparison (=, !=, <, <=, >, >=)', "the text 'N'"],
    ["a = 'x", 5, "a closing ' for the text", 'the end of the condition'],
    ['"a = 1', 1, 'a closing " for the column name', 'the end of the condition'],
    ['"" = 1', 1, 'a column name between the double quotes', '""'],
    ['a IN ()', 7, 'a value', '")"'],
    ["a IN (1, 'x')", 10, 'a number like the first value of the list', "the text 'x'"],
    ["a IN ('x' 'y')", 11, 'a comma and another value, or a closing parenthesis', "the text 'y'"],
    ["a IN 'x'", 6, 'an opening parenthesis', "the text 'x'"],
    ['a < true', 3, '= or != before true or false', '"<"'],
    ['a = 1 b = 2', 7, 'AND, OR, or the end of the condition', '"b"'],
    ['(a = 1', 7, 'a closing parenthesis, AND or OR', 'the end of the condition'],
    ['a IS 5', 6, 'NULL or NOT NULL after IS', '"5"'],
    ['a NOT = 1', 7, 'IN after NOT', '"="'],
    ['NOT', 4, 'a column name', 'the end of the condition'],
    ['a = 1e16', 5, 'a number between -1000000000000000 and 1000000000000000', '"1e16"'],
    ['a = 12abc', 5, 'a number (digits, an optional decimal point and exponent) followed by', '"12abc"'],
    ['a = 1 AND b ; DROP', 13, 'a column name, a value in single quotes', '"; DROP"'],
    ['a = \u0000', 5, 'printable characters', 'the control character U+0000'],
    ['a = 1 AND', 10, 'a column name', 'the end of the condition'],
  ])('%j fails at character %i', (input, position, expected, found) => {
    const result = parseCondition(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.position).toBe(position)
    expect(result.problem.expected).toContain(expected)
    expect(result.problem.found).toBe(found)
  })

  it('refuses nesting deeper than the limit instead of exhausting the stack', () => {
    const deep = `${'('.repeat(CONDITION_MAX_DEPTH + 1)}a = 1${')'.repeat(CONDITION_MAX_DEPTH + 1)}`
    const result = parseCondition(deep)
    expect(result).toMatchObject({ ok: false, problem: { expected: `at most ${CONDITION_MAX_DEPTH} levels of parentheses and NOT` } })
    expect(parseCondition(`${'NOT '.repeat(CONDITION_MAX_DEPTH - 1)}a = 1`).ok).toBe(true)
  })

  it('refuses a condition longer than the limit', () => {
    const long = `a IN (${Array.from({ length: 1000 }, (_, i) => i).join(', ')})`
    expect(long.length).toBeGreaterThan(CONDITION_MAX_LENGTH)
    expect(parseCondition(long)).toMatchObject({ ok: false, problem: { position: CONDITION_MAX_LENGTH + 1 } })
  })

  it('never throws, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        const result = parseCondition(input)
        if (!result.ok) {
          expect(result.problem.position).toBeGreaterThanOrEqual(1)
          expect(result.problem.position).toBeLessThanOrEqual(input.length + 1)
        }
      }),
    )
  })
})
