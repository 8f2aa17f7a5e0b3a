/**
 * A recursive-descent parser for extract conditions (grammar in docs/methods/extracts.md):
 *
 *   condition := and (OR and)*          and := unary (AND unary)*
 *   unary     := NOT unary | '(' condition ')' | predicate
 *   predicate := column (operator literal | [NOT] IN '(' literal (',' literal)* ')' | IS [NOT] NULL)
 *
 * NOT binds tighter than AND, and AND tighter than OR, as in SQL.
 */
import type { ComparisonOperator, Condition, Literal } from './condition.ts'
import { tokenize, type ConditionProblem, type Token } from './condition-tokens.ts'

export type ParsedCondition = { readonly ok: true; readonly condition: Condition } | { readonly ok: false; readonly problem: ConditionProblem }

/** Longest condition text accepted, in characters. */
export const CONDITION_MAX_LENGTH = 4000
/** Deepest nesting of parentheses and NOTs, so a hostile condition cannot exhaust the stack. */
export const CONDITION_MAX_DEPTH = 50
/** Most values in one IN list. */
export const IN_LIST_LIMIT = 1000

const LITERAL = "a value: text in single quotes, a number, true or false"
const OPERATORS = 'a comparison (=, !=, <, <=, >, >=), IN (…), NOT IN (…), IS NULL or IS NOT NULL'

class Failure extends Error {
  constructor(readonly problem: ConditionProblem) {
    super(problem.expected)
  }
}

export function parseCondition(text: string): ParsedCondition {
  if (text.length > CONDITION_MAX_LENGTH) {
    return { ok: false, problem: { position: CONDITION_MAX_LENGTH + 1, expected: `a condition of at most ${CONDITION_MAX_LENGTH.toLocaleString('en-GB')} characters`, found: `${text.length.toLocaleString('en-GB')} characters` } }
  }
  const tokens = tokenize(text)
  if (!tokens.ok) return tokens
  try {
    return { ok: true, condition: new Parser(tokens.tokens, text.length).parse() }
  } catch (error) {
    if (error instanceof Failure) return { ok: false, problem: error.problem }
    throw error
  }
}

function describe(token: Token | undefined): string {
  if (token === undefined) return 'the end of the condition'
  if (token.kind === 'text') return `the text '${token.text.length > 20 ? `${token.text.slice(0, 20)}…` : token.text}'`
  if (token.kind === 'name' && token.quoted) return `the column "${token.text}"`
  return `"${token.text}"`
}

class Parser {
  #index = 0
  #depth = 0

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  parse(): Condition {
    if (this.tokens.length === 0) this.fail('a condition such as attended = \'N\'')
    const condition = this.or()
    if (this.#peek() !== undefined) this.fail('AND, OR, or the end of the condition')
    return condition
  }

  or(): Condition {
    let left = this.and()
    while (this.#keyword('OR')) left = { kind: 'or', left, right: this.and() }
    return left
  }

  and(): Condition {
    let left = this.unary()
    while (this.#keyword('AND')) left = { kind: 'and', left, right: this.unary() }
    return left
  }

  unary(): Condition {
    if (++this.#depth > CONDITION_MAX_DEPTH) this.fail(`at most ${CONDITION_MAX_DEPTH} levels of parentheses and NOT`)
    try {
      if (this.#keyword('NOT')) return { kind: 'not', operand: this.unary() }
      if (this.#peek()?.kind === '(') {
        this.#index++
        const inner = this.or()
        this.#expect(')', 'a closing parenthesis, AND or OR')
        return inner
      }
      return this.predicate()
    } finally {
      this.#depth--
    }
  }

  predicate(): Condition {
    const token = this.#peek()
    if (token?.kind !== 'name') this.fail('a column name (letters, digits and _, or any name in double quotes), NOT or (')
    this.#index++
    const column = token.text
    const next = this.#peek()
    if (next?.kind === 'operator') {
      this.#index++
      const operator: ComparisonOperator = next.text === '<>' ? '!=' : next.text
      const literal = this.literal()
      if (literal.type === 'boolean' && operator !== '=' && operator !== '!=') this.fail('= or != before true or false', next)
      return { kind: 'compare', column, operator, literal }
    }
    if (this.#keyword('IS')) {
      const negated = this.#keyword('NOT')
      if (!this.#keyword('NULL')) this.fail(negated ? 'NULL after IS NOT' : 'NULL or NOT NULL after IS')
      return { kind: 'null', column, negated }
    }
    const negated = this.#keyword('NOT')
    if (this.#keyword('IN')) return { kind: 'in', column, negated, literals: this.list() }
    return this.fail(negated ? 'IN after NOT' : OPERATORS)
  }

  list(): Literal[] {
    this.#expect('(', "an opening parenthesis for the list of values, as in IN ('a', 'b')")
    const literals = [this.literal()]
    while (this.#peek()?.kind === ',') {
      this.#index++
      if (literals.length >= IN_LIST_LIMIT) this.fail(`at most ${IN_LIST_LIMIT.toLocaleString('en-GB')} values in one IN list`)
      const start = this.#peek()
      const literal = this.literal()
      if (literal.type !== literals[0]?.type) this.fail(`a ${literals[0]?.type === 'text' ? 'text value' : literals[0]?.type} like the first value of the list (an IN list holds one kind of value)`, start)
      literals.push(literal)
    }
    this.#expect(')', 'a comma and another value, or a closing parenthesis')
    return literals
  }

  literal(): Literal {
    const token = this.#peek()
    if (token?.kind === 'text') {
      this.#index++
      return { type: 'text', value: token.text }
    }
    if (token?.kind === 'number') {
      this.#index++
      return { type: 'number', value: token.value }
    }
    if (token?.kind === 'keyword' && (token.keyword === 'TRUE' || token.keyword === 'FALSE')) {
      this.#index++
      return { type: 'boolean', value: token.keyword === 'TRUE' }
    }
    if (token?.kind === 'name' && !token.quoted) this.fail(`${LITERAL} (text goes in single quotes: '${token.text}')`)
    return this.fail(LITERAL)
  }

  #peek(): Token | undefined {
    return this.tokens[this.#index]
  }

  #keyword(keyword: string): boolean {
    const token = this.#peek()
    if (token?.kind !== 'keyword' || token.keyword !== keyword) return false
    this.#index++
    return true
  }

  #expect(kind: '(' | ')', expected: string): void {
    if (this.#peek()?.kind !== kind) this.fail(expected)
    this.#index++
  }

  fail(expected: string, at: Token | undefined = this.#peek()): never {
    const position = at === undefined ? this.length + 1 : at.position
    throw new Failure({ position, expected, found: describe(at) })
  }
}
